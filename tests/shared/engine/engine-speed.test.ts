// Issue 10 (speed at scale): the faster liquidation prices of both modes' position lists and the
// faster max open must give exactly what the straightforward versions gave. The oracles are kept
// in tests/shared/engine/reference/ (positions.ts over the Π-brackets liquidation search, and
// max-open.ts); random books over the real bracket table, one-way and hedge, with isolated legs,
// several margin assets, collateral and open orders (limit, stop, reduce-only), including thin
// and negative wallets (no available: zero quantities), are compared string for string.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Decimal } from '../../../src/shared/decimal'
import { evaluateAccount } from '../../../src/shared/engine/account-state'
import { prepareAccount } from '../../../src/shared/engine/prepare'
import { toBrackets } from '../../../src/shared/engine/brackets'
import { liquidationPrice, searchAllPieces, type LiquidationProblem } from '../../../src/shared/engine/liquidation'
import { maxOpen } from '../../../src/shared/engine/max-open'
import { multiAssetsLiquidationPrices } from '../../../src/shared/engine/multi-assets'
import { marketPrices } from '../../../src/shared/engine/prices'
import { singleAssetLiquidationPrices } from '../../../src/shared/engine/single-asset'
import type { OpenOrder, Position, Scenario } from '../../../src/shared/scenario'
import { validScenario } from '../../helpers/scenarios'
import { liquidationPrice as referenceLiquidationPrice, searchAllPieces as referenceSearchAllPieces } from './reference/liquidation'
import { maxOpen as referenceMaxOpen } from './reference/max-open'
import { multiAssetsLiquidationPrices as referenceMulti, singleAssetLiquidationPrices as referenceSingle } from './reference/positions'
import { MARKS, SYMBOLS, addSymbol, decimal, legPosition, marketAssets, tiers } from './random-market'

const leg = fc.record({
  symbol: fc.constantFrom(...SYMBOLS),
  side: fc.constantFrom('long' as const, 'short' as const),
  /** Notional in USD, up to 3 million: several brackets deep. */
  notional: decimal(50, 3_000_000, 2),
  entryMove: decimal(-0.3, 0.3, 3),
  leverage: fc.integer({ min: 1, max: 75 }),
  isolated: fc.boolean(),
  margin: decimal(0.02, 0.6, 3)
})

const order = fc.record({
  symbol: fc.constantFrom(...SYMBOLS),
  side: fc.constantFrom('buy' as const, 'sell' as const),
  short: fc.boolean(),
  notional: decimal(10, 500_000, 2),
  priceMove: decimal(-0.1, 0.1, 3),
  type: fc.constantFrom('limit' as const, 'limit' as const, 'stop' as const),
  reduceOnly: fc.boolean(),
  leverage: fc.integer({ min: 1, max: 50 })
})

const book = fc
  .record({
    mode: fc.constantFrom('single-asset' as const, 'multi-assets' as const),
    hedge: fc.boolean(),
    legs: fc.uniqueArray(leg, { minLength: 1, maxLength: 10, selector: (l) => `${l.symbol} ${l.side}` }),
    orders: fc.array(order, { maxLength: 6 }),
    usdt: fc.oneof(decimal(-20000, 800000, 2), fc.constantFrom('0', '100')),
    usdc: fc.oneof(decimal(0, 200000, 2), fc.constant('0')),
    eth: decimal(0, 50, 3)
  })
  .map(({ mode, hedge, legs, orders, usdt, usdc, eth }): Scenario => {
    const symbols: Scenario['market']['symbols'] = {}
    // One-way mode holds one position a symbol.
    const kept = hedge ? legs : legs.filter((l, i) => legs.findIndex((m) => m.symbol === l.symbol) === i)
    // One leverage a symbol (the v2 reader's rule): the first position's, else the first order's.
    const leverages = new Map<string, number>()
    for (const x of [...kept, ...orders]) if (!leverages.has(x.symbol)) leverages.set(x.symbol, Math.min(x.leverage, Math.max(...tiers.brackets[x.symbol]!.map((b) => b.initialLeverage))))
    const positions: Position[] = kept.map((l) => legPosition(l, addSymbol(symbols, l.symbol), leverages.get(l.symbol)!))
    const openOrders: OpenOrder[] = orders.map((o) => {
      const mark = addSymbol(symbols, o.symbol)
      const quantity = new Decimal(o.notional).div(mark).toSignificantDigits(4).toString()
      const f: OpenOrder = {
        symbol: o.symbol,
        side: o.side,
        quantity: quantity === '0' ? '0.001' : quantity,
        price: new Decimal(mark).times(new Decimal(1).plus(o.priceMove)).toSignificantDigits(6).toString(),
        type: o.type,
        leverage: leverages.get(o.symbol)!
      }
      if (hedge) f.positionSide = o.short ? 'short' : 'long'
      else if (o.reduceOnly && kept.some((l) => l.symbol === o.symbol)) f.reduceOnly = true
      return f
    })
    return validScenario({
      format: 'margin-planner/scenario',
      version: 2,
      name: 'random book with orders',
      account: {
        mode,
        positionMode: hedge ? 'hedge' : 'one-way',
        balances: [
          { asset: 'USDT', wallet: usdt },
          { asset: 'USDC', wallet: usdc },
          { asset: 'ETH', wallet: eth }
        ],
        positions,
        openOrders
      },
      market: { asOf: '2026-03-05T00:00:00Z', symbols, assets: marketAssets() }
    })
  })

describe('speed at scale changes no figure (issue 10): positions and max open', () => {
  it('both modes’ liquidation prices equal the reference on random books', () => {
    fc.assert(
      fc.property(book, (s) => {
        const account = prepareAccount(s)
        const state = evaluateAccount(account, marketPrices(account))
        expect(JSON.stringify(singleAssetLiquidationPrices(state))).toBe(JSON.stringify(referenceSingle(state)))
        expect(JSON.stringify(multiAssetsLiquidationPrices(state))).toBe(JSON.stringify(referenceMulti(state)))
      }),
      { numRuns: 200 }
    )
  })

  it('max open of both modes equals the reference on random books with orders', () => {
    fc.assert(
      fc.property(book, (s) => {
        const account = prepareAccount(s)
        const state = evaluateAccount(account, marketPrices(account))
        for (const mode of ['singleAsset', 'multiAssets'] as const) {
          expect(JSON.stringify(maxOpen(mode, account, state))).toBe(JSON.stringify(referenceMaxOpen(mode, account, state)))
        }
      }),
      { numRuns: 200 }
    )
  })

  it('hedge legs entering their brackets at the same prices (equal or proportional sizes) search the pieces the reference does', () => {
    const problem = fc
      .record({
        symbol: fc.constantFrom('BTCUSDT', 'ETHUSDT', 'DOGEUSDT'),
        quantity: decimal(0.001, 300, 3),
        ratio: fc.constantFrom('1', '1', '2', '0.5', '1.000001'),
        wallet: decimal(-50000, 2000000, 2),
        other: decimal(-500000, 500000, 2),
        buffers: fc.boolean()
      })
      .map((r): LiquidationProblem => {
        const mark = new Decimal(MARKS[tiers.assets[r.symbol]!.baseAsset]!)
        const brackets = toBrackets(tiers.brackets[r.symbol]!)
        const long = new Decimal(r.quantity).times(new Decimal(70210.5).div(mark).toDecimalPlaces(0).plus(1))
        const short = long.times(r.ratio)
        return {
          legs: [
            { quantity: long, signedQty: long, signedCost: long.times(mark), brackets },
            { quantity: short, signedQty: short.neg(), signedCost: short.neg().times(mark.times('1.01')), brackets }
          ],
          mark,
          wallet: new Decimal(r.wallet),
          otherUnrealizedPnl: new Decimal(r.other),
          otherMaintenance: new Decimal(0),
          otherUsdEquity: new Decimal(0),
          otherUsdMaintenance: new Decimal(0),
          bidRate: r.buffers ? new Decimal('0.9999') : new Decimal(1),
          askRate: r.buffers ? new Decimal('1.0002') : new Decimal(1)
        }
      })
    fc.assert(
      fc.property(problem, (p) => {
        expect(JSON.stringify(liquidationPrice(p))).toBe(JSON.stringify(referenceLiquidationPrice(p)))
        const twoRates = !p.bidRate.eq(p.askRate)
        expect(JSON.stringify(searchAllPieces(p, twoRates))).toBe(JSON.stringify(referenceSearchAllPieces(p, twoRates)))
      }),
      { numRuns: 300 }
    )
  })
})
