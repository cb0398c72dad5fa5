// A liquidation exactly at a bracket floor (a round balance or quantity often lands one there):
// the fast liquidation prices of both modes and the fast shock to liquidation give what the plain
// versions kept in reference/ give, string for string, cross and isolated, in both modes. Two of
// the shock to liquidation's shortcuts once lost such roots (docs/benchmark-history.md, "A root
// on a floor"); stays-above.test.ts checks that the roots are found.
import { describe, expect, it } from 'vitest'
import { Decimal } from '../../../src/shared/decimal'
import { evaluateAccount } from '../../../src/shared/engine/account-state'
import { multiAssetsLiquidationPrices } from '../../../src/shared/engine/multi-assets'
import { prepareAccount } from '../../../src/shared/engine/prepare'
import { marketPrices } from '../../../src/shared/engine/prices'
import { shocksToLiquidation } from '../../../src/shared/engine/shock-to-liquidation'
import { singleAssetLiquidationPrices } from '../../../src/shared/engine/single-asset'
import type { BracketRow, Position, Scenario } from '../../../src/shared/scenario'
import { baseScenario, validScenario } from '../../helpers/scenarios'
import { multiAssetsLiquidationPrices as referenceMulti, singleAssetLiquidationPrices as referenceSingle } from './reference/positions'
import { shocksToLiquidation as referenceShocksToLiquidation } from './reference/shock-to-liquidation'

/** Two tiers meeting at a notional of 50,000 (MMR in basis points), MM continuous. */
function twoTiers(below: number, above: number): BracketRow[] {
  const [b, a] = [new Decimal(below).div(10000), new Decimal(above).div(10000)]
  return [
    { notionalFloor: '0', notionalCap: '50000', maintMarginRatio: b.toString(), cum: '0', initialLeverage: 10 },
    { notionalFloor: '50000', notionalCap: '100000000', maintMarginRatio: a.toString(), cum: new Decimal(50000).times(a.minus(b)).toString(), initialLeverage: 10 }
  ]
}

/** Eight tiers from 66,000 every 6,000, MMR rising 1% → 1.7%, MM continuous; the last floor is 102,000. */
const RISING = [100, 110, 120, 130, 140, 150, 160, 170].map((bp) => new Decimal(bp).div(10000))
const EIGHT_TIERS: BracketRow[] = []
let cum = new Decimal(0)
RISING.forEach((mmr, k) => {
  const floor = k === 0 ? 0 : 60000 + 6000 * k
  if (k > 0) cum = cum.plus(new Decimal(floor).times(mmr.minus(RISING[k - 1]!)))
  EIGHT_TIERS.push({ notionalFloor: String(floor), notionalCap: k === RISING.length - 1 ? '100000000' : String(60000 + 6000 * (k + 1)), maintMarginRatio: mmr.toString(), cum: cum.toString(), initialLeverage: 10 })
})
const MM_AT_LAST_FLOOR = new Decimal(102000).times(RISING[7]!).minus(cum)

/**
 * One BTCUSDT leg whose margin (its isolated wallet, or the USDT wallet when cross) meets its MM
 * exactly at a floor: a long going down to 50,000 of notional, a short going up to 102,000.
 */
function bookAtFloor(side: Position['side'], marginType: Position['marginType'], q: Decimal, brackets: BracketRow[], mode: Scenario['account']['mode']): Scenario | null {
  const entry = side === 'long' ? 58000 : 60000
  const margin = side === 'long' ? new Decimal(50000).times(brackets[0]!.maintMarginRatio).minus(50000).plus(q.times(entry)) : MM_AT_LAST_FLOOR.plus(102000).minus(q.times(entry))
  if (!margin.gt(0)) return null
  const position: Position = { symbol: 'BTCUSDT', side, quantity: q.toString(), entryPrice: String(entry), leverage: 10, marginType, ...(marginType === 'isolated' ? { isolatedWallet: margin.toString() } : {}) }
  const s = baseScenario({ mode, positionMode: 'hedge', balances: [{ asset: 'USDT', wallet: marginType === 'cross' ? margin.toString() : '1000' }], positions: [position] })
  s.market.symbols.BTCUSDT!.brackets = brackets
  return validScenario(s)
}

describe('a liquidation exactly at a bracket floor', () => {
  it('both modes’ liquidation prices and the shock to liquidation equal the plain versions', () => {
    let checked = 0
    for (const [below, above] of [[212, 1], [50, 100], [100, 50], [33, 7], [7, 33]] as const) {
      for (let i = 1; i <= 99; i += 2) {
        const q = new Decimal(i).div(100)
        for (const [side, marginType] of [['long', 'isolated'], ['long', 'cross'], ['short', 'isolated'], ['short', 'cross']] as const) {
          for (const mode of ['single-asset', 'multi-assets'] as const) {
            const s = bookAtFloor(side, marginType, q, side === 'long' ? twoTiers(below, above) : EIGHT_TIERS, mode)
            if (s === null) continue
            const account = prepareAccount(s)
            const state = evaluateAccount(account, marketPrices(account))
            const what = `${side} ${marginType} ${q} ${mode} on ${below} → ${above}`
            expect(JSON.stringify(singleAssetLiquidationPrices(state)), what).toBe(JSON.stringify(referenceSingle(state)))
            expect(JSON.stringify(multiAssetsLiquidationPrices(state)), what).toBe(JSON.stringify(referenceMulti(state)))
            expect(JSON.stringify(shocksToLiquidation(account)), what).toBe(JSON.stringify(referenceShocksToLiquidation(account)))
            checked++
          }
        }
      }
    }
    // Every short; the longs whose wallet is positive (q × 58,000 above 50,000 less MM).
    expect(checked).toBe(1144)
  })
})
