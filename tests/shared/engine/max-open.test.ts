// Max open (margin-rules.md §10; Binance publishes no formula): checked by placing the quantity
// it reports through a plan trade (accepted) and a step more (refused), in both modes.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Decimal } from '../../../src/shared/decimal'
import { compareScenario } from '../../../src/shared/engine'
import type { MaxOpenEntry } from '../../../src/shared/engine/result-types'
import type { OpenOrder, Position, Scenario } from '../../../src/shared/scenario'
import { v2Scenario } from '../../helpers/plan-scenarios'

const MODES = ['singleAsset', 'multiAssets'] as const

/** The outcome of trading `quantity` on the entry's side and position side, at mark, in `mode`. */
function place(s: Scenario, e: MaxOpenEntry, quantity: Decimal, mode: (typeof MODES)[number]) {
  const positionSide = e.positionSide === 'BOTH' ? undefined : e.positionSide === 'LONG' ? ('long' as const) : ('short' as const)
  const withTrade: Scenario = { ...structuredClone(s), version: 2, plan: [{ kind: 'trade', symbol: e.symbol, side: e.side, quantity: quantity.toString(), ...(positionSide ? { positionSide } : {}), leverage: e.leverage! }] }
  return compareScenario(withTrade).plan!.steps[0]![mode]
}

function expectExactMax(s: Scenario): MaxOpenEntry[] {
  const r = compareScenario(s)
  const all: MaxOpenEntry[] = []
  for (const mode of MODES) {
    for (const e of r[mode].maxOpen!) {
      all.push(e)
      const q = new Decimal(e.quantity)
      if (q.gt(0)) expect(place(s, e, q, mode).accepted, `${mode} ${e.symbol} ${e.side} ${e.quantity}`).toBe(true)
      const more = place(s, e, q.plus('1e-18'), mode)
      expect(more, `${mode} ${e.symbol} ${e.side} ${e.quantity} + 1e-18`).toMatchObject({ accepted: false, code: e.limitedBy === 'margin' ? 'INSUFFICIENT_MARGIN' : 'MAX_NOTIONAL' })
    }
  }
  return all
}

const long = (symbol: string, quantity: string, entryPrice: string, leverage: number): Position => ({ symbol, side: 'long', quantity, entryPrice, leverage, marginType: 'cross' })

describe('§10 max open', () => {
  it('margin binds: the buy is (K − N) / P with K = L·(MR + available); the sell first closes the long, then opens', () => {
    const s = v2Scenario({ balances: [{ asset: 'USDT', wallet: '10000' }], positions: [long('ETHUSDT', '1', '3000', 10)] })
    const [buy, sell] = expectExactMax(s)
    // Single-Asset: available 10,000 − 300 = 9,700; K = 10 × (300 + 9,700) = 100,000.
    expect(buy).toMatchObject({ symbol: 'ETHUSDT', side: 'buy', positionSide: 'BOTH', price: '3000', limitedBy: 'margin' })
    expect(new Decimal(buy!.quantity).minus(new Decimal(97000).div(3000)).abs().lt('1e-18')).toBe(true)
    expect(new Decimal(sell!.quantity).minus(new Decimal(103000).div(3000)).abs().lt('1e-18')).toBe(true)
  })

  it('the bracket binds: at 125x BTCUSDT (2022 table) holds at most 50,000 of notional', () => {
    const s = v2Scenario({ balances: [{ asset: 'USDT', wallet: '100000' }], positions: [long('BTCUSDT', '0.5', '60000', 125)] })
    const [buy, sell] = expectExactMax(s)
    expect(buy).toMatchObject({ limitedBy: 'bracket' })
    // 50,000 / 60,000 − 0.5 to buy; 0.5 + 50,000 / 60,000 to sell (close, then open short).
    expect(new Decimal(buy!.quantity).minus(new Decimal(50000).div(60000).minus('0.5')).abs().lt('1e-18')).toBe(true)
    expect(new Decimal(sell!.quantity).minus(new Decimal(50000).div(60000).plus('0.5')).abs().lt('1e-18')).toBe(true)
  })

  it('a USDC symbol: Single-Asset Mode has only the USDC group, Multi-Assets Mode the whole account', () => {
    const s = v2Scenario({ balances: [{ asset: 'USDT', wallet: '10000' }, { asset: 'USDC', wallet: '300' }], positions: [long('ETHUSDC', '0.1', '3000', 10)] })
    const r = compareScenario(s)
    // Single: 300 − 30 available; K = 10 × (30 + 270) = 3,000 → (3,000 − 300) / 3,000 = 0.9.
    expect(r.singleAsset.maxOpen![0]).toMatchObject({ side: 'buy', quantity: '0.9', notional: '2700', limitedBy: 'margin' })
    // Multi: 10,300 − 30 available; K = 10 × (30 + 10,270) = 103,000 → 102,700 / 3,000 = 34.2333… (18 places, down).
    expect(r.multiAssets.maxOpen![0]).toMatchObject({ side: 'buy', quantity: '34.233333333333333333', limitedBy: 'margin' })
    expectExactMax(s)
  })

  it('hedge mode: an opening buy on LONG and an opening sell on SHORT, each with its own side’s book', () => {
    const s = v2Scenario({
      positionMode: 'hedge',
      balances: [{ asset: 'USDT', wallet: '5000' }],
      positions: [long('ETHUSDT', '2', '3000', 10), { symbol: 'ETHUSDT', side: 'short', quantity: '1', entryPrice: '3000', leverage: 10, marginType: 'cross' }]
    })
    const entries = expectExactMax(s).slice(0, 2)
    expect(entries.map((e) => [e.side, e.positionSide])).toEqual([['buy', 'LONG'], ['sell', 'SHORT']])
  })

  it('property: for random books with orders, the reported quantity is accepted and 1e-18 more is refused, in both modes', () => {
    const amount = (min: number, max: number, places: number) => fc.integer({ min: min * 10 ** places, max: max * 10 ** places }).map((n) => new Decimal(n).div(10 ** places).toString())
    const book = fc.record({
      wallet: amount(50, 20000, 2),
      usdc: amount(0, 2000, 2),
      positions: fc.uniqueArray(
        fc.record({ symbol: fc.constantFrom('BTCUSDT', 'ETHUSDT', 'ETHUSDC'), side: fc.constantFrom('long' as const, 'short' as const), quantity: amount(0.01, 3, 2), entryMove: amount(-0.2, 0.2, 3), leverage: fc.integer({ min: 1, max: 50 }) }),
        { maxLength: 3, selector: (p) => p.symbol }
      ),
      orders: fc.array(fc.record({ symbol: fc.constantFrom('BTCUSDT', 'ETHUSDT', 'ETHUSDC'), side: fc.constantFrom('buy' as const, 'sell' as const), quantity: amount(0.01, 2, 2), priceMove: amount(-0.1, 0.1, 3) }), { maxLength: 3 })
    })
    const marks: Record<string, string> = { BTCUSDT: '60000', ETHUSDT: '3000', ETHUSDC: '3000' }
    fc.assert(
      fc.property(book, ({ wallet, usdc, positions, orders }) => {
        const s = v2Scenario({
          balances: [{ asset: 'USDT', wallet }, { asset: 'USDC', wallet: usdc }],
          positions: positions.map((p) => ({ symbol: p.symbol, side: p.side, quantity: p.quantity, entryPrice: new Decimal(marks[p.symbol]!).times(new Decimal(1).plus(p.entryMove)).toString(), leverage: p.leverage, marginType: 'cross' as const })),
          openOrders: orders.map((o): OpenOrder => ({ symbol: o.symbol, side: o.side, quantity: o.quantity, price: new Decimal(marks[o.symbol]!).times(new Decimal(1).plus(o.priceMove)).toString(), type: 'limit', leverage: positions.find((p) => p.symbol === o.symbol)?.leverage ?? 20 }))
        })
        expectExactMax(s)
      }),
      { numRuns: 40 }
    )
  })
})
