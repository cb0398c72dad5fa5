// Issue 10 (speed at scale): the aggregated shock line and the reachable-pieces liquidation
// search must give exactly what the straightforward versions gave. tests/shared/engine/reference/
// keeps those (O(assets × positions) and Π brackets) as the oracle; random hedge books over the
// real bracket table, with isolated legs, several margin assets and collateral, are compared
// string for string.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Decimal } from '../../../src/shared/decimal'
import { prepareAccount, shockAssets } from '../../../src/shared/engine'
import { liquidationPrice, searchAllPieces, type LiquidationProblem } from '../../../src/shared/engine/liquidation'
import { ShockLine } from '../../../src/shared/engine/shock-line'
import { moveToLiquidation, shocksToLiquidation } from '../../../src/shared/engine/shock-to-liquidation'
import { toBrackets } from '../../../src/shared/engine/brackets'
import type { Position, Scenario } from '../../../src/shared/scenario'
import { validScenario } from '../../helpers/scenarios'
import { liquidationPrice as referenceLiquidationPrice, searchAllPieces as referenceSearchAllPieces } from './reference/liquidation'
import { ShockLine as ReferenceShockLine } from './reference/shock-line'
import { moveToLiquidation as referenceMoveToLiquidation, shocksToLiquidation as referenceShocksToLiquidation } from './reference/shock-to-liquidation'
import { MARKS, SYMBOLS, addSymbol, decimal, legPosition, marketAssets, tiers } from './random-market'

const leg = fc.record({
  symbol: fc.constantFrom(...SYMBOLS),
  side: fc.constantFrom('long' as const, 'short' as const),
  /** Notional in USD, up to 3 million: several brackets deep. */
  notional: decimal(50, 3_000_000, 2),
  entryMove: decimal(-0.3, 0.3, 3),
  isolated: fc.boolean(),
  margin: decimal(0.02, 0.6, 3)
})

/** A hedge book (one leg per symbol and side), wallets in USDT, USDC and collateral. */
const book = fc
  .record({
    mode: fc.constantFrom('single-asset' as const, 'multi-assets' as const),
    legs: fc.uniqueArray(leg, { minLength: 1, maxLength: 12, selector: (l) => `${l.symbol} ${l.side}` }),
    usdt: decimal(-20000, 800000, 2),
    usdc: decimal(0, 200000, 2),
    eth: decimal(0, 50, 3)
  })
  .map(({ mode, legs, usdt, usdc, eth }): Scenario => {
    const symbols: Scenario['market']['symbols'] = {}
    const positions: Position[] = legs.map((l) => legPosition(l, addSymbol(symbols, l.symbol), 1))
    return validScenario({
      format: 'margin-planner/scenario',
      version: 2,
      name: 'random hedge book',
      account: {
        mode,
        positionMode: 'hedge',
        balances: [
          { asset: 'USDT', wallet: usdt },
          { asset: 'USDC', wallet: usdc },
          { asset: 'ETH', wallet: eth }
        ],
        positions
      },
      market: { asOf: '2026-03-05T00:00:00Z', symbols, assets: marketAssets() }
    })
  })

describe('speed at scale changes no figure (issue 10)', () => {
  it('the shock to liquidation of every asset equals the per-asset reference on random books', () => {
    fc.assert(
      fc.property(book, (s) => {
        const account = prepareAccount(s)
        expect(JSON.stringify(shocksToLiquidation(account))).toBe(JSON.stringify(referenceShocksToLiquidation(account)))
      }),
      { numRuns: 150 }
    )
  })

  it('lines over several moving assets (the sweep) give the reference pieces and moves', () => {
    fc.assert(
      fc.property(book, fc.integer({ min: 1, max: 2 ** 20 }), (s, pick) => {
        const account = prepareAccount(s)
        const all = [...shockAssets(account), 'USDT', 'USDC']
        const moving = new Set(all.filter((_, i) => (pick >> i) & 1))
        const line = new ShockLine(account, moving)
        const reference = new ReferenceShockLine(account, moving)
        for (const direction of [-1, 1] as const) {
          const ours = [...line.pieces(direction)]
          const theirs = [...reference.pieces(direction)]
          expect(ours.length).toBe(theirs.length)
          ours.forEach((p, i) => {
            const q = theirs[i]!
            expect(JSON.stringify([p.start, p.end, p.groups, p.multi])).toBe(JSON.stringify([q.start, q.end, q.groups, q.multi]))
          })
          expect(JSON.stringify(moveToLiquidation(line, direction))).toBe(JSON.stringify(referenceMoveToLiquidation(reference, direction)))
          if (direction > 0) {
            // The walk up by index (what the search up halves) builds each piece afresh: the same pieces.
            const list = line.upwardPieces()
            expect(list.count).toBe(ours.length)
            // Asked for last first: a piece does not depend on the pieces asked for before it.
            for (let j = ours.length - 1; j >= 0; j--) {
              const p = ours[j]!
              const q = list.at(j)
              expect(JSON.stringify([q.start, q.end, q.groups, q.isolated, q.multi])).toBe(JSON.stringify([p.start, p.end, p.groups, p.isolated, p.multi]))
            }
          }
        }
      }),
      { numRuns: 150 }
    )
  })

  it('the liquidation price searched over reachable pieces equals the search over every piece', () => {
    const hedgeSymbols = ['BTCUSDT', 'ETHUSDT', 'DOGEUSDT']
    const problem = fc
      .record({
        symbol: fc.constantFrom(...hedgeSymbols),
        long: decimal(0, 400, 3),
        short: decimal(0, 400, 3),
        longEntry: decimal(-0.3, 0.3, 3),
        shortEntry: decimal(-0.3, 0.3, 3),
        wallet: decimal(-50000, 2000000, 2),
        other: decimal(-500000, 500000, 2),
        otherMm: decimal(0, 100000, 2),
        otherUsd: decimal(-100000, 1000000, 2),
        buffers: fc.boolean()
      })
      .map((r): LiquidationProblem => {
        const a = tiers.assets[r.symbol]!
        const mark = new Decimal(MARKS[a.baseAsset]!)
        const brackets = toBrackets(tiers.brackets[r.symbol]!)
        const scale = new Decimal(70210.5).div(mark).toDecimalPlaces(0).plus(1)
        const legs = [
          { q: new Decimal(r.long).times(scale), s: 1, e: r.longEntry },
          { q: new Decimal(r.short).times(scale), s: -1, e: r.shortEntry }
        ]
          .filter((l) => l.q.gt(0))
          .map((l) => ({
            quantity: l.q,
            signedQty: l.q.times(l.s),
            signedCost: l.q.times(l.s).times(mark.times(new Decimal(1).plus(l.e))),
            brackets
          }))
        return {
          legs: legs.length > 0 ? legs : [{ quantity: new Decimal(1), signedQty: new Decimal(1), signedCost: mark, brackets }],
          mark,
          wallet: new Decimal(r.wallet),
          otherUnrealizedPnl: new Decimal(r.other),
          otherMaintenance: new Decimal(r.otherMm),
          otherUsdEquity: r.buffers ? new Decimal(r.otherUsd) : new Decimal(0),
          otherUsdMaintenance: r.buffers ? new Decimal(r.otherMm).div(3) : new Decimal(0),
          bidRate: r.buffers ? new Decimal('0.9999') : new Decimal(1),
          askRate: r.buffers ? new Decimal('1.0002') : new Decimal(1)
        }
      })
    fc.assert(
      fc.property(problem, (p) => {
        expect(JSON.stringify(liquidationPrice(p))).toBe(JSON.stringify(referenceLiquidationPrice(p)))
        // The search itself, also where the iteration would have settled first.
        const twoRates = !p.bidRate.eq(p.askRate)
        expect(JSON.stringify(searchAllPieces(p, twoRates))).toBe(JSON.stringify(referenceSearchAllPieces(p, twoRates)))
      }),
      { numRuns: 400 }
    )
  })
})
