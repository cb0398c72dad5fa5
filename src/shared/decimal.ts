// The one Decimal constructor of the project. 40 significant digits keep every Binance
// worked example exact; toExp limits make toString() never use exponent notation, so every
// decimal crossing a boundary (file, IPC, SQLite, CLI JSON) is a plain decimal string.
import DecimalJs from 'decimal.js'

const PRECISION = 40

export const Decimal = DecimalJs.clone({
  precision: PRECISION,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15
})
export type Decimal = InstanceType<typeof Decimal>

export const ZERO = new Decimal(0)
export const ONE = new Decimal(1)
export const TWO = new Decimal(2)
export const MINUS_ONE = new Decimal(-1)

/** A decimal string as the scenario format allows it: optional minus, no exponent, no plus. */
export const DECIMAL_PATTERN = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/

/**
 * The sign (−1, 0, 1) of a string that matches DECIMAL_PATTERN, read off its characters: what
 * new Decimal(text) would give, without parsing it (the scenario checks read thousands).
 */
export function decimalTextSign(text: string): -1 | 0 | 1 {
  if (!/[1-9]/.test(text)) return 0
  return text.startsWith('-') ? -1 : 1
}

export function dec(value: string | number | Decimal): Decimal {
  return new Decimal(value)
}

/** Full-precision string for a boundary; `null` stays `null`. */
export function str(value: Decimal): string
export function str(value: Decimal | null): string | null
export function str(value: Decimal | null): string | null {
  if (value === null) return null
  // Normalise -0 to 0: a JSON reader should never see "-0".
  return value.isZero() ? '0' : value.toString()
}

/**
 * a.cmp(b) without the copy of b that decimal.js makes on every comparison (issue 10: ~5,000 a
 * compare, each an object and an array). The steps of its comparedTo, on the documented
 * read-only d (base-1e7 digits), e and s of two finite Decimals; NaN and ±Infinity go to cmp.
 */
export function compare(a: Decimal, b: Decimal): number {
  const ad = a.d
  const bd = b.d
  if (!ad || !bd) return a.cmp(b)
  const as = a.s
  // Either zero (±0 equal)?
  if (!ad[0] || !bd[0]) return ad[0] ? as : bd[0] ? -b.s : 0
  if (as !== b.s) return as
  if (a.e !== b.e) return (a.e > b.e) !== as < 0 ? 1 : -1
  const n = Math.min(ad.length, bd.length)
  for (let i = 0; i < n; i++) if (ad[i] !== bd[i]) return (ad[i]! > bd[i]!) !== as < 0 ? 1 : -1
  return ad.length === bd.length ? 0 : (ad.length > bd.length) !== as < 0 ? 1 : -1
}

export function maxDec(a: Decimal, b: Decimal): Decimal {
  return compare(a, b) >= 0 ? a : b
}

export function minDec(a: Decimal, b: Decimal): Decimal {
  return compare(a, b) <= 0 ? a : b
}

/**
 * Whether x has at most `precision` significant digits: then decimal.js's x + 0 is x itself. Every
 * result of an operation is; a figure read from a file may have more.
 */
function rounded(x: Decimal): boolean {
  const d = x.d
  // Five base-1e7 words hold at most 35 digits; only longer arrays are counted.
  return d.length < 6 || x.sd() <= PRECISION
}

const NEGATIVE_ZERO = new Decimal(-0)

/**
 * a + b, a − b and a × b, the very Decimal decimal.js gives (sign of zero included), without its
 * work when an operand is zero (issue 10: a line's x² coefficient is 0, and a compare made
 * ~5,700 operations on a zero, each allocating two Decimals). NaN and ±Infinity go to decimal.js.
 */
export function plus(a: Decimal, b: Decimal): Decimal {
  const ad = a.d
  const bd = b.d
  if (ad && bd) {
    if (!bd[0]) {
      // decimal.js: a + ±0 is a rounded; ±0 + ±0 is a when the signs agree, else +0.
      if (!ad[0]) return a.s === b.s ? a : ZERO
      if (rounded(a)) return a
    } else if (!ad[0] && rounded(b)) return b
  }
  return a.plus(b)
}

export function minus(a: Decimal, b: Decimal): Decimal {
  const ad = a.d
  const bd = b.d
  if (ad && bd && !bd[0]) {
    // decimal.js: a − ±0 is a rounded; ±0 − ±0 is a when the signs differ, else +0.
    if (!ad[0]) return a.s !== b.s ? a : ZERO
    if (rounded(a)) return a
  }
  return a.minus(b)
}

export function times(a: Decimal, b: Decimal): Decimal {
  const ad = a.d
  const bd = b.d
  // decimal.js: a finite product with a zero is a zero signed by the product of the signs.
  if (ad && bd && (!ad[0] || !bd[0])) return a.s === b.s ? ZERO : NEGATIVE_ZERO
  return a.times(b)
}
