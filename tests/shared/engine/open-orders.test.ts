// Open orders (margin-rules.md §7): Binance's FAQ examples verbatim, and where the held margin
// goes (initial margin and available for order in both modes; never MM, margin ratio or a
// liquidation price).
import { describe, expect, it } from 'vitest'
import { Decimal } from '../../../src/shared/decimal'
import { compareScenario } from '../../../src/shared/engine'
import { extraOrderCost, marginRequirement, openLoss } from '../../../src/shared/engine/open-orders'
import type { OpenOrder, Position, Scenario } from '../../../src/shared/scenario'
import { baseScenario, validScenario } from '../../helpers/scenarios'

const d = (v: string | number) => new Decimal(v)

function scenario(positions: Position[], openOrders: OpenOrder[], mark = '20000', more: Partial<Scenario['account']> = {}): Scenario {
  const s = baseScenario({ balances: [{ asset: 'USDT', wallet: '20000' }], positions, ...more })
  s.market.symbols.BTCUSDT!.markPrice = mark
  s.account.openOrders = openOrders
  return validScenario(s)
}

const faqLong: Position = { symbol: 'BTCUSDT', side: 'long', quantity: '0.5', entryPrice: '20000', leverage: 2, marginType: 'cross' }
const faqOrders: OpenOrder[] = [
  { symbol: 'BTCUSDT', side: 'buy', quantity: '0.1', price: '19000', type: 'limit' },
  { symbol: 'BTCUSDT', side: 'sell', quantity: '0.1', price: '22000', type: 'limit' }
]

describe('open orders: Binance FAQ examples', () => {
  it('FAQ 4f83b65d…: long 0.5 BTC at 20,000, buy 0.1 @ 19,000, sell 0.1 @ 22,000, 2x: MR 5,950, open-order IM 950', () => {
    expect(marginRequirement(d(10000), d(1900), d(2200), d(2)).toString()).toBe('5950')
    const r = compareScenario(scenario([faqLong], faqOrders))
    const single = r.singleAsset.openOrders![0]!
    expect([single.bidValue, single.askValue, single.marginRequirement, single.initialMargin, single.openLoss, single.held]).toEqual(['1900', '2200', '5950', '950', '0', '950'])
    expect(r.singleAsset.groups[0]!.openOrderInitialMargin).toBe('950')
    // The position's 5,000 plus the orders' 950: initial margin is the whole 5,950.
    expect(r.singleAsset.groups[0]!.initialMargin).toBe('5950')
    expect(r.multiAssets.accountOpenOrderInitialMargin).toBe('950')
    expect(r.multiAssets.accountInitialMargin).toBe('5950')
  })

  it('FAQ 87fa7ee3…: 1 BTC at 20x, price 9,253.30, mark 9,259.84: a buy costs 462.665, a sell 469.205 (open loss 6.54)', () => {
    expect(openLoss('buy', d(1), d('9253.30'), d('9259.84')).toString()).toBe('0')
    expect(openLoss('sell', d(1), d('9253.30'), d('9259.84')).toString()).toBe('6.54')
    const flat = { signedNotional: d(0), bidValue: d(0), askValue: d(0), leverage: d(20), positionSide: 'BOTH' as const, signedQty: d(0) }
    expect(extraOrderCost(flat, { side: 'buy', quantity: d(1), price: d('9253.30') }, d('9259.84')).toString()).toBe('462.665')
    expect(extraOrderCost(flat, { side: 'sell', quantity: d(1), price: d('9253.30') }, d('9259.84')).toString()).toBe('469.205')
    for (const [side, held] of [['buy', '462.665'], ['sell', '469.205']] as const) {
      const r = compareScenario(scenario([], [{ symbol: 'BTCUSDT', side, quantity: '1', price: '9253.30', type: 'limit', leverage: 20 }], '9259.84'))
      expect(r.singleAsset.groups[0]!.openOrderInitialMargin).toBe(held)
      expect(r.singleAsset.groups[0]!.availableForOrder).toBe(d(20000).minus(held).toString())
      expect(r.openOrders![0]!.openLoss).toBe(side === 'buy' ? '0' : '6.54')
    }
  })
})

describe('open orders: what holds margin, and where it goes', () => {
  it('stop orders and reduce-only orders hold nothing; orders that only reduce the position hold nothing', () => {
    const none = compareScenario(
      scenario(
        [faqLong],
        [
          { symbol: 'BTCUSDT', side: 'buy', quantity: '5', price: '25000', type: 'stop' },
          { symbol: 'BTCUSDT', side: 'sell', quantity: '0.5', price: '21000', type: 'limit', reduceOnly: true },
          { symbol: 'BTCUSDT', side: 'sell', quantity: '0.4', price: '19000', type: 'limit' }
        ]
      )
    )
    expect(none.singleAsset.groups[0]!.openOrderInitialMargin).toBe('0')
    expect(none.singleAsset.openOrders![0]).toMatchObject({ orders: 3, stopOrders: 1, askValue: '7600', initialMargin: '0', openLoss: '0' })
    expect(none.openOrders!.map((o) => [o.type, o.reduceOnly])).toEqual([['stop', false], ['limit', true], ['limit', false]])
  })

  it('one-way: a sell larger than the long opens the rest, which pays open loss on that part only', () => {
    // Long 0.5 at mark 20,000; sell 0.8 @ 19,000: 0.3 opens short, open loss 0.3 × 1,000 = 300.
    const r = compareScenario(scenario([faqLong], [{ symbol: 'BTCUSDT', side: 'sell', quantity: '0.8', price: '19000', type: 'limit' }]))
    // MR = max(|10,000|, |10,000 − 15,200|) / 2 = 5,000: no IM beyond the position's.
    expect(r.singleAsset.openOrders![0]).toMatchObject({ marginRequirement: '5000', initialMargin: '0', openLoss: '300', held: '300' })
  })

  it('hedge mode: each position side with its own orders, summed', () => {
    const s = baseScenario({
      positionMode: 'hedge',
      balances: [{ asset: 'USDT', wallet: '20000' }],
      positions: [{ ...faqLong }, { symbol: 'BTCUSDT', side: 'short', quantity: '0.2', entryPrice: '20000', leverage: 2, marginType: 'cross' }]
    })
    s.market.symbols.BTCUSDT!.markPrice = '20000'
    s.account.openOrders = [
      { symbol: 'BTCUSDT', side: 'buy', positionSide: 'long', quantity: '0.1', price: '19000', type: 'limit' },
      { symbol: 'BTCUSDT', side: 'sell', positionSide: 'short', quantity: '0.1', price: '21000', type: 'limit' },
      // Closes part of the short: no margin.
      { symbol: 'BTCUSDT', side: 'buy', positionSide: 'short', quantity: '0.1', price: '19500', type: 'limit' }
    ]
    const r = compareScenario(validScenario(s))
    // LONG: max(11,900, 10,000)/2 − 5,000 = 950. SHORT: N = −4,000: max(|−4,000 + 1,950|, |−4,000 − 2,100|)/2 − 2,000 = 1,050.
    expect(r.singleAsset.openOrders!.map((m) => [m.positionSide, m.initialMargin])).toEqual([['LONG', '950'], ['SHORT', '1050']])
    expect(r.singleAsset.groups[0]!.openOrderInitialMargin).toBe('2000')
  })

  it('orders change initial margin and available for order only: MM, margin ratio and liquidation prices are the same', () => {
    const without = compareScenario(scenario([faqLong], []))
    const withOrders = compareScenario(scenario([faqLong], faqOrders))
    for (const mode of ['singleAsset', 'multiAssets'] as const) {
      expect(withOrders[mode].positions).toEqual(without[mode].positions)
    }
    const [g0, g1] = [without.singleAsset.groups[0]!, withOrders.singleAsset.groups[0]!]
    expect([g1.maintenanceMargin, g1.marginRatio, g1.marginBalance]).toEqual([g0.maintenanceMargin, g0.marginRatio, g0.marginBalance])
    expect(d(g0.availableForOrder).minus(g1.availableForOrder).toString()).toBe('950')
    expect([withOrders.multiAssets.accountMaintenanceMargin, withOrders.multiAssets.marginRatio]).toEqual([without.multiAssets.accountMaintenanceMargin, without.multiAssets.marginRatio])
    expect(d(without.multiAssets.uniAvailableForOrder).minus(withOrders.multiAssets.uniAvailableForOrder).toString()).toBe('950')
    expect(withOrders.shockToLiquidation).toEqual(without.shockToLiquidation)
  })

  it('Multi-Assets: the held margin counts in USD at the margin asset askRate', () => {
    const s = baseScenario({ balances: [{ asset: 'USDT', wallet: '20000' }] })
    s.market.assets.USDC = { index: '1', bidBuffer: '0.001', askBuffer: '0.002' }
    s.account.openOrders = [{ symbol: 'ETHUSDC', side: 'buy', quantity: '1', price: '3000', type: 'limit', leverage: 10 }]
    const r = compareScenario(validScenario(s))
    // 1 × 3,000 / 10 = 300 USDC, at askRate 1.002: 300.6 USD. The USDC group appears with its 300.
    expect(r.multiAssets.accountOpenOrderInitialMargin).toBe('300.6')
    expect(r.multiAssets.openOrders![0]!.heldUsd).toBe('300.6')
    expect(r.singleAsset.groups.find((g) => g.asset === 'USDC')).toMatchObject({ openOrderInitialMargin: '300', availableForOrder: '0' })
    expect(r.singleAsset.groups.find((g) => g.asset === 'USDT')!.openOrderInitialMargin).toBe('0')
  })
})

describe('open orders: switching and Auto-Exchange (margin-rules.md §7)', () => {
  it('orders block the switch in both directions (OPEN_ORDERS, −4170); the current mode stays allowed', () => {
    for (const mode of ['single-asset', 'multi-assets'] as const) {
      const r = compareScenario(scenario([faqLong], [{ symbol: 'BTCUSDT', side: 'buy', quantity: '0.1', price: '25000', type: 'stop' }], '20000', { mode }))
      const target = mode === 'single-asset' ? r.multiAssets.switch : r.singleAsset.switch
      const current = mode === 'single-asset' ? r.singleAsset.switch : r.multiAssets.switch
      expect(target.allowed).toBe(false)
      expect(target.blockers).toContainEqual({ code: 'OPEN_ORDERS', binanceCode: -4170, message: expect.stringContaining('cancel the 1 open order first') })
      expect(target.warnings.map((w) => w.code)).not.toContain('OPEN_ORDERS')
      expect(current).toEqual({ allowed: true, blockers: [], warnings: [] })
    }
  })

  it('the version 1 reminder stays for a scenario with no version 2 field, and goes once the scenario models v2 fields', () => {
    const v1 = compareScenario(scenario([faqLong], []))
    expect(v1.multiAssets.switch.warnings.map((w) => w.code)).toContain('OPEN_ORDERS')
    expect(v1.multiAssets.switch.allowed).toBe(true)
    const s = scenario([faqLong], [])
    s.account.commission = { maker: '0.0002', taker: '0.0005' }
    const v2 = compareScenario(s)
    expect(v2.multiAssets.switch).toEqual({ allowed: true, blockers: [], warnings: [] })
  })

  it('trigger 3 (a negative balance, no positions) does not fire while an order is open', () => {
    const debt = (openOrders: OpenOrder[]) =>
      compareScenario(validScenario({ ...baseScenario({ mode: 'multi-assets', balances: [{ asset: 'USDT', wallet: '-500' }, { asset: 'BTC', wallet: '0.001' }] }), account: { ...baseScenario().account, mode: 'multi-assets', balances: [{ asset: 'USDT', wallet: '-500' }, { asset: 'BTC', wallet: '0.001' }], openOrders } }))
    expect(debt([]).multiAssets.autoExchange.triggers.map((t) => [t.asset, t.reason])).toEqual([['USDT', 'LTV']])
    expect(debt([{ symbol: 'ETHUSDT', side: 'sell', quantity: '1', price: '4000', type: 'stop' }]).multiAssets.autoExchange.triggers).toEqual([])
  })
})

describe('extraOrderCost agrees with the engine', () => {
  it('the cost of one more order equals what the account holds with it minus without it', async () => {
    const { prepareAccount } = await import('../../../src/shared/engine/prepare')
    const { orderLegContext } = await import('../../../src/shared/engine/open-orders')
    const extras: OpenOrder[] = [
      { symbol: 'BTCUSDT', side: 'buy', quantity: '0.3', price: '20500', type: 'limit' },
      { symbol: 'BTCUSDT', side: 'sell', quantity: '0.05', price: '21000', type: 'limit' },
      { symbol: 'BTCUSDT', side: 'sell', quantity: '1.2', price: '19800', type: 'limit' },
      { symbol: 'BTCUSDT', side: 'buy', quantity: '0.02', price: '19999.5', type: 'limit' }
    ]
    for (const extra of extras) {
      const before = scenario([faqLong], faqOrders)
      const after = scenario([faqLong], [...faqOrders, extra])
      const heldBefore = d(compareScenario(before).singleAsset.groups[0]!.openOrderInitialMargin)
      const heldAfter = d(compareScenario(after).singleAsset.groups[0]!.openOrderInitialMargin)
      const account = prepareAccount(before)
      const ctx = orderLegContext(account.orderLegs, account.positions, account.symbols.get('BTCUSDT')!, 'BOTH', d(20000))!
      const cost = extraOrderCost(ctx, { side: extra.side, quantity: d(extra.quantity), price: d(extra.price) }, d(20000))
      expect(cost.toString(), `${extra.side} ${extra.quantity} @ ${extra.price}`).toBe(heldAfter.minus(heldBefore).toString())
    }
  })
})
