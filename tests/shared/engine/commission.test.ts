// Commission (margin-rules.md §8): Binance's FAQ examples verbatim, rates by fee tier, and the
// scenario's own rates overriding them.
import { describe, expect, it } from 'vitest'
import { Decimal } from '../../../src/shared/decimal'
import { commissionRates, tradeCommission } from '../../../src/shared/engine/commission'

const d = (v: string | number) => new Decimal(v)

describe('commission', () => {
  it('FAQ 360033544231: taker buy 1 BTC @ 10,104 pays 5.052; maker sell 1 BTC @ 11,104 pays 2.2208 (regular)', () => {
    const regular = commissionRates({})
    expect(tradeCommission(regular, 'taker', d(1), d(10104)).toString()).toBe('5.052')
    expect(tradeCommission(regular, 'maker', d(1), d(11104)).toString()).toBe('2.2208')
  })

  it('rates by fee tier; account.commission overrides the tier', () => {
    const rates = (r: ReturnType<typeof commissionRates>) => [r.maker.toString(), r.taker.toString()]
    expect(rates(commissionRates({ feeTier: 'regular' }))).toEqual(['0.0002', '0.0005'])
    expect(rates(commissionRates({ feeTier: 'vip1' }))).toEqual(['0.00016', '0.0004'])
    expect(rates(commissionRates({ feeTier: 'vip2-plus' }))).toEqual(['0.00014', '0.00035'])
    expect(rates(commissionRates({ feeTier: 'vip1', commission: { maker: '-0.00005', taker: '0.0003' } }))).toEqual(['-0.00005', '0.0003'])
    expect(tradeCommission(commissionRates({ feeTier: 'vip1' }), 'taker', d('0.5'), d(60000)).toString()).toBe('12')
  })
})
