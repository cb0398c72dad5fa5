// The one Decimal constructor of the project. 40 significant digits keep every Binance
// worked example exact; toExp limits make toString() never use exponent notation, so every
// decimal crossing a boundary (file, IPC, SQLite, CLI JSON) is a plain decimal string.
import DecimalJs from 'decimal.js'

export const Decimal = DecimalJs.clone({
  precision: 40,
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

export function maxDec(a: Decimal, b: Decimal): Decimal {
  return a.gte(b) ? a : b
}

export function minDec(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b
}
