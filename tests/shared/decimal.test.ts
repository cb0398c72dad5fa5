// The allocation-free comparison (issue 10) must order every pair of Decimals as decimal.js's
// own cmp does: signs, ±0, exponents, digit arrays of different lengths, NaN and ±Infinity.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DECIMAL_PATTERN, Decimal, compare, decimalTextSign, maxDec, minDec } from '../../src/shared/decimal'

const special = fc.constantFrom('0', '-0', 'NaN', 'Infinity', '-Infinity', '1', '-1', '1e-40', '9999999', '10000000', '0.0000001')
/** Up to 45 digits at any scale: longer than the precision, so digit arrays differ in length. */
const decimalText = fc
  .tuple(fc.boolean(), fc.stringMatching(/^[1-9][0-9]{0,44}$/), fc.integer({ min: -60, max: 60 }))
  .map(([negative, digits, exponent]) => `${negative ? '-' : ''}${digits}e${exponent}`)
const value = fc.oneof(special, decimalText).map((t) => new Decimal(t))
// A rounded result of an operation as well as a parsed string: both shapes of digit arrays.
const anyDecimal = fc.oneof(value, fc.tuple(value, value).map(([a, b]) => a.plus(b)), fc.tuple(value, value).map(([a, b]) => a.times(b)))

describe('compare', () => {
  it('orders every pair as Decimal#cmp does', () => {
    fc.assert(
      fc.property(anyDecimal, anyDecimal, (a, b) => {
        expect(Object.is(compare(a, b), a.cmp(b))).toBe(true)
        expect(Object.is(compare(a, a), a.cmp(a))).toBe(true)
      }),
      { numRuns: 3000 }
    )
  })

  it('maxDec and minDec pick what gte and lte picked', () => {
    fc.assert(
      fc.property(anyDecimal, anyDecimal, (a, b) => {
        expect(maxDec(a, b)).toBe(a.gte(b) ? a : b)
        expect(minDec(a, b)).toBe(a.lte(b) ? a : b)
      }),
      { numRuns: 2000 }
    )
  })

  it('equal values with different digit arrays compare equal, and ±0 are equal', () => {
    expect(compare(new Decimal('1.50'), new Decimal('1.5'))).toBe(0)
    expect(compare(new Decimal('-0'), new Decimal('0'))).toBe(0)
    expect(compare(new Decimal('12345678.9'), new Decimal('12345678.90000001'))).toBe(-1)
    expect(compare(new Decimal('-2'), new Decimal('-10'))).toBe(1)
  })

  it('decimalTextSign reads the sign new Decimal gives any decimal string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(DECIMAL_PATTERN), fc.constantFrom('0', '-0', '0.000', '-0.0', '-0.001', '10', '-100.5')), (text) => {
        const d = new Decimal(text)
        expect(decimalTextSign(text)).toBe(d.isZero() ? 0 : d.isNeg() ? -1 : 1)
      }),
      { numRuns: 3000 }
    )
  })
})
