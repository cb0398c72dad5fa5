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

  it('a liquidation exactly at a bracket floor going down is found, as the plain walk finds it (fast-check found it lost)', () => {
    // The counterexample verbatim: MMR falls from 2.12% to 0.01% at a notional of 50,000, where
    // the isolated long's margin balance (5,000 + 0.93 × (P − 58,000)) meets its MM of 1,060.
    const brackets: BracketRow[] = [
      { notionalFloor: '0', notionalCap: '50000', maintMarginRatio: '0.0212', cum: '0', initialLeverage: 10 },
      { notionalFloor: '50000', notionalCap: '100000000', maintMarginRatio: '0.0001', cum: '-1055', initialLeverage: 10 }
    ]
    const account = prepareAccount(book([long('0.93', 'isolated')], '1000', brackets))
    const [btc] = shocksToLiquidation(account)
    // P = 50,000 / 0.93 from a mark of 60,000.
    expect(btc!.down.singleAsset.by).toBe('BTCUSDT LONG')
    expect(new Decimal(btc!.down.singleAsset.move!).minus(new Decimal(50000).div('0.93').div(60000).minus(1)).abs().lt('1e-35')).toBe(true)
    expect(JSON.stringify(shocksToLiquidation(account))).toBe(JSON.stringify(referenceShocksToLiquidation(account)))
  })

  it('an isolated position liquidated exactly at a floor is found for every quantity, going down and going up past the first pieces', () => {
    // Going down: two tiers meeting at 50,000, MMR falling or rising. Going up: eight tiers, the
    // root at the last floor (102,000), past the pieces walked one by one before the search halves.
    const twoTiers = (below: string, above: string): BracketRow[] => [
      { notionalFloor: '0', notionalCap: '50000', maintMarginRatio: below, cum: '0', initialLeverage: 10 },
      { notionalFloor: '50000', notionalCap: '100000000', maintMarginRatio: above, cum: new Decimal(50000).times(new Decimal(above).minus(below)).toString(), initialLeverage: 10 }
    ]
    const rising = [0.01, 0.011, 0.012, 0.013, 0.014, 0.015, 0.016, 0.017].map((m) => new Decimal(m))
    let cum = new Decimal(0)
    const eightTiers: BracketRow[] = rising.map((mmr, k) => {
      const floor = k === 0 ? new Decimal(0) : new Decimal(60000 + 6000 * k)
      if (k > 0) cum = cum.plus(floor.times(mmr.minus(rising[k - 1]!)))
      return { notionalFloor: floor.toString(), notionalCap: k === rising.length - 1 ? '100000000' : String(60000 + 6000 * (k + 1)), maintMarginRatio: mmr.toString(), cum: cum.toString(), initialLeverage: 10 }
    })
    // Found, at the floor's move to within the 40-digit rounding of the root.
    const nearly = (move: string | null, exact: Decimal): boolean => move !== null && new Decimal(move).minus(exact).abs().lt('1e-35')
    const isolated = (side: Position['side'], quantity: Decimal, wallet: Decimal, entryPrice = '58000'): Position => ({ symbol: 'BTCUSDT', side, quantity: quantity.toString(), entryPrice, leverage: 10, marginType: 'isolated', isolatedWallet: wallet.toString() })
    let checked = 0
    for (let i = 87; i <= 99; i++) {
      const q = new Decimal(i).div(100)
      for (const [below, above] of [['0.0212', '0.0001'], ['0.005', '0.01']] as const) {
        // Margin balance W + q × (P − 58,000) meets MM = 50,000 × below where q × P = 50,000.
        const wallet = new Decimal(50000).times(below).minus(50000).plus(q.times(58000))
        const account = prepareAccount(book([isolated('long', q, wallet)], '1000', twoTiers(below, above)))
        const [btc] = shocksToLiquidation(account)
        expect(nearly(btc!.down.singleAsset.move, new Decimal(50000).div(q).div(60000).minus(1)), `long ${q} on ${below} → ${above}`).toBe(true)
        expect(JSON.stringify(shocksToLiquidation(account))).toBe(JSON.stringify(referenceShocksToLiquidation(account)))
        checked++
      }
    }
    for (let i = 1; i <= 99; i++) {
      const q = new Decimal(i).div(100)
      // A short entered at the mark: W + q × (60,000 − P) meets MM where q × P = 102,000 (the last floor).
      const mm = new Decimal(102000).times(rising[7]!).minus(cum)
      const account = prepareAccount(book([isolated('short', q, mm.plus(102000).minus(q.times(60000)), '60000')], '1000', eightTiers))
      const [btc] = shocksToLiquidation(account)
      expect(nearly(btc!.up.singleAsset.move, new Decimal(102000).div(q).div(60000).minus(1)), `short ${q}`).toBe(true)
      expect(JSON.stringify(shocksToLiquidation(account))).toBe(JSON.stringify(referenceShocksToLiquidation(account)))
      checked++
    }
    expect(checked).toBe(26 + 99)
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
