// Properties of the engine over random portfolios (fast-check).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Decimal, ZERO } from '../../../src/shared/decimal'
import { compareScenario, prepareAccount, sweepMarginRatios } from '../../../src/shared/engine'
import { evaluateAccount, isLiquidated } from '../../../src/shared/engine/account-state'
import { bracketIndex, maintenanceMargin, toBrackets } from '../../../src/shared/engine/brackets'
import { marketPrices } from '../../../src/shared/engine/prices'
import { evaluateShock } from '../../../src/shared/engine/shocks'
import { parseBracketFile } from '../../../src/shared/import/bracket-import'
import type { Position, Scenario } from '../../../src/shared/scenario'
import { realTiersText } from '../../helpers/real-tiers'
import { baseScenario, validScenario } from '../../helpers/scenarios'

const decimal = (min: number, max: number, places: number): fc.Arbitrary<string> =>
  fc.integer({ min: min * 10 ** places, max: max * 10 ** places }).map((n) => new Decimal(n).div(10 ** places).toString())

const position = (symbols: string[]): fc.Arbitrary<Position> =>
  fc.record({
    symbol: fc.constantFrom(...symbols),
    side: fc.constantFrom('long' as const, 'short' as const),
    quantity: decimal(0.01, 40, 3).filter((q) => q !== '0'),
    entryPrice: fc.constant(''),
    leverage: fc.integer({ min: 1, max: 20 }),
    marginType: fc.constant('cross' as const)
  })

/** A one-way cross book in USDT (BTCUSDT has Binance's 2022 multi-bracket table). */
const usdtBook = fc
  .record({
    wallet: decimal(1000, 400000, 2),
    positions: fc.uniqueArray(position(['BTCUSDT', 'ETHUSDT']), { minLength: 1, maxLength: 2, selector: (p) => p.symbol }),
    entryMoves: fc.array(decimal(-0.3, 0.3, 3), { minLength: 2, maxLength: 2 })
  })
  .map(({ wallet, positions, entryMoves }): Scenario => {
    const marks: Record<string, string> = { BTCUSDT: '60000', ETHUSDT: '3000' }
    const ps = positions.map((p, i) => ({ ...p, entryPrice: new Decimal(marks[p.symbol]!).times(new Decimal(1).plus(entryMoves[i]!)).toString() }))
    return validScenario(baseScenario({ balances: [{ asset: 'USDT', wallet }], positions: ps }))
  })

/** margin balance − MM of the symbol's group with that symbol's mark at P, everything else held. */
function surplusAt(s: Scenario, symbol: string, price: Decimal): Decimal {
  const account = prepareAccount(s)
  const prices = marketPrices(account)
  prices.marks.set(symbol, price)
  const g = evaluateAccount(account, prices).assets.get('USDT')!
  return g.crossWallet.plus(g.crossUnrealizedPnl).minus(g.crossMaintenanceMargin)
}

/** Plain bisection for the root between the mark (surplus > 0) and a price where it is ≤ 0. */
function bisect(f: (p: Decimal) => Decimal, safe: Decimal, unsafe: Decimal): Decimal {
  let a = safe
  let b = unsafe
  for (let i = 0; i < 200 && b.minus(a).abs().gt(a.abs().times('1e-12')); i++) {
    const m = a.plus(b).div(2)
    if (f(m).gt(ZERO)) a = m
    else b = m
  }
  return a.plus(b).div(2)
}

describe('properties', () => {
  it('each Single-Asset liquidation price is a root of margin balance = MM, and bisection from the mark agrees to 1e-8 relative', () => {
    fc.assert(
      fc.property(usdtBook, (s) => {
        const r = compareScenario(s, { shockToLiquidation: false })
        r.singleAsset.positions.forEach((p) => {
          const mark = new Decimal(p.markPrice)
          const f = (price: Decimal): Decimal => surplusAt(s, p.symbol, price)
          if (!f(mark).gt(ZERO)) return // already at or past 100%: nothing to bisect from
          if (p.liquidationPrice === null) {
            // No positive price liquidates: the surplus stays positive down to ~0 and far up.
            expect(f(new Decimal('1e-9')).gt(ZERO) || f(mark.times(1000)).gt(ZERO)).toBe(true)
            return
          }
          const lp = new Decimal(p.liquidationPrice)
          expect(f(lp).abs().lte(mark.times('1e-20').plus('1e-20'))).toBe(true)
          const root = bisect(f, mark, lp.gt(mark) ? lp.times(2) : ZERO)
          expect(root.minus(lp).abs().div(lp).lte('1e-8')).toBe(true)
        })
      }),
      { numRuns: 150 }
    )
  })

  it('each Multi-Assets liquidation price is a root of account equity = account MM (collateral, buffers, bid/ask switch)', () => {
    const withCollateral = fc.tuple(usdtBook, decimal(0, 3, 3), decimal(0, 0.01, 4)).map(([s, btc, buffer]) => {
      const m = validScenario({ ...s, account: { ...s.account, mode: 'multi-assets' as const, balances: [...s.account.balances, { asset: 'BTC', wallet: btc }] } })
      m.market.assets.USDT = { index: '0.9998', bidBuffer: buffer, askBuffer: buffer }
      return m
    })
    fc.assert(
      fc.property(withCollateral, (s) => {
        const account = prepareAccount(s)
        const r = compareScenario(s, { shockToLiquidation: false })
        r.multiAssets.positions.forEach((p) => {
          if (p.liquidationPrice === null) return
          const prices = marketPrices(account)
          prices.marks.set(p.symbol, new Decimal(p.liquidationPrice))
          const { equity, maintenanceMargin } = evaluateAccount(account, prices).multi
          expect(equity.minus(maintenanceMargin).abs().lte(equity.abs().times('1e-25').plus('1e-20'))).toBe(true)
        })
      }),
      { numRuns: 150 }
    )
  })

  it('bracket re-selection is self-consistent: at the liquidation price the MM uses the bracket of Q × LP', () => {
    fc.assert(
      fc.property(usdtBook, (s) => {
        const account = prepareAccount(s)
        const r = compareScenario(s, { shockToLiquidation: false })
        r.singleAsset.positions.forEach((p, i) => {
          if (p.liquidationPrice === null) return
          const pos = account.positions[i]!
          const notional = pos.quantity.times(p.liquidationPrice)
          const b = pos.symbol.brackets[bracketIndex(pos.symbol.brackets, notional)]!
          // One-way, one position per symbol: MB(LP) = wallet + uPnL(LP) + others; equal MM with that bracket.
          const prices = marketPrices(account)
          prices.marks.set(p.symbol, new Decimal(p.liquidationPrice))
          const st = evaluateAccount(account, prices).positions[i]!
          expect(st.bracket.mmr.eq(b.mmr) && st.bracket.cum.eq(b.cum)).toBe(true)
        })
      }),
      { numRuns: 100 }
    )
  })

  it('with one margin asset and zero buffers, Multi-Assets equals Single-Asset cross', () => {
    fc.assert(
      fc.property(usdtBook, (s) => {
        const r = compareScenario(s, { shockToLiquidation: false })
        const g = r.singleAsset.groups[0]!
        expect(r.multiAssets.accountEquity).toBe(g.marginBalance)
        expect(r.multiAssets.accountMaintenanceMargin).toBe(g.maintenanceMargin)
        expect(r.multiAssets.marginRatio).toBe(g.marginRatio)
        expect(r.multiAssets.positions.map((p) => p.liquidationPrice)).toEqual(r.singleAsset.positions.map((p) => p.liquidationPrice))
      }),
      { numRuns: 150 }
    )
  })

  it('MM is continuous at every bracket floor of the real 687-symbol table', () => {
    const parsed = parseBracketFile(realTiersText())
    if (!parsed.ok) throw new Error(parsed.problems[0]!.message)
    const tables = Object.values(parsed.value.brackets)
    expect(tables).toHaveLength(687)
    let floors = 0
    for (const rows of tables) {
      const brackets = toBrackets(rows)
      for (let k = 1; k < brackets.length; k++) {
        const floor = brackets[k]!.floor
        expect(bracketIndex(brackets, floor)).toBe(k)
        expect(maintenanceMargin(brackets[k]!, floor).eq(maintenanceMargin(brackets[k - 1]!, floor))).toBe(true)
        floors++
      }
    }
    expect(floors).toBe(5835 - 687)
  })

  it('shocks move margin ratios monotonically for a one-sided book', () => {
    // A one-sided book: every position long (or every one short). Within one bracket the ratio
    // (Q·P·MMR)/(c + s·Q·P) is monotone in P; across brackets the cum can turn it (a nearly
    // fully collateralised long in bracket 3 has a *lower* ratio after a fall), so the ratio is
    // checked on a single-bracket symbol and the margin surplus (balance − MM, what liquidation
    // depends on) on Binance's multi-bracket BTCUSDT table.
    const oneSided = (side: 'long' | 'short') =>
      usdtBook.map((s) => validScenario({ ...s, account: { ...s.account, positions: s.account.positions.map((p) => ({ ...p, side })) } }))
    const threeMoves = fc.uniqueArray(decimal(-0.6, 0.6, 3), { minLength: 3, maxLength: 3 }).map((m) => m.sort((a, b) => new Decimal(a).cmp(b)))
    fc.assert(
      fc.property(fc.constantFrom('long' as const, 'short' as const).chain(oneSided), threeMoves, (s, moves) => {
        const account = prepareAccount(s)
        const results = moves.map((x) => evaluateShock(account, x, { BTC: x, ETH: x }))
        const surplus = results.map((r) => new Decimal(r.singleAsset.groups[0]!.marginBalance).minus(r.singleAsset.groups[0]!.maintenanceMargin))
        const side = s.account.positions[0]!.side
        for (let i = 1; i < 3; i++) expect(side === 'long' ? surplus[i]!.gte(surplus[i - 1]!) : surplus[i]!.lte(surplus[i - 1]!)).toBe(true)

        const flat = validScenario({ ...s, account: { ...s.account, positions: s.account.positions.map((p) => ({ ...p, symbol: 'ETHUSDT' })).slice(0, 1) } })
        const flatAccount = prepareAccount(flat)
        for (const mode of ['single', 'multi'] as const) {
          const ratios = moves.map((x) => {
            const r = evaluateShock(flatAccount, x, { ETH: x })
            return mode === 'single' ? r.singleAsset.groups[0]!.marginRatio : r.multiAssets.marginRatio
          })
          if (ratios.includes(null)) continue // liquidated somewhere: the ratio is not defined there
          const d1 = new Decimal(ratios[1]!).minus(ratios[0]!)
          const d2 = new Decimal(ratios[2]!).minus(ratios[1]!)
          expect(d1.times(d2).gte(0)).toBe(true)
        }
      }),
      { numRuns: 150 }
    )
  })

  it('the shock line (sweep and shock to liquidation) agrees with evaluating each shocked market directly', () => {
    fc.assert(
      fc.property(usdtBook, fc.array(decimal(-0.9, 3, 4), { minLength: 1, maxLength: 8 }), (s, xs) => {
        const account = prepareAccount(s)
        const sweep = sweepMarginRatios(account, new Set(['BTC', 'ETH']), xs.map((x) => new Decimal(x)))
        xs.forEach((x, i) => {
          const direct = evaluateShock(account, 'x', { BTC: x, ETH: x })
          const d = direct.singleAsset.groups[0]!
          const p = sweep.groups[0]!.points[i]!
          expect(p.liquidated).toBe(d.liquidated)
          if (d.marginRatio !== null) expect(p.ratio!.minus(d.marginRatio).abs().lte('1e-25')).toBe(true)
          expect(sweep.multi[i]!.liquidated).toBe(direct.multiAssets.liquidated)
        })
        // At the shock to liquidation the group is exactly at 100%, and just before it is not.
        const r = compareScenario(s)
        for (const t of r.shockToLiquidation) {
          for (const dir of ['down', 'up'] as const) {
            const m = t[dir].singleAsset.move
            if (m === null || new Decimal(m).isZero()) continue
            const at = evaluateShock(account, 'at', { [t.asset]: new Decimal(m).toSignificantDigits(30).toString() })
            const before = evaluateShock(account, 'before', { [t.asset]: new Decimal(m).times('0.999999').toString() })
            const g = at.singleAsset.groups[0]!
            expect(g.marginRatio === null || new Decimal(g.marginRatio).minus(1).abs().lt('1e-20')).toBe(true)
            expect(before.singleAsset.groups[0]!.liquidated).toBe(false)
          }
        }
      }),
      { numRuns: 100 }
    )
  })
})

// Keep the helper honest: isLiquidated is the rule the properties lean on.
describe('liquidated means ≥ 100% or nothing left', () => {
  it('applies to groups and accounts alike', () => {
    expect(isLiquidated(new Decimal(1), new Decimal(1))).toBe(true)
    expect(isLiquidated(new Decimal('0.99'), new Decimal(1))).toBe(false)
    expect(isLiquidated(new Decimal(1), new Decimal(-5))).toBe(true)
    expect(isLiquidated(ZERO, new Decimal(-5))).toBe(false)
  })
})
