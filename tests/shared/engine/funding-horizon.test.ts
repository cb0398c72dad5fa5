// Funding horizon (margin-rules.md §9) [FAQ 360033525031]: checked against a plan that applies
// that many days of funding: one settlement short of the day reported the ratio is below 100%,
// at the settlement that reaches it, at or above.
import { describe, expect, it } from 'vitest'
import { Decimal } from '../../../src/shared/decimal'
import { compareScenario } from '../../../src/shared/engine'
import type { Scenario } from '../../../src/shared/scenario'
import { v2Scenario } from '../../helpers/plan-scenarios'

/** The end state after `settlements` 8-hour fundings, through a plan. */
function afterSettlements(s: Scenario, settlements: number) {
  return compareScenario({ ...structuredClone(s), plan: [{ kind: 'funding', hours: 8 * settlements }] }).plan!.after
}

describe('§9 funding horizon', () => {
  it('absent without any funding rate', () => {
    expect(compareScenario(v2Scenario({ balances: [{ asset: 'USDT', wallet: '100' }] })).fundingHorizon).toBeUndefined()
  })

  it('Single-Asset: days = (MM − margin balance) / f, and a plan of that much funding lands exactly on 100%', () => {
    // BTCUSDT 2022: 1 BTC at 60,000 is in the 50,000 bracket: MM = 300 − 50 = 250. f = −6 × 3 = −18 USDT a day.
    const s = v2Scenario({ balances: [{ asset: 'USDT', wallet: '1000' }], positions: [{ symbol: 'BTCUSDT', side: 'long', quantity: '1', entryPrice: '60000', leverage: 100, marginType: 'cross' }] }, [], (x) => {
      x.market.symbols.BTCUSDT!.fundingRate = '0.0001'
    })
    const h = compareScenario(s).fundingHorizon!
    expect(h.perDay).toEqual([{ asset: 'USDT', amount: '-18' }])
    const days = new Decimal(h.singleAsset.groups[0]!.daysToLiquidation!)
    expect(days.times(3).eq(125)).toBe(true) // 750 / 18 days = 125 settlements
    expect(afterSettlements(s, 124).singleAsset.groups[0]!.marginRatio).toBe(new Decimal(250).div(256).toString())
    expect(afterSettlements(s, 125).singleAsset.groups[0]!.marginRatio).toBe('1')
  })

  it('"0" when already liquidated, null when funding is received', () => {
    const s = v2Scenario({ balances: [{ asset: 'USDT', wallet: '1000' }], positions: [{ symbol: 'BTCUSDT', side: 'short', quantity: '1', entryPrice: '60000', leverage: 100, marginType: 'cross' }] }, [], (x) => {
      x.market.symbols.BTCUSDT!.fundingRate = '0.0001'
    })
    expect(compareScenario(s).fundingHorizon!.singleAsset.groups[0]!.daysToLiquidation).toBeNull()
    s.market.symbols.BTCUSDT!.markPrice = '61000'
    s.account.balances[0]!.wallet = '1200'
    expect(compareScenario(s).fundingHorizon!.singleAsset.groups[0]!.daysToLiquidation).toBe('0')
  })

  it('Multi-Assets: equity piecewise linear, the USDT rate switching from bid to ask where its equity crosses 0; threshold days per asset', () => {
    // USDT bid 0.99 / ask 1.02; 1 BTC of collateral at bid 57,000. ETHUSDT long 10 @ 3,000, 10x, MMR 1%: MM 300 USDT = 306 USD.
    // f = −10 × 3,000 × 0.001 × 3 = −90 USDT a day: USDT equity crosses 0 after 100 / 90 days, then costs 91.8 USD a day.
    const s = v2Scenario(
      { mode: 'multi-assets', balances: [{ asset: 'USDT', wallet: '100' }, { asset: 'BTC', wallet: '1' }], positions: [{ symbol: 'ETHUSDT', side: 'long', quantity: '10', entryPrice: '3000', leverage: 10, marginType: 'cross' }] },
      [],
      (x) => {
        x.market.symbols.ETHUSDT!.fundingRate = '0.001'
        x.market.assets.USDT = { index: '1', bidBuffer: '0.01', askBuffer: '0.02' }
      }
    )
    const h = compareScenario(s).fundingHorizon!
    const days = new Decimal(h.multiAssets.daysToLiquidation!)
    const expected = new Decimal(100).div(90).plus(new Decimal(57000 - 306).div('91.8'))
    expect(days.minus(expected).abs().lt('1e-30')).toBe(true)
    const settlements = days.times(3).ceil().toNumber()
    expect(afterSettlements(s, settlements - 1).multiAssets.marginRatio).not.toBeNull()
    expect(new Decimal(afterSettlements(s, settlements - 1).multiAssets.marginRatio!).lt(1)).toBe(true)
    const at = afterSettlements(s, settlements).multiAssets
    expect(at.marginRatio === null || new Decimal(at.marginRatio).gte(1)).toBe(true)

    // 2022 FAQ threshold (no fee tier): −10,000 USD → −10,000 USDT: (−10,000 − 100) / −90 days.
    const usdt = h.multiAssets.autoExchange.find((a) => a.asset === 'USDT')!
    expect(new Decimal(usdt.daysToThreshold!).eq(new Decimal(10100).div(90))).toBe(true)
    expect(h.multiAssets.autoExchange.find((a) => a.asset === 'BTC')!.daysToThreshold).toBeNull()
    const n = new Decimal(usdt.daysToThreshold!).times(3).ceil().toNumber()
    // Raise the collateral so the account survives that long, then watch trigger 1 appear at that settlement.
    s.account.balances[1]!.wallet = '10'
    expect(afterSettlements(s, n - 1).multiAssets.autoExchange.triggers).toEqual([])
    expect(afterSettlements(s, n).multiAssets.autoExchange.triggers[0]).toMatchObject({ asset: 'USDT', reason: 'THRESHOLD' })
  })
})
