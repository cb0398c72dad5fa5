import { describe, expect, it } from 'vitest'
import { Library } from '../../../src/main/store'
import { importAccountTexts } from '../../../src/main/store/account-market'
import { importMarketText } from '../../../src/main/store/transfer'
import { fakeClock, fixtureText, refusal, tempDb } from './helpers'

const files = () => ({ account: fixtureText('account-v2.json'), positionRisk: fixtureText('positionRisk-v2.json') })


describe('account import', () => {
  it('builds a portfolio from account + positionRisk with market data from snapshots', () => {
    const lib = Library.open(tempDb(), { now: fakeClock() })
    importMarketText(lib, fixtureText('brackets-binance.json'), { name: 'brackets', asOf: '2026-03-05T00:00:00Z' })
    importMarketText(lib, fixtureText('assetIndex.json'), { name: 'rates' })
    const r = importAccountTexts(lib, files(), { name: 'My Binance' })
    expect(r.preview).toEqual({ name: 'My Binance', balances: 2, positions: 1, openOrders: 0, symbols: 1, assets: 2, shocks: 0 })
    expect(r.notes.join('\n')).toContain('mark price 61000 from positionRisk')
    const s = r.portfolio!.scenario
    expect(s.account.positions).toEqual([{ symbol: 'BTCUSDT', side: 'long', quantity: '0.8', entryPrice: '60000', leverage: 20, marginType: 'cross' }])
    expect(s.market.symbols.BTCUSDT).toMatchObject({ baseAsset: 'BTC', marginAsset: 'USDT', markPrice: '61000' })
    expect(s.market.symbols.BTCUSDT!.brackets).toHaveLength(2)
    expect(s.market.assets.BTC).toMatchObject({ index: '61000', bidBuffer: '0.05' })
    expect(s.market.source).toContain('"brackets"')
    lib.close()
  })

  it('without market data: refused, each missing piece named by scenario path, nothing saved', () => {
    const lib = Library.open(tempDb())
    const e = refusal(() => importAccountTexts(lib, files()))
    expect(e.problems.map((p) => p.path)).toEqual(['market.symbols.BTCUSDT.brackets', 'market.assets.BTC.index', 'market.assets.USDT.index'])
    expect(e.problems[0]!.message).toContain('market import')
    expect(lib.portfolios.list()).toEqual([])
    lib.close()
  })

  it('bad account files are refused with the file and path', () => {
    const lib = Library.open(tempDb())
    const e = refusal(() => importAccountTexts(lib, { account: '[]', positionRisk: '{' }))
    expect(e.problems[0]!.path).toMatch(/^positionRisk/)
    const wrongSlot = refusal(() => importAccountTexts(lib, { account: fixtureText('positionRisk-v2.json') }))
    expect(wrongSlot.problems[0]!.path).toMatch(/^account/)
    expect(lib.portfolios.list()).toEqual([])
    lib.close()
  })
})

describe('account import with open orders (GET /fapi/v1/openOrders)', () => {
  it('imports limit and stop orders, the remaining quantity, reduce-only, close-position at the position size, leverage of a flat symbol from positionRisk', () => {
    const lib = Library.open(tempDb(), { now: fakeClock() })
    importMarketText(lib, fixtureText('brackets-binance.json'), { name: 'brackets', asOf: '2026-03-05T00:00:00Z' })
    importMarketText(lib, fixtureText('assetIndex.json'), { name: 'rates' })
    importMarketText(lib, JSON.stringify([{ symbol: 'ETHUSDT', markPrice: '3100.00', indexPrice: '3099.50', time: 1772668800000 }]), { name: 'marks' })
    const r = importAccountTexts(lib, { ...files(), openOrders: fixtureText('openOrders.json') }, { name: 'With orders' })
    expect(r.preview).toMatchObject({ positions: 1, openOrders: 4, symbols: 2 })
    const s = r.portfolio!.scenario
    expect(s.account.openOrders).toEqual([
      { symbol: 'BTCUSDT', side: 'buy', quantity: '0.2', price: '58000', type: 'limit' },
      { symbol: 'BTCUSDT', side: 'sell', quantity: '0.5', price: '66000', type: 'limit', reduceOnly: true },
      { symbol: 'BTCUSDT', side: 'sell', quantity: '0.8', price: '55000', type: 'stop', reduceOnly: true },
      { symbol: 'ETHUSDT', side: 'buy', quantity: '2', price: '3000', type: 'limit', leverage: 10 }
    ])
    // The ETHUSDT order's symbol gets its market from the snapshots like a position's.
    expect(s.market.symbols.ETHUSDT).toMatchObject({ marginAsset: 'USDT', markPrice: '3100' })
    lib.close()
  })

  it('a bad orders file is refused whole, by file and path, nothing saved', () => {
    const lib = Library.open(tempDb(), { now: fakeClock() })
    importMarketText(lib, fixtureText('brackets-binance.json'), { name: 'brackets', asOf: '2026-03-05T00:00:00Z' })
    importMarketText(lib, fixtureText('assetIndex.json'), { name: 'rates' })
    const rows = JSON.parse(fixtureText('openOrders.json')) as Record<string, unknown>[]
    rows[0]!.price = '-1'
    rows[3]!.positionSide = 'LONG'
    const e = refusal(() => importAccountTexts(lib, { ...files(), openOrders: JSON.stringify(rows) }))
    expect(e.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'openOrders[0].price: must be greater than 0, got "-1"',
      "openOrders[3].positionSide: a LONG order contradicts the account's one-way position mode"
    ])
    const wrong = refusal(() => importAccountTexts(lib, { ...files(), openOrders: fixtureText('positionRisk-v2.json') }))
    expect(wrong.problems[0]!.message).toContain('GET /fapi/v1/openOrders')
    expect(lib.portfolios.list()).toEqual([])
    lib.close()
  })
})

describe('funding fields through snapshots (margin-rules.md §9)', () => {
  it('premiumIndex funding rates and fundingInfo intervals reach the imported account, and market apply carries them', () => {
    const lib = Library.open(tempDb(), { now: fakeClock() })
    importMarketText(lib, fixtureText('brackets-binance.json'), { name: 'brackets', asOf: '2026-03-05T00:00:00Z' })
    importMarketText(lib, fixtureText('assetIndex.json'), { name: 'rates' })
    const marks = importMarketText(lib, JSON.stringify([{ symbol: 'BTCUSDT', markPrice: '61000', indexPrice: '60990', lastFundingRate: '0.00010000', time: 1772668800000 }]), { name: 'marks' })
    const info = importMarketText(lib, JSON.stringify([{ symbol: 'BTCUSDT', fundingIntervalHours: 4 }]), { name: 'intervals' })
    expect(info.kind).toBe('fundingInfo')
    const r = importAccountTexts(lib, files(), { name: 'Funding' })
    expect(r.portfolio!.scenario.market.symbols.BTCUSDT).toMatchObject({ fundingRate: '0.0001', fundingIntervalHours: 4 })
    // A later premiumIndex with a new rate, applied: the rate moves, the interval stays.
    const later = importMarketText(lib, JSON.stringify([{ symbol: 'BTCUSDT', markPrice: '62000', indexPrice: '61990', lastFundingRate: '-0.00030000', time: 1772672400000 }]), { name: 'later' })
    lib.applySnapshot(later.snapshot!.id, r.portfolio!.id)
    expect(lib.portfolios.get(r.portfolio!.id).scenario.market.symbols.BTCUSDT).toMatchObject({ markPrice: '62000', fundingRate: '-0.0003', fundingIntervalHours: 4 })
    // A fundingInfo that no longer lists BTCUSDT: back to the default 8 h (the field goes).
    const reset = importMarketText(lib, JSON.stringify([{ symbol: 'ETHUSDT', fundingIntervalHours: 4 }]), { name: 'reset' })
    lib.applySnapshot(reset.snapshot!.id, r.portfolio!.id)
    expect(lib.portfolios.get(r.portfolio!.id).scenario.market.symbols.BTCUSDT!.fundingIntervalHours).toBeUndefined()
    expect(marks.snapshot).not.toBeNull()
    lib.close()
  })
})
