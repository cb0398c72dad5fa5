// An imported account keeps Binance's own mark and liquidation price per position
// (extensions.binance) and compare puts them beside ours. The hand-made book: USDT wallet 15,340;
// BTCUSDT long 1 @ 60,000 cross (ours: exactly 50,000) and ETHUSDT short 10 @ 3,000 isolated with
// 5,140 (ours: exactly 3,500). Binance says 50,000.1 (one BTCUSDT tick of 0.1: agreement) and
// 3,500.10 (ten ETHUSDT ticks of 0.01: flagged). Tick sizes from an exchangeInfo snapshot.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Library } from '../../../src/main/store'
import { importAccountTexts } from '../../../src/main/store/account-market'
import { importMarketText } from '../../../src/main/store/transfer'
import { compareScenario } from '../../../src/shared/engine/compare'
import { formatCompareTable } from '../../../src/main/cli/compare-table'
import { fakeClock, fixtureText, tempDb } from './helpers'

const IMPORT = join(import.meta.dirname, '../../fixtures/import')
const read = (name: string) => readFileSync(join(IMPORT, name), 'utf8')
const files = () => ({ account: read('binance-check/account.json'), positionRisk: read('binance-check/position-risk.json') })

function library(withExchangeInfo: boolean): Library {
  const lib = Library.open(tempDb(), { now: fakeClock() })
  importMarketText(lib, fixtureText('brackets-binance.json'), { name: 'brackets', asOf: '2026-03-05T00:00:00Z' })
  importMarketText(lib, fixtureText('assetIndex.json'), { name: 'rates' })
  if (withExchangeInfo) importMarketText(lib, read('exchange-info.json'), { name: 'ticks' })
  return lib
}

describe('account import: Binance liquidation prices beside ours', () => {
  it('an exchangeInfo snapshot stores tick sizes; the import keeps Binance figures, tick sizes, time and mode', () => {
    const lib = library(true)
    const ticks = lib.snapshots.list().find((s) => s.name === 'ticks')!
    expect(ticks.kind).toBe('exchangeInfo')
    expect(lib.snapshots.get(ticks.id).market.symbols.BTCUSDT).toEqual({ baseAsset: 'BTC', marginAsset: 'USDT', tickSize: '0.1' })

    const r = importAccountTexts(lib, files(), { name: 'Check', now: () => '2026-03-05T01:00:00.000Z' })
    const s = r.portfolio!.scenario
    expect(s.extensions).toEqual({
      binance: {
        source: 'GET /fapi/v2|v3/positionRisk (Binance account import)',
        importedAt: '2026-03-05T01:00:00.000Z',
        accountMode: 'single-asset',
        positions: [
          { symbol: 'BTCUSDT', positionSide: 'BOTH', quantity: '1', entryPrice: '60000', marginType: 'cross', markPrice: '61000', liquidationPrice: '50000.1' },
          { symbol: 'ETHUSDT', positionSide: 'BOTH', quantity: '10', entryPrice: '3000', marginType: 'isolated', markPrice: '3100', liquidationPrice: '3500.1' }
        ],
        tickSizes: { BTCUSDT: '0.1', ETHUSDT: '0.01' }
      }
    })
    expect(s.market.asOf).toMatch(/^2026-03-05T00:00:00/)
    lib.close()
  })

  it('one tick away is not flagged, ten ticks away is; the table shows the Binance column', () => {
    const lib = library(true)
    const s = importAccountTexts(lib, files()).portfolio!.scenario
    const r = compareScenario(s)
    expect(r.singleAsset.positions.map((p) => [p.symbol, p.liquidationPrice, p.binanceLiquidationPrice, p.liquidationPriceDifference, p.differsFromBinance])).toEqual([
      ['BTCUSDT', '50000', '50000.1', '-0.1', false],
      ['ETHUSDT', '3500', '3500.1', '-0.1', true]
    ])
    expect(r.singleAsset.positions.map((p) => p.differenceTolerance)).toEqual([
      { basis: 'tickSize', amount: '0.1' },
      { basis: 'tickSize', amount: '0.01' }
    ])
    const table = formatCompareTable(s, r)
    expect(table).toMatch(/Binance liq\./)
    expect(table).toMatch(/ETHUSDT .*3,500\.1000 DIFFERS/)
    expect(table).not.toMatch(/BTCUSDT .*DIFFERS/)
    lib.close()
  })

  it('without exchangeInfo the 0.01% tolerance applies (both agree); a newer mark snapshot: not compared', () => {
    const lib = library(false)
    const s = importAccountTexts(lib, files()).portfolio!.scenario
    const r = compareScenario(s)
    expect(r.singleAsset.positions.map((p) => [p.differenceTolerance?.basis, p.differsFromBinance])).toEqual([
      ['relative', false],
      ['relative', false]
    ])

    importMarketText(lib, JSON.stringify([{ symbol: 'BTCUSDT', markPrice: '62000', indexPrice: '62000', time: 1772672400000 }]), { name: 'marks' })
    const movedScenario = importAccountTexts(lib, files()).portfolio!.scenario
    const moved = compareScenario(movedScenario)
    expect(moved.singleAsset.positions[0]).toMatchObject({ markPrice: '62000', binanceLiquidationPrice: '50000.1', binanceMarkDiffers: true })
    expect(moved.singleAsset.positions[0]).not.toHaveProperty('differsFromBinance')
    expect(formatCompareTable(movedScenario, moved)).toMatch(/BTCUSDT .*50,000\.1000 \(mark differs\)/)
    lib.close()
  })
})
