// Binance's own liquidation price beside ours (issue 3): compared only at the same mark, flagged
// above one tick (exchangeInfo), or above 0.01% of Binance's price when the tick is unknown.
import { describe, expect, it } from 'vitest'
import { compareScenario } from '../../../src/shared/engine/compare'
import { readBinanceExtension, withBinanceCheck } from '../../../src/shared/engine/binance-check'
import type { PositionResult } from '../../../src/shared/engine/result-types'
import type { Scenario } from '../../../src/shared/scenario/types'

// One cross long alone in its USDT group: LP = (WB − Q·EP) / (Q·MMR − Q) = (10200 − 60000) / (0.004 − 1) = 50000
// exactly (margin-rules.md §3), and its Multi-Assets twin. An isolated short: (5140 + 30000) / 10.04 = 3500.
function scenario(mode: Scenario['account']['mode'], binance?: unknown): Scenario {
  const brackets = [{ notionalFloor: '0', notionalCap: '300000', maintMarginRatio: '0.004', cum: '0', initialLeverage: 150 }]
  return {
    format: 'margin-planner/scenario',
    version: 2,
    name: 'check',
    account: {
      mode,
      positionMode: 'one-way',
      balances: [{ asset: 'USDT', wallet: '15340' }],
      positions: [
        { symbol: 'BTCUSDT', side: 'long', quantity: '1', entryPrice: '60000', leverage: 20, marginType: 'cross' },
        { symbol: 'ETHUSDT', side: 'short', quantity: '10', entryPrice: '3000', leverage: 10, marginType: 'isolated', isolatedWallet: '5140' }
      ]
    },
    market: {
      asOf: '2026-03-05T00:00:00Z',
      symbols: {
        BTCUSDT: { baseAsset: 'BTC', marginAsset: 'USDT', markPrice: '61000', brackets },
        ETHUSDT: { baseAsset: 'ETH', marginAsset: 'USDT', markPrice: '3100', brackets }
      },
      assets: { USDT: { index: '1', bidBuffer: '0', askBuffer: '0' } }
    },
    ...(binance === undefined ? {} : { extensions: { binance } })
  }
}

const entry = (symbol: string, markPrice: string | null, liquidationPrice: string | null, quantity?: string) => ({
  symbol,
  positionSide: 'BOTH',
  ...(quantity ? { quantity } : {}),
  markPrice,
  liquidationPrice
})

const binanceFields = (p: PositionResult) => ({
  binanceLiquidationPrice: p.binanceLiquidationPrice,
  binanceMarkDiffers: p.binanceMarkDiffers,
  liquidationPriceDifference: p.liquidationPriceDifference,
  differenceTolerance: p.differenceTolerance,
  differsFromBinance: p.differsFromBinance
})

describe('binance-check', () => {
  it('our figures are the exact roots (the test book is built for them)', () => {
    const r = compareScenario(scenario('single-asset'))
    expect(r.singleAsset.positions.map((p) => p.liquidationPrice)).toEqual(['50000', '3500'])
    expect(r.singleAsset.positions[0]).not.toHaveProperty('binanceLiquidationPrice')
  })

  it('one tick away is agreement; ten ticks away is flagged; tolerance says tickSize', () => {
    const r = compareScenario(scenario('single-asset', { positions: [entry('BTCUSDT', '61000.00', '50000.1'), entry('ETHUSDT', '3100', '3500.10')], tickSizes: { BTCUSDT: '0.1', ETHUSDT: '0.01' } }))
    expect(r.singleAsset.positions.map(binanceFields)).toEqual([
      { binanceLiquidationPrice: '50000.1', binanceMarkDiffers: false, liquidationPriceDifference: '-0.1', differenceTolerance: { basis: 'tickSize', amount: '0.1' }, differsFromBinance: false },
      { binanceLiquidationPrice: '3500.10', binanceMarkDiffers: false, liquidationPriceDifference: '-0.1', differenceTolerance: { basis: 'tickSize', amount: '0.01' }, differsFromBinance: true }
    ])
    // Only the mode the account is in carries Binance's figures.
    expect(r.multiAssets.positions[0]).not.toHaveProperty('binanceLiquidationPrice')
  })

  it('without a tick size: 0.01% of Binance’s price', () => {
    const r = compareScenario(scenario('single-asset', { positions: [entry('BTCUSDT', '61000', '50004.9'), entry('ETHUSDT', '3100', '3499.6')] }))
    const [btc, eth] = r.singleAsset.positions
    expect(btc!.differenceTolerance).toEqual({ basis: 'relative', amount: '5.00049', ratio: '0.0001' })
    expect(btc!.differsFromBinance).toBe(false) // 4.9 ≤ 5.00049
    expect(eth!.differenceTolerance).toEqual({ basis: 'relative', amount: '0.34996', ratio: '0.0001' })
    expect(eth!.differsFromBinance).toBe(true) // 0.4 > 0.34996
  })

  it('a different mark: reported, nothing compared', () => {
    const r = compareScenario(scenario('single-asset', { positions: [entry('BTCUSDT', '61000.5', '40000'), entry('ETHUSDT', null, '3500')], tickSizes: {} }))
    for (const p of r.singleAsset.positions) {
      expect(p.binanceMarkDiffers).toBe(true)
      expect(p).not.toHaveProperty('differsFromBinance')
      expect(p).not.toHaveProperty('liquidationPriceDifference')
    }
    expect(r.singleAsset.positions[0]!.binanceLiquidationPrice).toBe('40000')
  })

  it('Binance "--" (null) against a price is a difference; both none is agreement', () => {
    const r = compareScenario(scenario('single-asset', { positions: [entry('BTCUSDT', '61000', null), entry('ETHUSDT', '3100', '3500')] }))
    expect(binanceFields(r.singleAsset.positions[0]!)).toEqual({
      binanceLiquidationPrice: null,
      binanceMarkDiffers: false,
      liquidationPriceDifference: null,
      differenceTolerance: undefined,
      differsFromBinance: true
    })
    const none = withBinanceCheck(scenario('single-asset'), [{ ...r.singleAsset.positions[0]!, liquidationPrice: null }], { positions: [entry('BTCUSDT', '61000', null) as never], tickSizes: {} })
    expect(none[0]!.differsFromBinance).toBe(false)
  })

  it('Multi-Assets account: the multiAssets positions carry the check', () => {
    const plain = compareScenario(scenario('multi-assets'))
    const ours = plain.multiAssets.positions[0]!.liquidationPrice!
    const r = compareScenario(scenario('multi-assets', { positions: [entry('BTCUSDT', '61000', ours), entry('ETHUSDT', '3100', '1')], tickSizes: { BTCUSDT: '0.1' } }))
    expect(r.multiAssets.positions[0]).toMatchObject({ binanceLiquidationPrice: ours, liquidationPriceDifference: '0', differsFromBinance: false })
    expect(r.singleAsset.positions[0]).not.toHaveProperty('binanceLiquidationPrice')
  })

  it('an entry for another symbol, quantity, entry or margin type (edited since the import), or unreadable, is skipped', () => {
    const r = compareScenario(
      scenario('single-asset', { positions: [entry('ETHUSDT', '3100', '3500'), entry('ETHUSDT', '3100', '3500', '9')], tickSizes: { ETHUSDT: 'x' } })
    )
    expect(r.singleAsset.positions.map((p) => p.binanceLiquidationPrice)).toEqual([undefined, undefined])
    const edited = compareScenario(
      scenario('single-asset', {
        positions: [
          { ...entry('BTCUSDT', '61000', '50000', '1'), entryPrice: '59000' },
          { ...entry('ETHUSDT', '3100', '3500', '10.0'), entryPrice: '3000.00', marginType: 'cross' }
        ]
      })
    )
    expect(edited.singleAsset.positions.map((p) => p.binanceLiquidationPrice)).toEqual([undefined, undefined])
    const same = compareScenario(scenario('single-asset', { positions: [{ ...entry('BTCUSDT', '61000', '50000', '1.0'), entryPrice: '60000.0', marginType: 'cross' }] }))
    expect(same.singleAsset.positions[0]!.differsFromBinance).toBe(false)
    expect(readBinanceExtension(scenario('single-asset', { positions: [{ symbol: 'BTCUSDT', positionSide: 'BOTH', markPrice: 61000, liquidationPrice: '1' }], tickSizes: { BTCUSDT: '0' } }))).toEqual({
      positions: [null],
      tickSizes: {}
    })
    expect(readBinanceExtension(scenario('single-asset', 'nonsense'))).toBeUndefined()
    expect(compareScenario(scenario('single-asset', { positions: 'x' })).singleAsset.positions[0]).not.toHaveProperty('binanceMarkDiffers')
  })
})
