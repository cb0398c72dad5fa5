// The fast way through a JSON file (plain-json.ts): it gives exactly the strict reader's value,
// and gives nothing (so the strict reader speaks) for every text the strict reader refuses or
// would read differently: duplicate keys however spelt, too deep a nesting, anything not JSON.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readPlainJson } from '../../../src/shared/json/plain-json'
import { MAX_JSON_DEPTH, parseStrictJson } from '../../../src/shared/json/strict-json'

/** The strict reader's value, or undefined when it refuses the text. */
function strictValue(text: string): { value: unknown } | undefined {
  const read = parseStrictJson(text)
  return read.ok ? { value: read.json.value } : undefined
}

describe('readPlainJson', () => {
  it('reads what the strict reader reads, to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 1, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent)
        const plain = readPlainJson(text)
        expect(plain).toBeDefined()
        expect(plain!.value).toStrictEqual(strictValue(text)!.value)
      }),
      { numRuns: 300 }
    )
  })

  it('gives nothing exactly when an object repeats a key, at any depth', () => {
    // Few distinct keys, so members often repeat; the objects nest in arrays and objects.
    const key = fc.constantFrom('a', 'b', 'a:b', 'q"', '\\', '__proto__')
    const member = (value: fc.Arbitrary<string>) => fc.tuple(key, value).map(([k, v]) => `${JSON.stringify(k)}: ${v}`)
    const { doc } = fc.letrec<{ doc: string }>((tie) => ({
      doc: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)),
        fc.array(tie('doc'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
        fc.array(member(tie('doc')), { maxLength: 4 }).map((members) => `{${members.join(',')}}`)
      )
    }))
    fc.assert(
      fc.property(doc, (text) => {
        const strict = strictValue(text)
        const plain = readPlainJson(text)
        expect(plain === undefined).toBe(strict === undefined)
        if (plain !== undefined) expect(plain.value).toStrictEqual(strict!.value)
      }),
      { numRuns: 500 }
    )
  })

  it('gives nothing for a key repeated under another spelling, or as "__proto__"', () => {
    expect(readPlainJson('{"a": 1, "\\u0061": 2}')).toBeUndefined()
    expect(readPlainJson('{"x": {"__proto__": 1, "__proto__": 2}}')).toBeUndefined()
    expect(strictValue('{"a": 1, "\\u0061": 2}')).toBeUndefined()
  })

  it('counts members, not colons and quotes inside strings', () => {
    const text = '{"a:\\"b": "c:\\\\", "d": ["e:", {"f\\\\": ":"}]}'
    expect(readPlainJson(text)?.value).toStrictEqual(JSON.parse(text))
  })

  it('keeps "__proto__" a plain key, as the strict reader does', () => {
    const plain = readPlainJson('{"__proto__": {"polluted": true}}')!.value as Record<string, unknown>
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype)
    expect(Object.keys(plain)).toEqual(['__proto__'])
    expect(plain).toStrictEqual(strictValue('{"__proto__": {"polluted": true}}')!.value)
  })

  it('leaves too deep a nesting, a byte-order mark and non-JSON to the strict reader', () => {
    const deepest = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)
    expect(readPlainJson(deepest)?.value).toStrictEqual(strictValue(deepest)!.value)
    expect(readPlainJson('['.repeat(MAX_JSON_DEPTH + 1) + '1' + ']'.repeat(MAX_JSON_DEPTH + 1))).toBeUndefined()
    expect(readPlainJson('\ufeff{"a": 1}')).toBeUndefined()
    for (const text of ['', '{', '{"a": 1,}', '[01]', "{'a': 1}", '{"a": 1} x', 'NaN']) expect(readPlainJson(text)).toBeUndefined()
  })
})
