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
    expect(r.preview).toEqual({ name: 'My Binance', balances: 2, positions: 1, symbols: 1, assets: 2, shocks: 0 })
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
