// Issue 10: a worker's first search on a 1,000-position book ran slower than the next ones (the
// engine's code not yet compiled by V8's optimising tiers; ~13 % measured, docs/benchmark-history.md). The
// search's worker first computes this small built-in book a few times, one compute per task,
// while it has nothing else to do: a real request waits for at most one small compute, and stops
// the warm-up. Its own objects every round: the engine's caches are keyed by object, so nothing
// of it is ever read for another scenario.
import { Decimal } from '../../../shared/decimal'
import type { BracketRow, Scenario } from '../../../shared/scenario'

const tiers = (scale: number): BracketRow[] => [
  { notionalFloor: '0', notionalCap: String(50000 * scale), maintMarginRatio: '0.004', cum: '0', initialLeverage: 125 },
  { notionalFloor: String(50000 * scale), notionalCap: String(250000 * scale), maintMarginRatio: '0.005', cum: String(50 * scale), initialLeverage: 100 },
  { notionalFloor: String(250000 * scale), notionalCap: String(1000000 * scale), maintMarginRatio: '0.01', cum: String(1300 * scale), initialLeverage: 50 },
  { notionalFloor: String(1000000 * scale), notionalCap: String(10000000 * scale), maintMarginRatio: '0.025', cum: String(16300 * scale), initialLeverage: 20 }
]

/**
 * A small hedge-mode book like the big ones (USDT- and USDC-margined legs, long and short, some
 * isolated, idle BTC collateral, marks over several orders of magnitude): new objects every call.
 */
export function warmScenario(legs = 16): Scenario {
  const symbols: Scenario['market']['symbols'] = {}
  const assets: Scenario['market']['assets'] = {
    USDT: { index: '1', bidBuffer: '0', askBuffer: '0' },
    USDC: { index: '0.9999', bidBuffer: '0.0001', askBuffer: '0.0001' },
    BTC: { index: '61000', bidBuffer: '0.05', askBuffer: '0.05' }
  }
  const positions: Scenario['account']['positions'] = []
  for (let i = 0; positions.length < legs; i++) {
    const base = `WARM${i}`
    const margin = i % 3 === 2 ? 'USDC' : 'USDT'
    const symbol = `${base}${margin}`
    const mark = new Decimal(1234 + 311 * i).times(new Decimal(10).pow((i % 7) - 3))
    symbols[symbol] = { baseAsset: base, marginAsset: margin, markPrice: mark.toString(), brackets: tiers(1 + (i % 2)) }
    assets[base] = { index: mark.toString(), bidBuffer: '0.05', askBuffer: '0.05' }
    for (const side of ['long', 'short'] as const) {
      const isolated = positions.length % 5 === 4
      positions.push({
        symbol,
        side,
        quantity: new Decimal(1000 + 97 * positions.length).div(mark).toDecimalPlaces(3, Decimal.ROUND_DOWN).plus('0.001').toString(),
        entryPrice: mark.times(side === 'long' ? '0.97' : '1.02').toSignificantDigits(6).toString(),
        leverage: 10,
        marginType: isolated ? 'isolated' : 'cross',
        ...(isolated ? { isolatedWallet: '300' } : {})
      })
    }
  }
  return {
    format: 'margin-planner/scenario',
    version: 2,
    name: 'warm-up',
    account: {
      mode: 'single-asset',
      positionMode: 'hedge',
      balances: [
        { asset: 'USDT', wallet: String(legs * 900 + 2000) },
        { asset: 'USDC', wallet: String(legs * 300 + 1000) },
        { asset: 'BTC', wallet: '2' }
      ],
      positions
    },
    market: { asOf: '2026-03-05T00:00:00Z', source: 'built-in warm-up book', symbols, assets },
    shocks: [
      { name: 'crypto -10%', moves: Object.fromEntries(Object.keys(assets).filter((a) => !a.startsWith('USD')).map((a) => [a, '-0.1'])) },
      { name: 'BTC -20%', moves: { BTC: '-0.2' } }
    ]
  }
}
