// A new portfolio starts from this: no positions, 10,000 USDT, and a small dated market (the
// first tiers of Binance's real brackets for four symbols) so a position can be added at once.
// Marks and indexes are illustrative; the user edits them or applies a market snapshot.
import type { BracketRow, Scenario } from '../../../shared/scenario'

const usdtMajor: BracketRow[] = [
  { notionalFloor: '0', notionalCap: '300000', maintMarginRatio: '0.004', cum: '0', initialLeverage: 150 },
  { notionalFloor: '300000', notionalCap: '800000', maintMarginRatio: '0.005', cum: '300', initialLeverage: 100 },
  { notionalFloor: '800000', notionalCap: '3000000', maintMarginRatio: '0.0065', cum: '1500', initialLeverage: 75 },
  { notionalFloor: '3000000', notionalCap: '12000000', maintMarginRatio: '0.01', cum: '12000', initialLeverage: 50 }
]
const btcUsdc: BracketRow[] = [
  { notionalFloor: '0', notionalCap: '50000', maintMarginRatio: '0.004', cum: '0', initialLeverage: 125 },
  { notionalFloor: '50000', notionalCap: '500000', maintMarginRatio: '0.005', cum: '50', initialLeverage: 100 },
  { notionalFloor: '500000', notionalCap: '10000000', maintMarginRatio: '0.01', cum: '2550', initialLeverage: 50 }
]
const ethUsdc: BracketRow[] = [
  { notionalFloor: '0', notionalCap: '50000', maintMarginRatio: '0.004', cum: '0', initialLeverage: 125 },
  { notionalFloor: '50000', notionalCap: '500000', maintMarginRatio: '0.005', cum: '50', initialLeverage: 100 },
  { notionalFloor: '500000', notionalCap: '1000000', maintMarginRatio: '0.0065', cum: '800', initialLeverage: 75 },
  { notionalFloor: '1000000', notionalCap: '5000000', maintMarginRatio: '0.01', cum: '4300', initialLeverage: 50 }
]

export function newScenario(name = 'New portfolio'): Scenario {
  return {
    format: 'margin-planner/scenario',
    version: 2,
    name,
    account: {
      mode: 'single-asset',
      positionMode: 'one-way',
      balances: [{ asset: 'USDT', wallet: '10000' }],
      positions: []
    },
    market: {
      asOf: '2026-03-05T00:00:00Z',
      source: 'Margin Planner starter market: brackets from Binance GET /fapi/v1/leverageBracket (2026-03-05, first tiers); marks and indexes illustrative',
      symbols: {
        BTCUSDT: { baseAsset: 'BTC', marginAsset: 'USDT', markPrice: '61000', brackets: usdtMajor },
        ETHUSDT: { baseAsset: 'ETH', marginAsset: 'USDT', markPrice: '3100', brackets: usdtMajor },
        BTCUSDC: { baseAsset: 'BTC', marginAsset: 'USDC', markPrice: '61010', brackets: btcUsdc },
        ETHUSDC: { baseAsset: 'ETH', marginAsset: 'USDC', markPrice: '3101', brackets: ethUsdc }
      },
      assets: {
        USDT: { index: '1', bidBuffer: '0.0001', askBuffer: '0.0001' },
        USDC: { index: '0.9999', bidBuffer: '0.0001', askBuffer: '0.0001' },
        BTC: { index: '61000', bidBuffer: '0.05', askBuffer: '0.05', autoExchangeBidBuffer: '0.025', autoExchangeAskBuffer: '0.025' },
        ETH: { index: '3100', bidBuffer: '0.05', askBuffer: '0.05', autoExchangeBidBuffer: '0.025', autoExchangeAskBuffer: '0.025' }
      }
    },
    shocks: [
      { name: 'BTC -20%', moves: { BTC: '-0.2' } },
      { name: 'crypto crash', moves: { BTC: '-0.3', ETH: '-0.4' } }
    ]
  }
}
