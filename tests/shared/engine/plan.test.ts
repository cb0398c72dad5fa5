// The plan (scenario-format.md §3, margin-rules.md §8–9): each rule with its source, Binance's
// commission examples verbatim, and the reverse-trade property.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Decimal } from '../../../src/shared/decimal'
import { compareScenario } from '../../../src/shared/engine'
import { foldPlan } from '../../../src/shared/engine/plan/run-plan'
import type { PlanStep, Scenario } from '../../../src/shared/scenario'
import { v2Scenario } from '../../helpers/plan-scenarios'

const wallet = (s: Scenario, asset: string): string => s.account.balances.find((b) => b.asset === asset)?.wallet ?? '0'
const steps = (s: Scenario) => compareScenario(s).plan!.steps

describe('§8 commission [FAQ 360033544231]', () => {
  it('taker buy 1 BTC @ 10,104 pays 5.052; maker sell 1 @ 11,104 pays 2.2208 (regular tier), both from the USDT wallet', () => {
    const s = v2Scenario({ balances: [{ asset: 'USDT', wallet: '20000' }] }, [
      { kind: 'trade', symbol: 'BTCUSDT', side: 'buy', quantity: '1', price: '10104', liquidity: 'taker', leverage: 10 },
      { kind: 'trade', symbol: 'BTCUSDT', side: 'sell', quantity: '1', price: '11104', liquidity: 'maker' }
    ], (x) => (x.market.symbols.BTCUSDT!.markPrice = '10104'))
    const r = steps(s)
    for (const mode of ['singleAsset', 'multiAssets'] as const) {
      expect(r[0]![mode]).toMatchObject({ accepted: true, commission: '5.052', realizedPnl: '0' })
      expect(r[1]![mode]).toMatchObject({ accepted: true, commission: '2.2208', realizedPnl: '1000' })
    }
    // Wallet balance = transfers + realized PnL − commission (the 2022 FAQ's definition).
    const end = foldPlan(s).end
    expect(wallet(end.singleAsset, 'USDT')).toBe('20992.7272')
    expect(wallet(end.multiAssets, 'USDT')).toBe('20992.7272')
  })

  it('the scenario’s own account.commission overrides the tier; vip2-plus uses VIP 2’s 0.014% / 0.035%', () => {
    const plan: PlanStep[] = [{ kind: 'trade', symbol: 'ETHUSDT', side: 'buy', quantity: '1', price: '3000', leverage: 10 }]
    expect(steps(v2Scenario({ feeTier: 'vip2-plus', balances: [{ asset: 'USDT', wallet: '5000' }] }, plan))[0]!.singleAsset.commission).toBe('1.05')
    expect(steps(v2Scenario({ commission: { maker: '0', taker: '0.001' }, balances: [{ asset: 'USDT', wallet: '5000' }] }, plan))[0]!.singleAsset.commission).toBe('3')
  })
})

describe('§8 trades: entry, realized PnL, one-way flip', () => {
  it('an increase moves the entry to the quantity-weighted average; a reduction realizes q × (P − E) × s', () => {
    const s = v2Scenario({ balances: [{ asset: 'USDT', wallet: '10000' }], positions: [{ symbol: 'ETHUSDT', side: 'long', quantity: '1', entryPrice: '2800', leverage: 10, marginType: 'cross' }] }, [
      { kind: 'trade', symbol: 'ETHUSDT', side: 'buy', quantity: '3', price: '3200' },
      { kind: 'trade', symbol: 'ETHUSDT', side: 'sell', quantity: '2', price: '3300' }
    ])
    const { steps: r, end } = foldPlan(s)
    expect(r[1]!.singleAsset.realizedPnl).toBe('400') // entry (2,800 + 3 × 3,200) / 4 = 3,100; 2 × (3,300 − 3,100)
    expect(end.singleAsset.account.positions).toEqual([{ symbol: 'ETHUSDT', side: 'long', quantity: '2', entryPrice: '3100', leverage: 10, marginType: 'cross' }])
  })

  it('a one-way trade larger than the position closes it (realizing PnL) and opens the rest on the other side at P', () => {
    const s = v2Scenario({ balances: [{ asset: 'USDT', wallet: '10000' }], positions: [{ symbol: 'ETHUSDT', side: 'short', quantity: '2', entryPrice: '3100', leverage: 5, marginType: 'cross' }] }, [
      { kind: 'trade', symbol: 'ETHUSDT', side: 'buy', quantity: '5', price: '3000', liquidity: 'maker' }
    ])
    const { steps: r, end } = foldPlan(s)
    expect(r[0]!.singleAsset).toMatchObject({ accepted: true, realizedPnl: '200', commission: '3' })
    expect(end.singleAsset.account.positions).toEqual([{ symbol: 'ETHUSDT', side: 'long', quantity: '3', entryPrice: '3000', leverage: 5, marginType: 'cross' }])
    expect(wallet(end.singleAsset, 'USDT')).toBe('10197')
  })

  it('hedge mode: a sell on LONG reduces; closing more than the side holds is refused (−2022) and changes nothing', () => {
    const s = v2Scenario(
      {
        positionMode: 'hedge',
        balances: [{ asset: 'USDT', wallet: '10000' }],
        positions: [
          { symbol: 'ETHUSDT', side: 'long', quantity: '1', entryPrice: '3000', leverage: 10, marginType: 'cross' },
          { symbol: 'ETHUSDT', side: 'short', quantity: '1', entryPrice: '3000', leverage: 10, marginType: 'cross' }
        ]
      },
      [
        { kind: 'trade', symbol: 'ETHUSDT', side: 'sell', positionSide: 'long', quantity: '2' },
        { kind: 'trade', symbol: 'ETHUSDT', side: 'sell', positionSide: 'short', quantity: '1' }
      ]
    )
    const { steps: r, end } = foldPlan(s)
    expect(r[0]!.singleAsset).toMatchObject({ accepted: false, code: 'REDUCE_EXCEEDS_POSITION', binanceCode: -2022 })
    expect(r[1]!.singleAsset.accepted).toBe(true)
    expect(end.singleAsset.account.positions.map((p) => [p.side, p.quantity])).toEqual([['long', '1'], ['short', '2']])
  })
})

describe('isolated positions in a plan (Decisions, README)', () => {
  it('an increase moves its initial margin into the isolated wallet, a reduction keeps the margin in proportion, funding settles into it', () => {
    const s = v2Scenario(
      { balances: [{ asset: 'USDT', wallet: '5000' }], positions: [{ symbol: 'ETHUSDT', side: 'long', quantity: '1', entryPrice: '3000', leverage: 10, marginType: 'isolated', isolatedWallet: '300' }] },
      [
        { kind: 'trade', symbol: 'ETHUSDT', side: 'buy', quantity: '1' },
        { kind: 'trade', symbol: 'ETHUSDT', side: 'sell', quantity: '1.5' },
        { kind: 'funding', hours: 8 }
      ],
      (x) => (x.market.symbols.ETHUSDT!.fundingRate = '0.001')
    )
    const { end } = foldPlan(s)
    // 300 + 3,000 / 10 = 600; half a position of 2 left: 150; funding 0.5 × 3,000 × 0.001 = −1.5.
    expect(end.singleAsset.account.positions).toEqual([{ symbol: 'ETHUSDT', side: 'long', quantity: '0.5', entryPrice: '3000', leverage: 10, marginType: 'isolated', isolatedWallet: '148.5' }])
    expect(wallet(end.singleAsset, 'USDT')).toBe(new Decimal(5000).minus(new Decimal(2.5).times(3000).times('0.0005')).minus('1.5').toString())
  })
})

describe('§8 acceptance: −2019 and −2027 per mode; reducing trades always pass', () => {
  it('a USDC trade beyond the USDC group is refused in Single-Asset Mode (−2019) and fills in Multi-Assets Mode on USDT', () => {
    const s = v2Scenario({ balances: [{ asset: 'USDT', wallet: '10000' }, { asset: 'USDC', wallet: '200' }] }, [
      { kind: 'trade', symbol: 'ETHUSDC', side: 'buy', quantity: '1', leverage: 10 }
    ])
    const [step] = steps(s)
    // Cost = increase of MR = 3,000 / 10 = 300 USDC, at mark so no open loss (§7).
    expect(step!.singleAsset).toMatchObject({ accepted: false, code: 'INSUFFICIENT_MARGIN', binanceCode: -2019, cost: '300', availableBefore: '200' })
    expect(step!.multiAssets).toMatchObject({ accepted: true, cost: '300', availableBefore: '10200', commission: '1.5' })
  })

  it('open loss is part of the cost (FAQ 4f83b65d…: 1 BTC @ 9,253.30 at mark 9,259.84, 20x: a buy costs 462.665, a sell 469.205)', () => {
    const one = (side: 'buy' | 'sell') =>
      steps(v2Scenario({ balances: [{ asset: 'USDT', wallet: '469.2' }] }, [{ kind: 'trade', symbol: 'BTCUSDT', side, quantity: '1', price: '9253.30', leverage: 20 }], (x) => (x.market.symbols.BTCUSDT!.markPrice = '9259.84')))[0]!
    expect(one('buy').singleAsset).toMatchObject({ accepted: true, cost: '462.665' })
    // The sell's 6.54 of open loss takes it past the 469.2 USDT available.
    expect(one('sell').singleAsset).toMatchObject({ accepted: false, code: 'INSUFFICIENT_MARGIN', cost: '469.205', availableBefore: '469.2' })
    expect(one('sell').multiAssets).toMatchObject({ accepted: false, cost: '469.205' })
  })

  it('a one-way flip pays open loss only on the part that opens (the rest first closes the position)', () => {
    // Short 1 @ mark 3,000, 10x; buy 3 @ 3,010: MR 300 → |−3,000 + 9,030| / 10 = 603, + 2 × 10 of open loss.
    const s = v2Scenario({ balances: [{ asset: 'USDT', wallet: '10000' }], positions: [{ symbol: 'ETHUSDT', side: 'short', quantity: '1', entryPrice: '3000', leverage: 10, marginType: 'cross' }] }, [
      { kind: 'trade', symbol: 'ETHUSDT', side: 'buy', quantity: '3', price: '3010' }
    ])
    expect(steps(s)[0]!.singleAsset).toMatchObject({ accepted: true, cost: '323', realizedPnl: '-10' })
  })

  it('a notional beyond the largest cap the leverage allows is refused (−2027) in both modes', () => {
    // BTCUSDT 2022: 125x only up to 50,000 of notional.
    const s = v2Scenario({ balances: [{ asset: 'USDT', wallet: '1000000' }] }, [{ kind: 'trade', symbol: 'BTCUSDT', side: 'buy', quantity: '1', leverage: 125 }])
    const [step] = steps(s)
    expect(step!.singleAsset).toMatchObject({ accepted: false, code: 'MAX_NOTIONAL', binanceCode: -2027 })
    expect(step!.multiAssets).toMatchObject({ accepted: false, code: 'MAX_NOTIONAL', binanceCode: -2027 })
  })

  it('a reducing trade passes with nothing available; a refused step changes nothing and later steps still run', () => {
    const s = v2Scenario({ balances: [{ asset: 'USDT', wallet: '310' }], positions: [{ symbol: 'ETHUSDT', side: 'long', quantity: '1', entryPrice: '3000', leverage: 10, marginType: 'cross' }] }, [
      { kind: 'trade', symbol: 'ETHUSDT', side: 'buy', quantity: '1' },
      { kind: 'trade', symbol: 'ETHUSDT', side: 'sell', quantity: '0.5' }
    ], (x) => (x.market.symbols.ETHUSDT!.markPrice = '2800'))
    const { steps: r, end } = foldPlan(s)
    expect(r[0]!.singleAsset).toMatchObject({ accepted: false, availableBefore: '0' })
    expect(r[1]!.singleAsset).toMatchObject({ accepted: true, realizedPnl: '-100', commission: '0.7' })
    expect(end.singleAsset.account.positions[0]!.quantity).toBe('0.5')
    expect(wallet(end.singleAsset, 'USDT')).toBe('209.3')
  })
})

describe('transfer, funding, move, cancelOrders', () => {
  it('funding (§9, FAQ 360033525031): a long pays mark × Q × rate per settlement, a short receives; whole intervals only', () => {
    const s = v2Scenario(
      {
        balances: [{ asset: 'USDT', wallet: '10000' }],
        positions: [
          { symbol: 'BTCUSDT', side: 'long', quantity: '0.5', entryPrice: '60000', leverage: 10, marginType: 'cross' },
          { symbol: 'ETHUSDT', side: 'short', quantity: '2', entryPrice: '3000', leverage: 10, marginType: 'cross' }
        ]
      },
      [{ kind: 'funding', hours: 23 }, { kind: 'funding', hours: 3 }],
      (x) => {
        x.market.symbols.BTCUSDT!.fundingRate = '0.0001'
        x.market.symbols.ETHUSDT!.fundingRate = '0.0003'
        x.market.symbols.ETHUSDT!.fundingIntervalHours = 4
      }
    )
    const r = steps(s)
    // 23 h: BTC 2 settlements × −3 = −6; ETH 5 settlements × +1.8 = +9. 3 h: none.
    expect(r[0]!.singleAsset.funding).toEqual([{ asset: 'USDT', amount: '3' }])
    expect(r[1]!.multiAssets.funding).toEqual([])
  })

  it('a move is kept for later steps: a trade without a price fills at the moved mark', () => {
    const s = v2Scenario({ balances: [{ asset: 'USDT', wallet: '10000' }] }, [
      { kind: 'move', moves: { ETH: '-0.1' } },
      { kind: 'trade', symbol: 'ETHUSDT', side: 'buy', quantity: '1', leverage: 10 }
    ])
    const r = compareScenario(s).plan!
    expect(r.steps[1]!.singleAsset).toMatchObject({ price: '2700', cost: '270' })
    expect(r.after.singleAsset.positions[0]!.markPrice).toBe('2700')
  })

  it('a withdrawal beyond what the asset can give is refused; a deposit always passes', () => {
    const s = v2Scenario({ balances: [{ asset: 'USDT', wallet: '1000' }], positions: [{ symbol: 'ETHUSDT', side: 'long', quantity: '1', entryPrice: '3000', leverage: 5, marginType: 'cross' }] }, [
      { kind: 'transfer', asset: 'USDT', amount: '-500' },
      { kind: 'transfer', asset: 'USDT', amount: '-400' },
      { kind: 'transfer', asset: 'USDC', amount: '250' }
    ])
    const { steps: r, end } = foldPlan(s)
    expect(r[0]!.singleAsset).toMatchObject({ accepted: false, code: 'INSUFFICIENT_WITHDRAWABLE', withdrawable: '400' })
    expect(r[1]!.singleAsset.accepted).toBe(true)
    expect(end.singleAsset.account.balances).toEqual([{ asset: 'USDT', wallet: '600' }, { asset: 'USDC', wallet: '250' }])
  })

  it('cancelOrders removes every open order: the switch is no longer blocked (−4170) after the plan', () => {
    const s = v2Scenario(
      { balances: [{ asset: 'USDT', wallet: '10000' }], openOrders: [{ symbol: 'ETHUSDT', side: 'buy', quantity: '1', price: '2900', type: 'limit', leverage: 10 }] },
      [{ kind: 'cancelOrders' }]
    )
    const { steps: r, end } = foldPlan(s)
    expect(r[0]!.singleAsset).toEqual({ accepted: true, cancelledOrders: 1 })
    expect(end.singleAsset.account.openOrders).toBeUndefined()
    const c = compareScenario(s)
    expect(c.multiAssets.switch.blockers.map((b) => b.binanceCode)).toEqual([-4170])
    expect(c.plan!.after.multiAssets.switch.blockers).toEqual([])
  })

  it('open orders hold margin a trade cannot use (FAQ 4f83b65d…: 950 of open-order IM), released by cancelOrders', () => {
    // Long 0.5 BTC at mark 20,000, buy 0.1 @ 19,000 and sell 0.1 @ 22,000 at 2x: MR 5,950, IM 5,000 + 950.
    const s = v2Scenario(
      {
        balances: [{ asset: 'USDT', wallet: '10000' }],
        positions: [{ symbol: 'BTCUSDT', side: 'long', quantity: '0.5', entryPrice: '20000', leverage: 2, marginType: 'cross' }],
        openOrders: [
          { symbol: 'BTCUSDT', side: 'buy', quantity: '0.1', price: '19000', type: 'limit' },
          { symbol: 'BTCUSDT', side: 'sell', quantity: '0.1', price: '22000', type: 'limit' }
        ]
      },
      [{ kind: 'trade', symbol: 'BTCUSDT', side: 'buy', quantity: '0.01' }, { kind: 'cancelOrders' }, { kind: 'trade', symbol: 'BTCUSDT', side: 'buy', quantity: '0.01' }],
      (x) => (x.market.symbols.BTCUSDT!.markPrice = '20000')
    )
    const r = steps(s)
    // MR 11,900 / 2 → 12,100 / 2: the trade costs 100.
    expect(r[0]!.singleAsset).toMatchObject({ accepted: true, availableBefore: '4050', cost: '100' })
    // Orders gone: 10,000 − 0.1 commission − 0.51 × 20,000 / 2.
    expect(r[2]!.singleAsset).toMatchObject({ accepted: true, availableBefore: '4899.9', cost: '100' })
  })
})

describe('plan.after', () => {
  it('is what compare shows for each mode’s end state, Auto-Exchange included', () => {
    // A realized loss drives the USDT wallet below the −5,000 threshold (regular tier) in Multi-Assets Mode.
    const s = v2Scenario(
      {
        mode: 'multi-assets',
        feeTier: 'regular',
        balances: [{ asset: 'USDT', wallet: '1000' }, { asset: 'BTC', wallet: '1' }],
        positions: [{ symbol: 'ETHUSDT', side: 'long', quantity: '10', entryPrice: '3000', leverage: 10, marginType: 'cross' }]
      },
      [{ kind: 'move', moves: { ETH: '-0.2' } }, { kind: 'trade', symbol: 'ETHUSDT', side: 'sell', quantity: '10' }]
    )
    const r = compareScenario(s)
    const end = foldPlan(s).end
    expect(r.plan!.after.multiAssets).toEqual(compareScenario(end.multiAssets).multiAssets)
    expect(r.plan!.after.singleAsset).toEqual(compareScenario(end.singleAsset).singleAsset)
    // 1,000 − 6,000 realized − 12 commission = −5,012 USDT ≤ −5,000: THRESHOLD, BTC sold.
    expect(r.plan!.after.multiAssets.assets.find((a) => a.asset === 'USDT')!.walletBalance).toBe('-5012')
    expect(r.plan!.after.multiAssets.autoExchange.triggers[0]).toMatchObject({ asset: 'USDT', reason: 'THRESHOLD', deficit: '5012' })
    expect(r.multiAssets.autoExchange.triggers).toEqual([])
  })
})

describe('property: a trade and its exact reverse at the same price', () => {
  const amount = (min: number, max: number, places: number) => fc.integer({ min: min * 10 ** places, max: max * 10 ** places }).map((n) => new Decimal(n).div(10 ** places).toString())
  const book = fc.record({
    held: fc.option(fc.record({ side: fc.constantFrom('long' as const, 'short' as const), quantity: amount(0.01, 20, 2), entryPrice: amount(2000, 4000, 2) }), { nil: undefined }),
    side: fc.constantFrom('buy' as const, 'sell' as const),
    quantity: amount(0.01, 30, 2),
    price: amount(2000, 4000, 2),
    liquidity: fc.constantFrom('maker' as const, 'taker' as const),
    atEntry: fc.boolean()
  })

  it('leaves quantities and sides unchanged and margin balance lower by the two commissions; from flat or at the entry price, positions and the wallet exactly so', () => {
    fc.assert(
      fc.property(book, ({ held, side, quantity, price, liquidity, atEntry }) => {
        const p = held && atEntry ? held.entryPrice : price
        const s = v2Scenario(
          { balances: [{ asset: 'USDT', wallet: '1000000' }], positions: held ? [{ symbol: 'ETHUSDT', ...held, leverage: 10, marginType: 'cross' as const }] : [] },
          [
            { kind: 'trade', symbol: 'ETHUSDT', side, quantity, price: p, liquidity, leverage: 10 },
            { kind: 'trade', symbol: 'ETHUSDT', side: side === 'buy' ? 'sell' : 'buy', quantity, price: p, liquidity }
          ]
        )
        const before = compareScenario(s)
        const { steps: r, end } = foldPlan(s)
        for (const mode of ['singleAsset', 'multiAssets'] as const) {
          expect(r[0]![mode].accepted && r[1]![mode].accepted).toBe(true)
          const commissions = new Decimal(r[0]![mode].commission!).plus(r[1]![mode].commission!)
          expect(commissions.eq(new Decimal(quantity).times(p).times(liquidity === 'maker' ? '0.0004' : '0.001'))).toBe(true)
          const after = compareScenario(end[mode])
          expect(after.singleAsset.positions.map((x) => [x.side, x.notional])).toEqual(before.singleAsset.positions.map((x) => [x.side, x.notional]))
          const mb = (x: typeof before) => new Decimal(x.singleAsset.groups.find((g) => g.asset === 'USDT')!.marginBalance)
          // Exact but for the averaged entry, which is rounded at the engine's 40 significant digits.
          expect(mb(after).minus(mb(before).minus(commissions)).abs().lte('1e-30')).toBe(true)
          if (!held || atEntry) {
            expect(end[mode].account.positions).toEqual(s.account.positions)
            expect(new Decimal(end[mode].account.balances[0]!.wallet).eq(new Decimal('1000000').minus(commissions))).toBe(true)
          }
        }
      }),
      { numRuns: 120 }
    )
  })
})
