// A strict JSON reader for user files. Unlike JSON.parse it keeps the source text of every
// number (so an error can say "got 6.4e4", not "got 64000"), refuses duplicate keys (JSON.parse
// silently keeps the last one) and reports where the text stops being JSON (line and column).
// It is iterative (an explicit stack, never recursion), so 200,000 nested `[` are a refusal,
// not a stack overflow; nesting deeper than MAX_JSON_DEPTH is refused by path, because every
// later step (zod, JSON.stringify into the library, structured clone over IPC) recurses.
import type { Problem } from '../scenario/types'
import { escapeControlCharacters, escapeProblems } from '../text/escape-control'
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COMMA, CR, DOT, E_LOWER, E_UPPER, LF, MINUS, NINE, OPEN_BRACE, OPEN_BRACKET, PLUS, QUOTE, SPACE, TAB, ZERO } from './char-codes'

export interface StrictJson {
  value: unknown
  /** Each number exactly as written, by container and key (what the importers read). */
  numbers: NumberTexts
  /** JSON path -> the number exactly as written, every number in document order (`numbers.byPath`). */
  readonly numberText: Map<string, string>
}

/** Where a number was read: its container's frame (none: the document is the number) and its key or index there. */
interface NumberAt {
  frame: Frame | undefined
  segment: string | number
  text: string
}

/**
 * The source text of every number of a document. Kept by container and key, the way a reader
 * asks for a field; the map by JSON path is built only when something asks for it (a message,
 * a test): on the 2.4 MB ccxt tiers table, 64,000 numbers each put under its path string took
 * half of the reading (issue 10), and the importer reads 35,000 of them by their container.
 */
export class NumberTexts {
  private paths: Map<string, string> | null = null

  constructor(
    private readonly byContainer: Map<object, Map<string | number, string>>,
    private readonly inOrder: NumberAt[]
  ) {}

  /** The number written as `key` of `container` (an object's key, an array's index), if one was. */
  at(container: object, key: string | number): string | undefined {
    return this.byContainer.get(container)?.get(key)
  }

  get byPath(): Map<string, string> {
    if (this.paths === null) {
      this.paths = new Map()
      for (const n of this.inOrder) this.paths.set(n.frame === undefined ? '' : memberPath(n.frame, n.segment), n.text)
    }
    return this.paths
  }
}

/** A container's JSON path, made when first needed and kept (its members' paths start with it). */
function framePath(frame: Frame): string {
  return (frame.path ??= frame.parent === undefined ? '' : memberPath(frame.parent, frame.segment))
}

function memberPath(frame: Frame, segment: string | number): string {
  return typeof segment === 'number' ? `${framePath(frame)}[${segment}]` : joinKey(framePath(frame), segment)
}

export type StrictJsonResult = { ok: true; json: StrictJson } | { ok: false; problems: Problem[] }

/** Deepest nesting of arrays and objects read; Binance's responses and scenarios nest under 10. */
export const MAX_JSON_DEPTH = 256

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** JSON path segment for a key: `a.b` for identifiers, `a["odd key"]` otherwise (control characters escaped). */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`
  if (IDENTIFIER.test(key)) return base ? `${base}.${key}` : key
  return `${base}[${escapeControlCharacters(JSON.stringify(key))}]`
}

/** joinPath for the reader's keys, which repeat (every bracket row has the same five). */
const segments = new Map<string, string>()
function joinKey(base: string, key: string): string {
  let segment = segments.get(key)
  if (segment === undefined) {
    segment = IDENTIFIER.test(key) ? `.${key}` : `[${escapeControlCharacters(JSON.stringify(key))}]`
    if (segments.size < 1024) segments.set(key, segment)
  }
  return base === '' && segment.charCodeAt(0) === 46 ? segment.slice(1) : base + segment
}

class JsonSyntaxError extends Error {}
class JsonTooDeep extends Error {
  constructor(readonly path: string) {
    super('too deep')
  }
}

/** An open array or object on the reader's stack. */
interface Frame {
  /** The container it is a member of (none: the document), and its key or index there. */
  parent: Frame | undefined
  segment: string | number
  /** Its JSON path, once asked for (framePath). */
  path?: string
  array: unknown[] | null
  object: Record<string, unknown> | null
  /** The key whose value is being read (objects). */
  key: string
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
const HEX4 = /^[0-9a-fA-F]{4}$/

export function parseStrictJson(text: string): StrictJsonResult {
  const byContainer = new Map<object, Map<string | number, string>>()
  const inOrder: NumberAt[] = []
  const duplicates: Problem[] = []
  const n = text.length
  let i = 0

  const fail = (what: string): never => {
    const before = text.slice(0, i)
    const line = before.split('\n').length
    const column = i - before.lastIndexOf('\n')
    throw new JsonSyntaxError(`not valid JSON at line ${line}, column ${column}: ${what}`)
  }
  const charAt = (at: number): string => String.fromCodePoint(text.codePointAt(at)!)
  const ws = (): void => {
    for (;;) {
      const c = text.charCodeAt(i)
      if (c === SPACE || c === LF || c === CR || c === TAB) i++
      else return
    }
  }
  const expect = (ch: string): void => {
    if (text[i] !== ch) fail(`expected '${ch}'${i < n ? `, found '${charAt(i)}'` : ' before the end'}`)
    i++
  }
  const isDigit = (c: number): boolean => c >= ZERO && c <= NINE

  const parseString = (): string => {
    expect('"')
    let out = ''
    let start = i
    for (;;) {
      if (i >= n) fail('unterminated string')
      const c = text.charCodeAt(i++)
      if (c === QUOTE) return out + text.slice(start, i - 1)
      if (c === BACKSLASH) {
        out += text.slice(start, i - 1)
        const esc = text[i++]
        if (esc !== undefined && esc in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[esc]
        else if (esc === 'u' && HEX4.test(text.slice(i, i + 4))) {
          out += String.fromCharCode(parseInt(text.slice(i, i + 4), 16))
          i += 4
        } else fail('bad escape in string')
        start = i
      } else if (c < SPACE) fail('control character in string')
    }
  }

  /** The number at i, as written (-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?), or null. */
  const scanNumber = (): string | null => {
    const start = i
    let j = i
    if (text.charCodeAt(j) === MINUS) j++
    const first = text.charCodeAt(j)
    if (first === ZERO) j++
    else if (isDigit(first)) while (isDigit(text.charCodeAt(j))) j++
    else return null
    if (text.charCodeAt(j) === DOT && isDigit(text.charCodeAt(j + 1))) {
      j += 2
      while (isDigit(text.charCodeAt(j))) j++
    }
    const e = text.charCodeAt(j)
    if (e === E_UPPER || e === E_LOWER) {
      let k = j + 1
      const sign = text.charCodeAt(k)
      if (sign === PLUS || sign === MINUS) k++
      if (isDigit(text.charCodeAt(k))) {
        while (isDigit(text.charCodeAt(k))) k++
        j = k
      }
    }
    i = j
    return text.slice(start, j)
  }

  const stack: Frame[] = []
  /** The key or index, in the open container, of the value about to be read. */
  const segmentOf = (top: Frame): string | number => (top.array !== null ? top.array.length : top.key)
  const open = (array: unknown[] | null, object: Record<string, unknown> | null): Frame => {
    const top = stack[stack.length - 1]
    const frame: Frame = { parent: top, segment: top === undefined ? '' : segmentOf(top), array, object, key: '' }
    if (stack.length >= MAX_JSON_DEPTH) throw new JsonTooDeep(framePath(frame))
    stack.push(frame)
    return frame
  }
  /** Reads `"key" :` inside an object. */
  const readKey = (frame: Frame): void => {
    ws()
    frame.key = parseString()
    ws()
    expect(':')
  }

  const read = (): unknown => {
    let value: unknown
    for (;;) {
      // Read one value: a scalar, an empty container, or open a container and read its first member.
      ws()
      const c = text.charCodeAt(i)
      if (c === OPEN_BRACE) {
        i++
        ws()
        if (text.charCodeAt(i) === CLOSE_BRACE) {
          i++
          value = {}
        } else {
          readKey(open(null, {}))
          continue
        }
      } else if (c === OPEN_BRACKET) {
        i++
        ws()
        if (text.charCodeAt(i) === CLOSE_BRACKET) {
          i++
          value = []
        } else {
          open([], null)
          continue
        }
      } else if (c === QUOTE) {
        value = parseString()
      } else if (text.startsWith('true', i)) {
        i += 4
        value = true
      } else if (text.startsWith('false', i)) {
        i += 5
        value = false
      } else if (text.startsWith('null', i)) {
        i += 4
        value = null
      } else {
        const num = scanNumber()
        if (num === null) return fail(i >= n ? 'unexpected end of text' : `unexpected '${charAt(i)}'`)
        const top = stack[stack.length - 1]
        if (top === undefined) inOrder.push({ frame: undefined, segment: '', text: num })
        else {
          const segment = segmentOf(top)
          const container = (top.array ?? top.object)!
          let texts = byContainer.get(container)
          if (texts === undefined) byContainer.set(container, (texts = new Map()))
          texts.set(segment, num)
          inOrder.push({ frame: top, segment, text: num })
        }
        value = Number(num)
      }
      // Attach the value to the open container; close containers that end here.
      for (;;) {
        const top = stack[stack.length - 1]
        if (top === undefined) return value
        if (top.array !== null) {
          top.array.push(value)
          ws()
          if (text.charCodeAt(i) === COMMA) {
            i++
            break
          }
          expect(']')
          value = top.array
        } else {
          const obj = top.object!
          const key = top.key
          // (A JSON value is never undefined, so only an inherited name like "toString" needs hasOwn.)
          if (obj[key] !== undefined && Object.prototype.hasOwnProperty.call(obj, key)) duplicates.push({ path: memberPath(top, key), message: 'duplicate key' })
          // "__proto__" is an ordinary key in JSON: define it, never set the prototype.
          if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
          else obj[key] = value
          ws()
          if (text.charCodeAt(i) === COMMA) {
            i++
            readKey(top)
            break
          }
          expect('}')
          value = obj
        }
        stack.pop()
      }
    }
  }

  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1 // tolerate a UTF-8 byte-order mark
    const value = read()
    ws()
    if (i < n) fail('unexpected text after the JSON value')
    if (duplicates.length > 0) return { ok: false, problems: duplicates }
    const numbers = new NumberTexts(byContainer, inOrder)
    return {
      ok: true,
      json: {
        value,
        numbers,
        get numberText() {
          return numbers.byPath
        }
      }
    }
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, problems: escapeProblems([{ path: '(file)', message: e.message }]) }
    if (e instanceof JsonTooDeep) {
      return { ok: false, problems: [{ path: e.path, message: `nested deeper than ${MAX_JSON_DEPTH} arrays or objects; no file this program reads nests more than a few` }] }
    }
    throw e
  }
}
