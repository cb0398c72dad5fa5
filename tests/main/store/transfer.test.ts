import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Library } from '../../../src/main/store'
import { exportScenarioText, importMarketText, importScenarioText } from '../../../src/main/store/transfer'
import { readTextFileCapped, writeFileAtomic } from '../../../src/main/files'
import { MAX_SCENARIO_BYTES } from '../../../src/shared/scenario'
import { realTiersText } from '../../helpers/real-tiers'
import { fakeClock, fixtureScenario, fixtureText, refusal, tempDb, tempDir } from './helpers'


function open(): Library {
  return Library.open(tempDb(), { now: fakeClock() })
}


function state(lib: Library): unknown {
  const all = [...lib.portfolios.list(), ...lib.portfolios.list({ trash: true })]
  return { p: all.map((p) => ({ p: lib.portfolios.get(p.id), r: lib.portfolios.revisions(p.id) })), s: lib.snapshots.list() }
}

describe('scenario import and export', () => {
  it('export → import → export is byte-identical, through real files', () => {
    const lib = open()
    const dir = tempDir()
    const first = importScenarioText(lib, fixtureText()).portfolio!
    const a = join(dir, 'a.mpscenario.json')
    const out = exportScenarioText(lib, first.id)
    expect(out.fileName).toBe('BTC long, ETH collateral.mpscenario.json')
    writeFileAtomic(a, out.text)
    const second = importScenarioText(lib, readTextFileCapped(a, MAX_SCENARIO_BYTES)).portfolio!
    const b = join(dir, 'b.mpscenario.json')
    writeFileAtomic(b, exportScenarioText(lib, second.id).text)
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true)
    expect(readFileSync(a, 'utf8')).toBe(fixtureText()) // the fixture is canonical
    lib.close()
  })

  it('a non-canonical file is stored canonically (key order, spacing)', () => {
    const lib = open()
    const s = fixtureScenario()
    const shuffled = JSON.stringify({ market: s.market, shocks: s.shocks, account: s.account, name: s.name, notes: s.notes, version: 1, format: s.format })
    const p = importScenarioText(lib, shuffled).portfolio!
    expect(exportScenarioText(lib, p.id).text).toBe(fixtureText())
    lib.close()
  })

  it('dry run previews without writing; --name replaces the name', () => {
    const lib = open()
    const dry = importScenarioText(lib, fixtureText(), { dryRun: true, name: 'Renamed' })
    expect(dry).toEqual({ preview: { name: 'Renamed', balances: 2, positions: 2, openOrders: 0, symbols: 2, assets: 3, shocks: 2 }, portfolio: null })
    expect(lib.portfolios.list()).toEqual([])
    const real = importScenarioText(lib, fixtureText(), { name: 'Renamed', tags: ['imported'] })
    expect(real.portfolio).toMatchObject({ name: 'Renamed', tags: ['imported'] })
    expect(lib.portfolios.revisions(real.portfolio!.id)[0]!.reason).toBe('import')
    lib.close()
  })

  const badFiles: [string, string, string[]][] = [
    ['not JSON', '{"format": ', ['(file)']],
    ['empty', '', ['(file)']],
    ['a duplicate key', fixtureText().replace('"name": "BTC long, ETH collateral",', '"name": "a", "name": "b",'), ['name']],
    ['another format', JSON.stringify({ format: 'something-else', version: 1 }), ['format']],
    ['a newer version', JSON.stringify({ ...fixtureScenario(), version: 3 }), ['version']],
    ['a number for a decimal', fixtureText().replace('"entryPrice": "60000"', '"entryPrice": 6.4e4'), ['account.positions[0].entryPrice']],
    ['an unknown key', fixtureText().replace('"mode": "single-asset",', '"mode": "single-asset", "colour": "red",'), ['account.colour']],
    [
      'two semantic problems',
      fixtureText().replace('"symbol": "ETHUSDT"', '"symbol": "XRPUSDT"').replace('"cum": "300"', '"cum": "301"'),
      ['market.symbols.BTCUSDT.brackets[1].cum', 'account.positions[1].symbol']
    ]
  ]
  for (const [what, text, paths] of badFiles) {
    it(`refuses ${what}, naming each problem by path, and leaves the library unchanged`, () => {
      const lib = open()
      importScenarioText(lib, fixtureText())
      const before = state(lib)
      const e = refusal(() => importScenarioText(lib, text))
      expect(e.code).toBe('BAD_INPUT')
      expect(e.problems.map((p) => p.path).sort()).toEqual([...paths].sort())
      if (what === 'a number for a decimal') expect(e.problems[0]!.message).toContain('got 6.4e4')
      if (what === 'a newer version') expect(e.problems[0]!.message).toContain('version 3')
      expect(state(lib)).toEqual(before)
      lib.close()
    })
  }

  it('refuses a bad --name or tag without writing', () => {
    const lib = open()
    expect(refusal(() => importScenarioText(lib, fixtureText(), { name: ' ' })).problems[0]!.path).toBe('name')
    expect(refusal(() => importScenarioText(lib, fixtureText(), { tags: [''] })).problems[0]!.path).toBe('tags[0]')
    expect(lib.portfolios.list()).toEqual([])
    lib.close()
  })
})

describe('market snapshots', () => {
  it('imports the real ccxt bracket table (687 symbols) and applies it to a portfolio', () => {
    const lib = open()
    const p = importScenarioText(lib, fixtureText()).portfolio!
    const r = importMarketText(lib, realTiersText(), { fileName: 'binance-leverage-tiers-2026-03-05.json', asOf: '2026-03-05T00:00:00Z' })
    expect(r).toMatchObject({ kind: 'brackets', symbols: 687, assets: 0, asOf: '2026-03-05T00:00:00Z' })
    expect(lib.snapshots.list()).toMatchObject([{ id: r.snapshot!.id, kind: 'brackets', symbols: 687 }])
    const applied = lib.applySnapshot(r.snapshot!.id, p.id)
    expect(applied.symbolsUpdated).toEqual(['BTCUSDT', 'ETHUSDT'])
    expect(applied.assetsUpdated).toEqual([])
    const after = applied.portfolio
    expect(after.revision).toBe(2)
    expect(lib.portfolios.revisions(p.id)[0]!.reason).toBe('market')
    // Positions, balances and prices untouched; brackets replaced by the real table.
    const before = fixtureScenario()
    expect(after.scenario.account).toEqual(before.account)
    expect(after.scenario.market.symbols.BTCUSDT!.markPrice).toBe('61000')
    expect(after.scenario.market.asOf).toBe(before.market.asOf) // brackets only: the prices' date stays
    expect(after.scenario.market.symbols.BTCUSDT!.brackets.length).toBeGreaterThan(2)
    expect(after.scenario.market.symbols.BTCUSDT!.brackets).not.toEqual(before.market.symbols.BTCUSDT!.brackets)
    expect(Object.keys(after.scenario.market.symbols)).toEqual(['BTCUSDT', 'ETHUSDT'])
    lib.close()
  })

  it('premiumIndex and assetIndex snapshots refresh marks, indexes and buffers', () => {
    const lib = open()
    const p = importScenarioText(lib, fixtureText()).portfolio!
    const premium = JSON.stringify([
      { symbol: 'BTCUSDT', markPrice: '65000.10000000', indexPrice: '65010.2', lastFundingRate: '0.0001', time: 1772668800000 },
      { symbol: 'DOGEUSDT', markPrice: '0.1', indexPrice: '0.1', time: 1772668800000 }
    ])
    const pr = importMarketText(lib, premium, { name: 'marks' })
    expect(pr).toMatchObject({ kind: 'premiumIndex', symbols: 2, asOf: '2026-03-05T00:00:00.000Z' })
    const assetIndex = JSON.stringify([{ symbol: 'BTCUSD', time: 1772672400000, index: '65000', bidBuffer: '0.04', askBuffer: '0.04', bidRate: '62400', askRate: '67600', autoExchangeBidBuffer: '0.02', autoExchangeAskBuffer: '0.02' }])
    const ai = importMarketText(lib, assetIndex, { name: 'rates' })
    expect(ai).toMatchObject({ kind: 'assetIndex', assets: 1, warnings: [] })

    const one = lib.applySnapshot(pr.snapshot!.id, p.id)
    expect(one).toMatchObject({ symbolsUpdated: ['BTCUSDT'], symbolsMissing: ['ETHUSDT'] })
    expect(one.portfolio.scenario.market.symbols.BTCUSDT!.markPrice).toBe('65000.1')
    expect(one.portfolio.scenario.market.asOf).toBe('2026-03-05T00:00:00.000Z')
    const two = lib.applySnapshot(ai.snapshot!.id, p.id)
    expect(two).toMatchObject({ assetsUpdated: ['BTC'], assetsMissing: ['USDT', 'ETH'] })
    expect(two.portfolio.scenario.market.assets.BTC).toEqual({
      index: '65000',
      bidBuffer: '0.04',
      askBuffer: '0.04',
      autoExchangeBidBuffer: '0.02',
      autoExchangeAskBuffer: '0.02',
      autoExchangeThreshold: '-0.1'
    })
    expect(two.portfolio.revision).toBe(3)
    lib.close()
  })

  it('an exchangeInfo snapshot lays its tick sizes into extensions.binance.tickSizes, keeping the other extensions', () => {
    const lib = open()
    const withExtension = { ...fixtureScenario(), extensions: { binance: { importedAt: 'x' }, mine: { keep: true } } }
    const p = importScenarioText(lib, JSON.stringify(withExtension)).portfolio!
    const info = importMarketText(lib, readFileSync(join(import.meta.dirname, '../../fixtures/import/exchange-info.json'), 'utf8'), { name: 'ticks' })
    expect(info.kind).toBe('exchangeInfo')
    const applied = lib.applySnapshot(info.snapshot!.id, p.id)
    const ext = applied.portfolio.scenario.extensions as { binance: { importedAt: string; tickSizes: Record<string, string> }; mine: unknown }
    expect(ext.mine).toEqual({ keep: true })
    expect(ext.binance.importedAt).toBe('x')
    expect(Object.keys(ext.binance.tickSizes).sort()).toEqual(['BTCUSDT', 'ETHUSDT'])
    lib.close()
  })

  it('a snapshot that would make the portfolio invalid is refused whole; nothing changes', () => {
    const lib = open()
    const p = importScenarioText(lib, fixtureText()).portfolio!
    // A table whose only bracket caps at 10,000: BTCUSDT's 0.8 × 61,000 notional exceeds it,
    // and 20x leverage is above its 5x.
    const tiny = JSON.stringify([{ symbol: 'BTCUSDT', brackets: [{ bracket: 1, initialLeverage: 5, notionalCap: 10000, notionalFloor: 0, maintMarginRatio: 0.01, cum: 0 }] }])
    const snap = importMarketText(lib, tiny, { name: 'tiny' }).snapshot!
    const before = state(lib)
    const e = refusal(() => lib.applySnapshot(snap.id, p.id))
    expect(e.code).toBe('BAD_INPUT')
    expect(e.problems.map((x) => x.path).sort()).toEqual(['account.positions[0].leverage', 'account.positions[0].quantity'])
    expect(state(lib)).toEqual(before)
    expect(refusal(() => lib.applySnapshot(999, p.id)).code).toBe('NOT_FOUND')
    lib.close()
  })

  it('a bad market file is refused with its paths and creates no snapshot', () => {
    const lib = open()
    const broken = JSON.stringify([{ symbol: 'BTCUSDT', brackets: [{ bracket: 1, initialLeverage: 5, notionalCap: 10000, notionalFloor: 0, maintMarginRatio: 0.01, cum: 0 }, { bracket: 2, initialLeverage: 4, notionalCap: 20000, notionalFloor: 10000, maintMarginRatio: 0.02, cum: 99 }] }])
    const e = refusal(() => importMarketText(lib, broken))
    expect(e.problems.map((x) => x.path)).toEqual(['[0].brackets[1].cum'])
    expect(refusal(() => importMarketText(lib, '{"hello": 1}')).problems[0]!.path).toBe('(file)')
    expect(refusal(() => importMarketText(lib, 'nope')).problems[0]!.path).toBe('(file)')
    expect(lib.snapshots.list()).toEqual([])
    lib.close()
  })
})
