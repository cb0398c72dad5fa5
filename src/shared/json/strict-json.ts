// A strict JSON reader for user files. Unlike JSON.parse it keeps the source text of every
// number (so an error can say "got 6.4e4", not "got 64000"), refuses duplicate keys (JSON.parse
// silently keeps the last one) and reports where the text stops being JSON (line and column).
import type { Problem } from '../scenario/types'

export interface StrictJson {
  value: unknown
  /** JSON path -> the number exactly as written. */
  numberText: Map<string, string>
}

export type StrictJsonResult = { ok: true; json: StrictJson } | { ok: false; problems: Problem[] }

/** JSON path segment for a key: `a.b` for identifiers, `a["odd key"]` otherwise. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return base ? `${base}.${key}` : key
  return `${base}[${JSON.stringify(key)}]`
}

class JsonSyntaxError extends Error {}

export function parseStrictJson(text: string): StrictJsonResult {
  const numberText = new Map<string, string>()
  const duplicates: Problem[] = []
  let i = 0

  const fail = (what: string): never => {
    const before = text.slice(0, i)
    const line = before.split('\n').length
    const column = i - before.lastIndexOf('\n')
    throw new JsonSyntaxError(`not valid JSON at line ${line}, column ${column}: ${what}`)
  }
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
  }
  const expect = (ch: string): void => {
    if (text[i] !== ch) fail(`expected '${ch}'${i < text.length ? `, found '${text[i]}'` : ' before the end'}`)
    i++
  }

  const parseString = (): string => {
    expect('"')
    let out = ''
    for (;;) {
      if (i >= text.length) fail('unterminated string')
      const ch = text[i++]!
      if (ch === '"') return out
      if (ch === '\\') {
        const esc = text[i++]
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
        if (esc !== undefined && esc in simple) out += simple[esc]
        else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i, i + 4))) {
          out += String.fromCharCode(parseInt(text.slice(i, i + 4), 16))
          i += 4
        } else fail('bad escape in string')
      } else if (ch < ' ') fail('control character in string')
      else out += ch
    }
  }

  const parseValue = (path: string): unknown => {
    ws()
    const ch = text[i]
    if (ch === '{') {
      i++
      const obj: Record<string, unknown> = {}
      ws()
      if (text[i] === '}') {
        i++
        return obj
      }
      for (;;) {
        ws()
        const key = parseString()
        ws()
        expect(':')
        const childPath = joinPath(path, key)
        const value = parseValue(childPath)
        if (Object.prototype.hasOwnProperty.call(obj, key)) {
          duplicates.push({ path: childPath, message: 'duplicate key' })
        }
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        expect('}')
        return obj
      }
    }
    if (ch === '[') {
      i++
      const arr: unknown[] = []
      ws()
      if (text[i] === ']') {
        i++
        return arr
      }
      for (;;) {
        arr.push(parseValue(joinPath(path, arr.length)))
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        expect(']')
        return arr
      }
    }
    if (ch === '"') return parseString()
    const literal = /^(true|false|null)/.exec(text.slice(i, i + 5))
    if (literal) {
      i += literal[1]!.length
      return literal[1] === 'true' ? true : literal[1] === 'false' ? false : null
    }
    const num = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400))
    if (num) {
      i += num[0].length
      numberText.set(path, num[0])
      return Number(num[0])
    }
    return fail(i >= text.length ? 'unexpected end of text' : `unexpected '${ch}'`)
  }

  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1 // tolerate a UTF-8 byte-order mark
    const value = parseValue('')
    ws()
    if (i < text.length) fail('unexpected text after the JSON value')
    if (duplicates.length > 0) return { ok: false, problems: duplicates }
    return { ok: true, json: { value, numberText } }
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, problems: [{ path: '(file)', message: e.message }] }
    throw e
  }
}
