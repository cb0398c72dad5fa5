// The strict JSON reader: iterative (no stack overflow at any depth), depth capped by path,
// control characters escaped in its messages, and the same value as JSON.parse on valid text.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_JSON_DEPTH, parseStrictJson } from '../../../src/shared/json/strict-json'

const problemsOf = (text: string): { path: string; message: string }[] => {
  const r = parseStrictJson(text)
  if (r.ok) throw new Error('accepted')
  return r.problems
}

describe('parseStrictJson', () => {
  it('refuses 200,000 nested [ by path instead of overflowing the stack', () => {
    const [p, ...rest] = problemsOf('['.repeat(200_000))
    expect(rest).toEqual([])
    expect(p!.path).toBe('[0]'.repeat(MAX_JSON_DEPTH))
    expect(p!.message).toBe(`nested deeper than ${MAX_JSON_DEPTH} arrays or objects; no file this program reads nests more than a few`)
  })

  it('names the key where objects nest too deep, and accepts the deepest allowed nesting', () => {
    const deep = (levels: number): string => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels)
    expect(parseStrictJson(deep(MAX_JSON_DEPTH)).ok).toBe(true)
    expect(problemsOf(deep(MAX_JSON_DEPTH + 1))[0]!.path).toBe(Array(MAX_JSON_DEPTH).fill('a').join('.'))
  })

  it('escapes control characters in what it echoes: a file of NUL bytes, a key with ESC', () => {
    expect(problemsOf('\u0000\u0000\u0000')).toEqual([{ path: '(file)', message: "not valid JSON at line 1, column 1: unexpected '\\u0000'" }])
    expect(problemsOf('{"a\\u001b[31m": 1, "a\\u001b[31m": 2}')).toEqual([{ path: 'a["a\\u001b[31m"]'.slice(1), message: 'duplicate key' }])
    expect(problemsOf('{"x": 1}\u202e')[0]!.message).toBe("not valid JSON at line 1, column 9: unexpected text after the JSON value")
    expect(problemsOf('[1, \u007f]')[0]!.message).toBe("not valid JSON at line 1, column 5: unexpected '\\u007f'")
  })

  it('reads a real scenario exactly as JSON.parse does, keeping each number as written', () => {
    const text = readFileSync(resolve(import.meta.dirname, '../../../resources/examples/fifty-positions.mpscenario.json'), 'utf8')
    const r = parseStrictJson(text)
    if (!r.ok) throw new Error('refused')
    expect(r.json.value).toEqual(JSON.parse(text))
    expect(r.json.numberText.get('version')).toBe('1')
    expect(r.json.numberText.get('account.positions[0].leverage')).toBe('20')
  })

  it('keeps number text, "__proto__" as a plain key, and refuses what JSON refuses', () => {
    const r = parseStrictJson('{"__proto__": {"x": 6.4e4}, "odd key": [-0.0, 1E+2]}')
    if (!r.ok) throw new Error('refused')
    expect(Object.getPrototypeOf(r.json.value)).toBe(Object.prototype)
    expect([...r.json.numberText]).toEqual([['__proto__.x', '6.4e4'], ['["odd key"][0]', '-0.0'], ['["odd key"][1]', '1E+2']])
    for (const bad of ['01', '[1,]', '{"a":1,}', '"\t"', '-', '1.', '1e', '[', '"\\x"', 'tru', "'a'"]) {
      expect(parseStrictJson(bad).ok, bad).toBe(false)
      expect(() => JSON.parse(bad), bad).toThrow()
    }
  })

  it('gives each number by its container and key, the text its JSON path gives', () => {
    const r = parseStrictJson('{"a": {"x": 6.4e4, "y": [1.0, 2]}, "b": 3, "c": "4"}')
    if (!r.ok) throw new Error('refused')
    const v = r.json.value as { a: { x: number; y: number[] }; b: number }
    expect(r.json.numbers.at(v.a, 'x')).toBe('6.4e4')
    expect(r.json.numbers.at(v.a.y, 0)).toBe('1.0')
    expect(r.json.numbers.at(v.a.y, 1)).toBe('2')
    expect(r.json.numbers.at(v, 'b')).toBe('3')
    // Not a number, or another object with the same fields: nothing.
    expect(r.json.numbers.at(v, 'c')).toBeUndefined()
    expect(r.json.numbers.at(v.a, 'y')).toBeUndefined()
    expect(r.json.numbers.at({ ...v.a }, 'x')).toBeUndefined()
    expect([...r.json.numberText]).toEqual([['a.x', '6.4e4'], ['a.y[0]', '1.0'], ['a.y[1]', '2'], ['b', '3']])
    const bare = parseStrictJson(' 1E2 ')
    if (!bare.ok) throw new Error('refused')
    expect([...bare.json.numberText]).toEqual([['', '1E2']])
  })
})
