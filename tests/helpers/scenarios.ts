// Test helpers: load scenario files through the real parser, and build small scenarios.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseScenario, parseScenarioValue, type BracketRow, type Scenario } from '../../src/shared/scenario'

export const ROOT = resolve(import.meta.dirname, '../..')

export function loadScenario(relativePath: string): Scenario {
  const parsed = parseScenario(readFileSync(resolve(ROOT, relativePath), 'utf8'))
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return parsed.value
}

export function validScenario(s: Scenario): Scenario {
  const parsed = parseScenarioValue(s)
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return parsed.value
}

/** One bracket from 0 to a large cap: MM = notional × mmr, no cum. */
export function flatBrackets(mmr: string, cap = '100000000', leverage = 125): BracketRow[] {
  return [{ notionalFloor: '0', notionalCap: cap, maintMarginRatio: mmr, cum: '0', initialLeverage: leverage }]
}

/** Binance's 2022 BTCUSDT table, first tiers (FAQ b3c689c1…; cum 1,300 at the 250,000 floor). */
export const BTCUSDT_2022: BracketRow[] = [
  { notionalFloor: '0', notionalCap: '50000', maintMarginRatio: '0.004', cum: '0', initialLeverage: 125 },
  { notionalFloor: '50000', notionalCap: '250000', maintMarginRatio: '0.005', cum: '50', initialLeverage: 100 },
  { notionalFloor: '250000', notionalCap: '1000000', maintMarginRatio: '0.01', cum: '1300', initialLeverage: 50 },
  { notionalFloor: '1000000', notionalCap: '10000000', maintMarginRatio: '0.025', cum: '16300', initialLeverage: 20 },
  { notionalFloor: '10000000', notionalCap: '20000000', maintMarginRatio: '0.05', cum: '266300', initialLeverage: 10 }
]

export function baseScenario(overrides: Partial<Scenario['account']> = {}, market: Partial<Scenario['market']> = {}): Scenario {
  return {
    format: 'margin-planner/scenario',
    version: 2,
    name: 'test',
    account: { mode: 'single-asset', positionMode: 'one-way', balances: [], positions: [], ...overrides },
    market: {
      asOf: '2026-03-05T00:00:00Z',
      symbols: {
        BTCUSDT: { baseAsset: 'BTC', marginAsset: 'USDT', markPrice: '60000', brackets: BTCUSDT_2022 },
        ETHUSDT: { baseAsset: 'ETH', marginAsset: 'USDT', markPrice: '3000', brackets: flatBrackets('0.01', '100000000', 100) },
        ETHUSDC: { baseAsset: 'ETH', marginAsset: 'USDC', markPrice: '3000', brackets: flatBrackets('0.01', '100000000', 100) },
        ETHBTC: { baseAsset: 'ETH', marginAsset: 'BTC', markPrice: '0.05', brackets: flatBrackets('0.01', '1000', 50) }
      },
      assets: {
        USDT: { index: '1', bidBuffer: '0', askBuffer: '0' },
        USDC: { index: '1', bidBuffer: '0', askBuffer: '0' },
        BTC: { index: '60000', bidBuffer: '0.05', askBuffer: '0.05', autoExchangeBidBuffer: '0.025', autoExchangeAskBuffer: '0.025' },
        ETH: { index: '3000', bidBuffer: '0.05', askBuffer: '0.05' }
      },
      ...market
    }
  }
}
