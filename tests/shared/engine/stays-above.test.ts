// Issue 10: a walk up the shock line stops at once when neither mode can reach its MM any more
// (margin balance − MM concave and not falling far up). The shortcut must never change a figure:
// here on tables where it does not apply (MMR falling) and where it does,
// against the plain walk kept in tests/shared/engine/reference/. (A table whose MM jumps at a
// floor is refused by the reader; the engine still checks continuity before taking the shortcut.)
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Decimal } from '../../../src/shared/decimal'
import { prepareAccount } from '../../../src/shared/engine'
import { ShockLine } from '../../../src/shared/engine/shock-line'
import { shocksToLiquidation } from '../../../src/shared/engine/shock-to-liquidation'
import type { BracketRow, Position, Scenario } from '../../../src/shared/scenario'
import { BTCUSDT_2022, baseScenario, validScenario } from '../../helpers/scenarios'
import { shocksToLiquidation as referenceShocksToLiquidation } from './reference/shock-to-liquidation'

const FALLING_MMR: BracketRow[] = [
  { notionalFloor: '0', notionalCap: '50000', maintMarginRatio: '0.05', cum: '0', initialLeverage: 20 },
  { notionalFloor: '50000', notionalCap: '100000000', maintMarginRatio: '0.01', cum: '-2000', initialLeverage: 50 }
]

function book(positions: Position[], usdt: string, brackets: BracketRow[] = BTCUSDT_2022, mode: Scenario['account']['mode'] = 'single-asset'): Scenario {
  const s = baseScenario({ mode, positionMode: 'hedge', balances: [{ asset: 'USDT', wallet: usdt }, { asset: 'BTC', wallet: '0.1' }], positions })
  s.market.symbols.BTCUSDT!.brackets = brackets
  return validScenario(s)
}

const long = (quantity: string, marginType: Position['marginType'] = 'cross'): Position => ({
  symbol: 'BTCUSDT', side: 'long', quantity, entryPrice: '58000', leverage: 10, marginType, ...(marginType === 'isolated' ? { isolatedWallet: '5000' } : {})
})
const short = (quantity: string): Position => ({ symbol: 'BTCUSDT', side: 'short', quantity, entryPrice: '61000', leverage: 10, marginType: 'cross' })

describe('a walk up stops when neither mode can reach its MM (issue 10)', () => {
  it('a long book on a convex table stays above MM going up, in both modes', () => {
    const line = new ShockLine(prepareAccount(book([long('3')], '20000')), new Set(['BTC']))
    expect(line.staysAboveGoingUp()).toEqual({ single: true, multi: true })
  })

  it('a short book does not: its loss grows without bound going up', () => {
    const line = new ShockLine(prepareAccount(book([short('3')], '20000')), new Set(['BTC']))
    expect(line.staysAboveGoingUp()).toEqual({ single: false, multi: false })
  })

  it('a hedged book does not: its MM grows going up while its PnL does not', () => {
    const line = new ShockLine(prepareAccount(book([long('3'), short('3')], '20000')), new Set(['BTC']))
    expect(line.staysAboveGoingUp()).toEqual({ single: false, multi: false })
  })

  it('a table whose MMR falls is not convex: no shortcut, and the walk finds what the plain walk finds', () => {
    const account = prepareAccount(book([long('3')], '20000', FALLING_MMR))
    expect(new ShockLine(account, new Set(['BTC'])).staysAboveGoingUp()).toEqual({ single: false, multi: false })
    expect(JSON.stringify(shocksToLiquidation(account))).toBe(JSON.stringify(referenceShocksToLiquidation(account)))
  })

  it('random books on random tables (MMR rising or falling; the reader keeps MM continuous) give the moves of the plain walk', () => {
    const table = fc
      .array(fc.record({ mmr: fc.integer({ min: 1, max: 600 }) }), { minLength: 1, maxLength: 5 })
      .map((tiers): BracketRow[] => {
        let cum = new Decimal(0)
        return tiers.map((t, k) => {
          const floor = k === 0 ? new Decimal(0) : new Decimal(50000).times(4 ** (k - 1))
          const mmr = new Decimal(t.mmr).div(10000)
          if (k > 0) {
            // cum_k = cum_(k−1) + floor × (mmr_k − mmr_(k−1)): MM continuous (§2, the reader insists).
            const below = new Decimal(tiers[k - 1]!.mmr).div(10000)
            cum = cum.plus(floor.times(mmr.minus(below)))
          }
          const cap = k === tiers.length - 1 ? '100000000' : new Decimal(50000).times(4 ** k).toString()
          return { notionalFloor: floor.toString(), notionalCap: cap, maintMarginRatio: mmr.toString(), cum: cum.toString(), initialLeverage: 10 }
        })
      })
    const leg = fc.record({ short: fc.boolean(), quantity: fc.integer({ min: 1, max: 400 }), isolated: fc.boolean() })
    fc.assert(
      fc.property(table, fc.array(leg, { minLength: 1, maxLength: 2 }), fc.integer({ min: 1000, max: 400000 }), fc.boolean(), (brackets, legs, wallet, multi) => {
        const positions = legs.map((l) => {
          const q = new Decimal(l.quantity).div(100).toString()
          return l.short ? short(q) : long(q, l.isolated ? 'isolated' : 'cross')
        })
        const unique = positions.filter((p, i) => positions.findIndex((o) => o.side === p.side) === i)
        const account = prepareAccount(book(unique, String(wallet), brackets, multi ? 'multi-assets' : 'single-asset'))
        expect(JSON.stringify(shocksToLiquidation(account))).toBe(JSON.stringify(referenceShocksToLiquidation(account)))
      }),
      { numRuns: 300 }
    )
  })
})
