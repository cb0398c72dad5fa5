// Scenario version 2 (scenario-format.md §3): v1 files read as v2, the writer writes the lowest
// version that holds the scenario, and every v2 field is validated by path like v1's.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseScenario, writeScenario, type Scenario } from '../../../src/shared/scenario'

const v1Text = readFileSync(join(import.meta.dirname, '../../fixtures/store/basic.mpscenario.json'), 'utf8')
const v1 = JSON.parse(v1Text) as Scenario

/** v1 fixture plus every version 2 field. */
function v2(): Scenario {
  const s = structuredClone(v1)
  s.version = 2
  s.account.commission = { maker: '0.0002', taker: '0.0005' }
  s.account.openOrders = [
    { symbol: 'BTCUSDT', side: 'buy', quantity: '0.1', price: '59000', type: 'limit' },
    { symbol: 'BTCUSDT', side: 'sell', quantity: '0.1', price: '65000', type: 'limit', reduceOnly: true },
    { symbol: 'BTCUSDT', side: 'sell', quantity: '0.8', price: '55000', type: 'stop' }
  ]
  s.market.symbols.BTCUSDT!.fundingRate = '0.0001'
  s.market.symbols.BTCUSDT!.fundingIntervalHours = 4
  s.plan = [
    { kind: 'trade', symbol: 'ETHUSDT', side: 'buy', quantity: '2', price: '3050', liquidity: 'maker' },
    { kind: 'transfer', asset: 'USDT', amount: '-500' },
    { kind: 'funding', hours: 72 },
    { kind: 'move', moves: { BTC: '-0.1' } },
    { kind: 'cancelOrders' }
  ]
  return s
}

const problems = (s: unknown): string[] => {
  const r = parseScenario(JSON.stringify(s))
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`)
}

describe('scenario version 2', () => {
  it('reads a v1 file as v2 with none of the new fields, and writes it back byte for byte as version 1', () => {
    const r = parseScenario(v1Text)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toEqual({ ...v1, version: 2 })
    expect(writeScenario(r.value)).toBe(v1Text)
  })

  it('round-trips a file using every v2 field: written as version 2, read back equal, rewritten identical', () => {
    const text = writeScenario(v2())
    expect(JSON.parse(text).version).toBe(2)
    const r = parseScenario(text)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toEqual(v2())
    expect(writeScenario(r.value)).toBe(text)
  })

  it('a v1 → v2 round trip: adding an order makes it version 2, removing it makes it version 1 again', () => {
    const r = parseScenario(v1Text)
    if (!r.ok) throw new Error('fixture')
    const withOrder = { ...r.value, account: { ...r.value.account, openOrders: [{ symbol: 'BTCUSDT', side: 'buy' as const, quantity: '0.1', price: '59000', type: 'limit' as const }] } }
    expect(JSON.parse(writeScenario(withOrder)).version).toBe(2)
    // Decision: an empty list is no list, so the file stays readable by version 1 programs.
    const emptied = { ...withOrder, account: { ...withOrder.account, openOrders: [] }, plan: [] }
    expect(writeScenario(emptied)).toBe(v1Text)
  })

  it('each v2 field alone makes the file version 2', () => {
    const only = (f: (s: Scenario) => void): number => {
      const s = structuredClone(v1)
      f(s)
      return JSON.parse(writeScenario(s)).version
    }
    expect(only(() => {})).toBe(1)
    expect(only((s) => (s.account.commission = { maker: '0.0002', taker: '0.0005' }))).toBe(2)
    expect(only((s) => (s.market.symbols.BTCUSDT!.fundingRate = '-0.0001'))).toBe(2)
    expect(only((s) => (s.market.symbols.BTCUSDT!.fundingIntervalHours = 8))).toBe(2)
    expect(only((s) => (s.plan = [{ kind: 'cancelOrders' }]))).toBe(2)
  })

  it('a version 1 file may not carry version 2 fields', () => {
    const s = { ...v2(), version: 1 }
    expect(problems(s)).toEqual([
      'account.commission: unknown key (only "extensions" may hold keys of your own)',
      'account.openOrders: unknown key (only "extensions" may hold keys of your own)',
      'market.symbols.BTCUSDT.fundingRate: unknown key (only "extensions" may hold keys of your own)',
      'market.symbols.BTCUSDT.fundingIntervalHours: unknown key (only "extensions" may hold keys of your own)',
      'plan: unknown key (only "extensions" may hold keys of your own)'
    ])
  })

  it('refuses bad shapes by path: an unknown step kind, hours not a whole number or ≤ 0, numbers for decimals', () => {
    const s = v2() as unknown as { plan: Record<string, unknown>[]; account: { openOrders: Record<string, unknown>[] }; market: { symbols: Record<string, Record<string, unknown>> } }
    s.plan[0] = { kind: 'swap', symbol: 'ETHUSDT' }
    s.plan[2] = { kind: 'funding', hours: 1.5 }
    s.plan.push({ kind: 'funding', hours: 0 })
    s.plan.push({ kind: 'transfer', asset: 'USDT', amount: 5 })
    s.account.openOrders[0]!.type = 'market'
    s.market.symbols.BTCUSDT!.fundingIntervalHours = -8
    expect(problems(s)).toEqual([
      'account.openOrders[0].type: expected one of "limit"|"stop", got "market"',
      'market.symbols.BTCUSDT.fundingIntervalHours: must be at least 1 hour, got -8',
      'plan[0].kind: expected a step kind: "trade", "transfer", "funding", "move", "cancelOrders", got "swap"',
      'plan[2].hours: expected an integer, got 1.5',
      'plan[5].hours: must be at least 1 hour, got 0',
      'plan[6].amount: expected a decimal string, got 5'
    ])
  })

  it('refuses orders and steps that do not fit the account, every problem by path', () => {
    const s = v2()
    s.account.openOrders = [
      { symbol: 'DOGEUSDT', side: 'buy', quantity: '1', price: '0.1', type: 'limit' },
      { symbol: 'BTCUSDT', side: 'buy', positionSide: 'long', quantity: '0', price: '-1', type: 'limit' },
      { symbol: 'BTCUSDT', side: 'buy', quantity: '0.1', price: '59000', type: 'limit', leverage: 10 }
    ]
    s.account.commission = { maker: '-0.0001', taker: '-0.0005' }
    s.market.symbols.ETHUSDT!.fundingRate = '1.5'
    s.plan = [
      { kind: 'trade', symbol: 'SOLUSDT', side: 'buy', quantity: '1' },
      { kind: 'trade', symbol: 'ETHUSDT', side: 'sell', quantity: '-2', price: '0' },
      { kind: 'transfer', asset: 'USDC', amount: '0' },
      { kind: 'move', moves: { BTC: '-1', DOGE: '0.1' } }
    ]
    expect(problems(s)).toEqual([
      'account.commission.taker: the taker rate is a fraction from 0 to below 1 (0.0005 = 0.05%), got -0.0005',
      'market.symbols.ETHUSDT.fundingRate: a funding rate is a fraction per settlement (0.0001 = 0.01%), got 1.5',
      'account.openOrders[0].symbol: unknown symbol "DOGEUSDT": an order\'s symbol must be in market.symbols',
      'account.openOrders[1].positionSide: one-way mode has no position sides: remove positionSide',
      'account.openOrders[1].quantity: the quantity must be above 0, got 0',
      'account.openOrders[1].price: the price must be positive, got -1',
      'account.openOrders[2].leverage: BTCUSDT is at 20x (account.positions[0]): one leverage per symbol, got 10x',
      'plan[0].symbol: unknown symbol "SOLUSDT": a trade\'s symbol must be in market.symbols',
      'plan[1].quantity: the quantity must be above 0, got -2',
      'plan[1].price: the price must be positive, got 0',
      'plan[2].asset: unknown asset "USDC": a transferred asset must be in market.assets',
      'plan[2].amount: a transfer of 0 changes nothing: a deposit is > 0, a withdrawal < 0',
      'plan[3].moves.BTC: a move must be above -1 (a price cannot fall 100% or more), got -1',
      'plan[3].moves.DOGE: unknown asset "DOGE": a moved asset must be in market.assets'
    ])
  })

  it('leverage: an order or a trade on a symbol with no position needs one; an earlier order or trade gives it', () => {
    const s = v2()
    s.account.positions = s.account.positions.filter((p) => p.symbol !== 'ETHUSDT')
    s.account.openOrders = [
      { symbol: 'ETHUSDT', side: 'buy', quantity: '1', price: '2900', type: 'limit' },
      { symbol: 'ETHUSDT', side: 'sell', quantity: '1', price: '3300', type: 'stop' }
    ]
    s.plan = [{ kind: 'trade', symbol: 'ETHUSDT', side: 'buy', quantity: '1' }]
    expect(problems(s)).toEqual([
      'account.openOrders[0].leverage: ETHUSDT has no position: the order needs its leverage',
      'plan[0].leverage: ETHUSDT has no position: a trade that opens one needs its leverage'
    ])
    s.plan = [
      { kind: 'trade', symbol: 'ETHUSDT', side: 'buy', quantity: '1', leverage: 500 },
      { kind: 'trade', symbol: 'ETHUSDT', side: 'buy', quantity: '1' }
    ]
    s.account.openOrders = []
    expect(problems(s)).toEqual(['plan[0].leverage: ETHUSDT allows at most 150x, got 500x'])
    s.plan[0] = { kind: 'trade', symbol: 'ETHUSDT', side: 'buy', quantity: '1', leverage: 10 }
    expect(problems(s)).toEqual([])
  })

  it('hedge mode: positionSide required on orders and trades, reduceOnly refused; one-way: reduceOnly needs a position', () => {
    const s = v2()
    s.account.positionMode = 'hedge'
    s.account.openOrders = [{ symbol: 'BTCUSDT', side: 'sell', quantity: '0.1', price: '65000', type: 'limit', reduceOnly: true }]
    s.plan = [{ kind: 'trade', symbol: 'BTCUSDT', side: 'buy', quantity: '0.1' }]
    expect(problems(s)).toEqual([
      'account.openOrders[0].reduceOnly: hedge mode has no reduce-only orders (Binance refuses reduceOnly there): remove it',
      'account.openOrders[0].positionSide: hedge mode: an order needs its positionSide, long or short',
      'plan[0].positionSide: hedge mode: a trade needs its positionSide, long or short'
    ])
    const o = v2()
    o.account.positions = o.account.positions.filter((p) => p.symbol !== 'BTCUSDT')
    o.account.openOrders = [{ symbol: 'BTCUSDT', side: 'sell', quantity: '0.1', price: '65000', type: 'limit', reduceOnly: true }]
    o.plan = []
    expect(problems(o)).toEqual(['account.openOrders[0].reduceOnly: a reduce-only order needs a BTCUSDT position to reduce'])
  })
})
