// Auto-Exchange (margin-rules.md §5) [FAQ f80415be…; the 2022 FAQ].
import { describe, expect, it } from 'vitest'
import { Decimal } from '../../../src/shared/decimal'
import { compareScenario } from '../../../src/shared/engine'
import { baseScenario, validScenario } from '../../helpers/scenarios'

const BUSD = { index: '1', bidBuffer: '0', askBuffer: '0' }
const btcValueSold = (sale: { quantity: string }, index: string): string => new Decimal(sale.quantity).times(index).toFixed(2, Decimal.ROUND_HALF_UP)

function multi(balances: { asset: string; wallet: string }[], feeTier?: 'regular' | 'vip1' | 'vip2-plus') {
  const s = baseScenario({ mode: 'multi-assets', balances, ...(feeTier ? { feeTier } : {}) })
  s.market.assets.BUSD = BUSD
  return compareScenario(validScenario(s)).multiAssets.autoExchange
}

describe('Auto-Exchange', () => {
  it('2022 FAQ question 2: −9,000 USDT and −9,000 USDC trigger nothing at the −10,000 USD threshold, never summed', () => {
    const ae = multi([
      { asset: 'USDT', wallet: '-9000' },
      { asset: 'USDC', wallet: '-9000' },
      { asset: 'BTC', wallet: '1' }
    ])
    expect(ae.triggers).toEqual([])
    expect(ae.thresholds!.find((t) => t.asset === 'USDT')).toEqual({ asset: 'USDT', threshold: '-10000', source: 'faq-2022' })
  })

  it('THRESHOLD: −20,000 BUSD against BTC with a 2.5% haircut sells 20,000 / 0.975 = 20,512.82 of BTC value', () => {
    const ae = multi([
      { asset: 'BUSD', wallet: '-20000' },
      { asset: 'BTC', wallet: '2' }
    ])
    expect(ae.triggers).toHaveLength(1)
    const [t] = ae.triggers
    expect(t!.reason).toBe('THRESHOLD')
    expect(t!.deficit).toBe('20000')
    expect(t!.sales).toHaveLength(1)
    expect(btcValueSold(t!.sales[0]!, '60000')).toBe('20512.82')
    expect(t!.sales[0]!.proceeds).toBe('20000')
    // haircutCost = quantity × index − proceeds in USD = 20,512.82 − 20,000.
    expect(new Decimal(t!.sales[0]!.haircutCost).toFixed(2)).toBe('512.82')
  })

  it('THRESHOLD with a fee tier: −5,000 USDC (regular) sells 5,128.21 of BTC value', () => {
    const ae = multi([
      { asset: 'USDC', wallet: '-5000' },
      { asset: 'BTC', wallet: '1' }
    ], 'regular')
    expect(ae.triggers.map((t) => [t.asset, t.reason, t.threshold])).toEqual([['USDC', 'THRESHOLD', '-5000']])
    expect(btcValueSold(ae.triggers[0]!.sales[0]!, '60000')).toBe('5128.21')
  })

  it('VIP2+ moves the stablecoin threshold to −10,000; the scenario’s own threshold overrides both', () => {
    expect(multi([{ asset: 'USDC', wallet: '-5000' }, { asset: 'BTC', wallet: '1' }], 'vip2-plus').triggers).toEqual([])
    const s = baseScenario({ mode: 'multi-assets', feeTier: 'vip2-plus', balances: [{ asset: 'USDC', wallet: '-300' }, { asset: 'BTC', wallet: '1' }] })
    s.market.assets.USDC = { ...s.market.assets.USDC!, autoExchangeThreshold: '-250' }
    const ae = compareScenario(validScenario(s)).multiAssets.autoExchange
    expect(ae.triggers.map((t) => [t.asset, t.threshold])).toEqual([['USDC', '-250']])
  })

  it('sells every positive collateral asset the same fraction of its wallet', () => {
    const s = baseScenario({ mode: 'multi-assets', balances: [{ asset: 'USDT', wallet: '-12000' }, { asset: 'BTC', wallet: '0.5' }, { asset: 'ETH', wallet: '10' }] })
    const [t] = compareScenario(validScenario(s)).multiAssets.autoExchange.triggers
    const fractions = t!.sales.map((x) => new Decimal(x.quantity).div(x.asset === 'BTC' ? '0.5' : '10'))
    expect(fractions[0]!.toSignificantDigits(30).eq(fractions[1]!.toSignificantDigits(30))).toBe(true)
    const proceeds = t!.sales.reduce((sum, x) => sum.plus(x.proceeds), new Decimal(0))
    expect(proceeds.toSignificantDigits(30).toString()).toBe('12000')
  })

  it('collateral that cannot cover the deficit is sold whole and the rest reported', () => {
    const s = baseScenario({ mode: 'multi-assets', balances: [{ asset: 'USDT', wallet: '-50000' }, { asset: 'BTC', wallet: '0.1' }] })
    const [t] = compareScenario(validScenario(s)).multiAssets.autoExchange.triggers
    expect(t!.sales[0]!.quantity).toBe('0.1')
    // 0.1 BTC × 60,000 × 0.975 = 5,850 proceeds.
    expect(t!.remainingDeficit).toBe('44150')
  })

  it('LTV: a debt with no positions triggers at LTV ≥ 1 (2022) — not below', () => {
    const low = multi([{ asset: 'USDT', wallet: '-5000' }, { asset: 'BTC', wallet: '1' }])
    // LTV = 5,000 × 1 / (1 × 60,000 × 0.95) < 1: nothing.
    expect(low.ltv).toBe(new Decimal(5000).div(57000).toString())
    expect(low.triggers).toEqual([])
    const high = multi([{ asset: 'USDT', wallet: '-5000' }, { asset: 'USDC', wallet: '4000' }])
    expect(high.ltv).toBe('1.25')
    expect(high.triggers.map((t) => [t.asset, t.reason])).toEqual([['USDT', 'LTV']])
  })

  it('LTV with a fee tier triggers from 0.995; with no positive equity it is unbounded (null) and triggers', () => {
    const tier = multi([{ asset: 'USDT', wallet: '-3990' }, { asset: 'USDC', wallet: '4000' }], 'regular')
    expect(tier.ltvTrigger).toBe('0.995')
    expect(tier.triggers.map((t) => t.reason)).toEqual(['LTV'])
    const none = multi([{ asset: 'USDT', wallet: '-10' }])
    expect(none.ltv).toBeNull()
    expect(none.triggers.map((t) => t.reason)).toEqual(['LTV'])
    expect(multi([{ asset: 'USDT', wallet: '10' }]).ltv).toBeNull()
  })

  it('LIQUIDATION: in a liquidating shock, an asset whose balance cannot cover its loss triggers', () => {
    const s = baseScenario({
      mode: 'multi-assets',
      balances: [{ asset: 'USDT', wallet: '1000' }, { asset: 'BTC', wallet: '0.01' }],
      positions: [{ symbol: 'ETHUSDT', side: 'long', quantity: '10', entryPrice: '3000', leverage: 50, marginType: 'cross' }]
    })
    s.shocks = [{ name: 'ETH -20%', moves: { ETH: '-0.2' } }]
    const r = compareScenario(validScenario(s))
    const shock = r.shocks[0]!.multiAssets
    expect(shock.liquidated).toBe(true)
    // USDT: 1,000 − 6,000 of loss = −5,000 at liquidation; BTC is sold for it.
    expect(shock.autoExchange.map((t) => [t.asset, t.reason, t.deficit])).toEqual([['USDT', 'LIQUIDATION', '5000']])
    expect(shock.autoExchange[0]!.sales.map((x) => x.asset)).toEqual(['BTC'])
  })
})
