// The allocation-free comparison (issue 10) must order every pair of Decimals as decimal.js's
// own cmp does: signs, ±0, exponents, digit arrays of different lengths, NaN and ±Infinity. The
// zero-shortcut plus, minus and times must give the very Decimal decimal.js gives.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DECIMAL_PATTERN, Decimal, compare, decimalTextSign, maxDec, minDec, minus, plus, times } from '../../src/shared/decimal'

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

/** The same Decimal: sign (of zero too), exponent and digits, or both NaN. */
function same(a: Decimal, b: Decimal): void {
  expect({ s: a.s, e: a.e, d: a.d }).toEqual({ s: b.s, e: b.e, d: b.d })
}

describe('plus, minus and times', () => {
  // Zeros of both signs as often as not, and values longer than the precision (x + 0 rounds them).
  const zero = fc.constantFrom('0', '-0').map((t) => new Decimal(t))
  const operand = fc.oneof(zero, anyDecimal)

  it('give what decimal.js gives, sign of zero included', () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        same(plus(a, b), a.plus(b))
        same(minus(a, b), a.minus(b))
        same(times(a, b), a.times(b))
      }),
      { numRuns: 5000 }
    )
  })

  it('return an operand itself when the other is zero and it is already rounded, and round a longer one', () => {
    const a = new Decimal('123.45')
    expect(plus(a, new Decimal(0))).toBe(a)
    expect(plus(new Decimal('-0'), a)).toBe(a)
    expect(minus(a, new Decimal('-0'))).toBe(a)
    const long = new Decimal('1.23456789012345678901234567890123456789012345')
    expect(plus(long, new Decimal(0)).toString()).toBe('1.23456789012345678901234567890123456789')
    expect(minus(new Decimal('-0'), new Decimal('0')).isNeg()).toBe(true)
    expect(times(new Decimal('-3'), new Decimal('0')).isNeg()).toBe(true)
  })
})
