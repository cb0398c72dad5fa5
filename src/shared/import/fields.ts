// Field readers shared by the importers. Every amount leaves here as a decimal string built from
// the text as written (a JSON string, or a JSON number's source text kept by parseStrictJson),
// never through a float: 0.0065 stays "0.0065", 9223372036854775807 stays exact, 1e-05 becomes
// "0.00001".
import { Decimal, str } from '../decimal'
import { joinPath, parseStrictJson, type NumberTexts, type StrictJson } from '../json/strict-json'
import type { ParseResult, Problem } from '../scenario/types'
import { escapeProblems } from '../text/escape-control'

/** A decoded JSON document with the source text of each number. */
export type JsonDoc = StrictJson

export type Obj = Record<string, unknown>

export function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function readJson(text: string): ParseResult<JsonDoc> {
  const read = parseStrictJson(text)
  if (!read.ok) return read
  return { ok: true, value: read.json }
}

export function fail(path: string, message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: escapeProblems([{ path, message }]) }
}

/** A plain decimal as a string field: Binance writes "0.00000000", "-0.001", "60000". */
const PLAIN_DECIMAL_TEXT = /^-?[0-9]+(\.[0-9]+)?$/

export type Sign = 'any' | 'positive' | 'non-negative'

/** Largest decimal exponent an imported figure may have, either way. */
const MAX_EXPONENT = 30

export interface DecimalOptions {
  /** Accept a JSON number (Binance market data sometimes comes as numbers); default true. */
  numbers?: boolean
  sign?: Sign
}

/** Collects problems while reading fields of one document. */
export class FieldReader {
  readonly problems: Problem[] = []

  constructor(private readonly numbers: NumberTexts) {}

  /** A number's text as written: by its container and key (`obj[key]`), else by its JSON path. */
  private written(path: string, obj?: Obj, key?: string): string | undefined {
    return (obj !== undefined && key !== undefined ? this.numbers.at(obj, key) : undefined) ?? this.numbers.byPath.get(path)
  }

  problem(path: string, message: string): void {
    this.problems.push({ path, message })
  }

  /** How a value was written, for messages: `"6.4e4"` for a string, `6.4e4` for a number. */
  describe(value: unknown, path: string): string {
    if (value === undefined) return 'nothing'
    if (typeof value === 'number') return this.written(path) ?? String(value)
    if (typeof value === 'string') return JSON.stringify(value)
    if (Array.isArray(value)) return 'an array'
    if (value === null) return 'null'
    if (typeof value === 'object') return 'an object'
    return String(value)
  }

  decimal(obj: Obj, key: string, base: string, options: DecimalOptions = {}): string | undefined {
    const path = joinPath(base, key)
    const value = obj[key]
    if (value === undefined) {
      this.problem(path, `missing field ${key}`)
      return undefined
    }
    return this.decimalValue(value, path, options, obj, key)
  }

  optionalDecimal(obj: Obj, key: string, base: string, options: DecimalOptions = {}): string | undefined {
    if (obj[key] === undefined || obj[key] === null) return undefined
    return this.decimalValue(obj[key], joinPath(base, key), options, obj, key)
  }

  /** `obj` and `key`: where the value was read, when it was read from an object (the quick way to its text). */
  decimalValue(value: unknown, path: string, options: DecimalOptions = {}, obj?: Obj, key?: string): string | undefined {
    const numbers = options.numbers ?? true
    let text: string | undefined
    if (typeof value === 'string' && PLAIN_DECIMAL_TEXT.test(value)) text = value
    else if (typeof value === 'number' && numbers) text = this.written(path, obj, key)
    if (text === undefined) {
      this.problem(path, `expected a decimal${numbers ? ' (number or string)' : ' string'}, got ${this.describe(value, path)}`)
      return undefined
    }
    const d = new Decimal(text) // exact: decimal.js parses exponent text without rounding
    // 1e900000000 is a valid JSON number whose plain decimal string has 900 million digits: writing
    // it out would hang the import. No exchange figure comes near 10^±30 (caps reach 9.2e18).
    // (Beyond decimal.js's own limits the text reads as Infinity, or as 0 though digits were written.)
    const underflow = d.isZero() && /[1-9]/.test(text.split(/[eE]/)[0]!)
    if (!d.isFinite() || underflow || (!d.isZero() && (d.e > MAX_EXPONENT || d.e < -MAX_EXPONENT))) {
      this.problem(path, `out of range: expected 0 or a magnitude between 1e-${MAX_EXPONENT} and 1e${MAX_EXPONENT + 1}, got ${this.describe(value, path)}`)
      return undefined
    }
    const sign = options.sign ?? 'any'
    if (sign === 'positive' && !d.gt(0)) {
      this.problem(path, `must be greater than 0, got ${this.describe(value, path)}`)
      return undefined
    }
    if (sign === 'non-negative' && d.lt(0)) {
      this.problem(path, `must not be negative, got ${this.describe(value, path)}`)
      return undefined
    }
    return str(d)
  }

  /** An integer written as a JSON number or a string of digits ("20" in positionRisk). */
  integer(obj: Obj, key: string, base: string, min = 1): number | undefined {
    const path = joinPath(base, key)
    const value = obj[key]
    if (value === undefined) {
      this.problem(path, `missing field ${key}`)
      return undefined
    }
    const text = typeof value === 'number' ? this.written(path, obj, key) ?? String(value) : typeof value === 'string' ? value : undefined
    // "75.0" is an integer written by a float printer (ccxt, Python); accept it, refuse 7.5.
    const m = text === undefined ? null : /^(-?[0-9]+)(\.0+)?$/.exec(text)
    const n = m ? Number(m[1]) : NaN
    if (!Number.isSafeInteger(n)) {
      this.problem(path, `expected an integer, got ${this.describe(value, path)}`)
      return undefined
    }
    if (n < min) {
      this.problem(path, `must be at least ${min}, got ${this.describe(value, path)}`)
      return undefined
    }
    return n
  }

  string(obj: Obj, key: string, base: string): string | undefined {
    const path = joinPath(base, key)
    const value = obj[key]
    if (typeof value !== 'string' || value.length === 0) {
      this.problem(path, value === undefined ? `missing field ${key}` : `expected a non-empty string, got ${this.describe(value, path)}`)
      return undefined
    }
    return value
  }

  result<T>(value: T): ParseResult<T> {
    return this.problems.length > 0 ? { ok: false, problems: escapeProblems(this.problems) } : { ok: true, value }
  }
}

/** The items of "one object or an array of them", with the JSON path of each. */
export function itemsOf(value: unknown): { item: unknown; path: string }[] {
  if (Array.isArray(value)) return value.map((item, i) => ({ item, path: joinPath('', i) }))
  return [{ item: value, path: '' }]
}

/** Path prefix for a field of a top-level single object: '' + key → "key". */
export { joinPath }

/** The last millisecond a JavaScript Date can represent (ECMA-262 §21.4.1.1). */
const MAX_DATE_MS = 8.64e15

/** A millisecond time Binance could have sent: a positive integer a Date can hold. */
export function isTimestamp(time: unknown): time is number {
  return typeof time === 'number' && Number.isSafeInteger(time) && time > 0 && time <= MAX_DATE_MS
}
