import { describe, expect, it } from 'vitest'
import { parseBinanceAccount } from '../../../src/shared/import/account-import'
import { fixture } from './helpers'

describe('Binance v2 account + positionRisk (one-way)', () => {
  const r = parseBinanceAccount({ account: fixture('account-v2.json'), positionRisk: fixture('position-risk-v2.json') })

  it('builds the scenario account: non-zero wallets, non-zero positions, sides from the sign', () => {
    if (!r.ok) throw new Error(JSON.stringify(r.problems))
    expect(r.value.account).toEqual({
      mode: 'single-asset',
      positionMode: 'one-way',
      balances: [
        { asset: 'USDT', wallet: '1535443.01' },
        { asset: 'USDC', wallet: '-12.5' }
      ],
      positions: [
        { symbol: 'ETHUSDT', side: 'long', quantity: '3683.979', entryPrice: '1456.84', leverage: 10, marginType: 'cross' },
        { symbol: 'BTCUSDT', side: 'long', quantity: '109.488', entryPrice: '32481.98', leverage: 20, marginType: 'isolated', isolatedWallet: '535443.01' },
        { symbol: 'ADAUSDT', side: 'short', quantity: '30', entryPrice: '0.385', leverage: 5, marginType: 'cross' }
      ]
    })
  })

  it("keeps Binance's own mark and liquidation prices per position ('0' → null)", () => {
    if (!r.ok) throw new Error('refused')
    expect(r.value.binance).toEqual([
      { position: 0, symbol: 'ETHUSDT', positionSide: 'BOTH', markPrice: '1335.18', liquidationPrice: '1153.26' },
      { position: 1, symbol: 'BTCUSDT', positionSide: 'BOTH', markPrice: '31967.27', liquidationPrice: '18778.73' },
      { position: 2, symbol: 'ADAUSDT', positionSide: 'BOTH', markPrice: '0.4104759', liquidationPrice: null }
    ])
    expect(r.value.notes).toEqual(['position mode one-way: inferred (no dualSidePosition given and no LONG/SHORT positionSide)'])
  })

  it('reads positions from the v2 account alone when no positionRisk is given', () => {
    const account = JSON.parse(fixture('account-v2.json'))
    const a = parseBinanceAccount({ account: JSON.stringify(account) })
    // v2 account rows have no isolatedWallet: an isolated position needs the positionRisk file.
    expect(a.ok ? [] : a.problems).toEqual([{ path: 'account.positions[1].isolatedWallet', message: expect.stringContaining('add the positionRisk file') }])
    account.positions[1].isolated = false
    const b = parseBinanceAccount({ account: JSON.stringify(account) })
    expect(b.ok && b.value.account.positions.map((p) => [p.symbol, p.marginType, p.leverage])).toEqual([
      ['ETHUSDT', 'cross', 10],
      ['BTCUSDT', 'cross', 20]
    ])
    expect(b.ok && b.value.binance[0]).toEqual({ position: 0, symbol: 'ETHUSDT', positionSide: 'BOTH', markPrice: null, liquidationPrice: null })
  })
})

describe('Binance v3 account + positionRisk (hedge) + accountConfig', () => {
  it('takes the modes from accountConfig and infers leverage and margin type', () => {
    const r = parseBinanceAccount({ account: fixture('account-v3.json'), positionRisk: fixture('position-risk-v3-hedge.json'), settings: fixture('account-config.json') })
    if (!r.ok) throw new Error(JSON.stringify(r.problems))
    expect(r.value.account).toEqual({
      mode: 'single-asset',
      positionMode: 'hedge',
      balances: [
        { asset: 'USDT', wallet: '103.12345678' },
        { asset: 'BTC', wallet: '0.25' }
      ],
      positions: [
        { symbol: 'ADAUSDT', side: 'long', quantity: '30', entryPrice: '0.385', leverage: 20, marginType: 'cross' },
        { symbol: 'COMPUSDT', side: 'short', quantity: '1', entryPrice: '70.92841', leverage: 20, marginType: 'cross' },
        { symbol: 'ETHUSDT', side: 'short', quantity: '2', entryPrice: '3000', leverage: 10, marginType: 'isolated', isolatedWallet: '600' }
      ]
    })
    expect(r.value.binance.map((b) => [b.positionSide, b.liquidationPrice])).toEqual([
      ['LONG', null],
      ['SHORT', '137.20178932'],
      ['SHORT', '3500.5']
    ])
    expect(r.value.notes.join('\n')).toMatch(/ETHUSDT: leverage 10 inferred/)
    expect(r.value.notes.join('\n')).toMatch(/ETHUSDT: margin type isolated inferred from isolatedWallet 600/)
  })

  it('infers hedge mode from LONG/SHORT and notes the assumed single-asset mode', () => {
    const r = parseBinanceAccount({ account: fixture('account-v3.json'), positionRisk: fixture('position-risk-v3-hedge.json') })
    if (!r.ok) throw new Error(JSON.stringify(r.problems))
    expect(r.value.account.positionMode).toBe('hedge')
    expect(r.value.notes.some((n) => n.startsWith('mode single-asset: assumed'))).toBe(true)
  })

  it('reads multiAssetsMargin, also inside a websocket {id, status, result} wrapper', () => {
    const settings = JSON.stringify({ id: 'x', status: 200, result: { dualSidePosition: true, multiAssetsMargin: true } })
    const r = parseBinanceAccount({ account: fixture('account-v3.json'), positionRisk: fixture('position-risk-v3-hedge.json'), settings })
    expect(r.ok && r.value.account.mode).toBe('multi-assets')
  })
})

describe('refusals', () => {
  it('refuses a dualSidePosition that contradicts the rows, and conflicting flags', () => {
    const r = parseBinanceAccount({ account: fixture('account-v2.json'), positionRisk: fixture('position-risk-v2.json'), settings: fixture('account-config.json') })
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['positionRisk[0].positionSide', 'positionRisk[1].positionSide', 'positionRisk[3].positionSide'])
    const c = parseBinanceAccount({ account: fixture('account-v2.json'), positionRisk: fixture('position-risk-v2.json'), settings: '{"multiAssetsMargin": true}' })
    expect(c.ok ? [] : c.problems).toEqual([{ path: 'settings.multiAssetsMargin', message: 'multiAssetsMargin is true here but false in account.multiAssetsMargin' }])
  })

  it('names bad fields by file and path', () => {
    const risk = JSON.parse(fixture('position-risk-v2.json'))
    risk[0].entryPrice = '6.4e4'
    risk[1].marginType = 'margin'
    risk[3].leverage = '2.5'
    const r = parseBinanceAccount({ account: fixture('account-v2.json'), positionRisk: JSON.stringify(risk) })
    expect(r.ok ? [] : r.problems).toEqual([
      { path: 'positionRisk[0].entryPrice', message: 'expected a decimal (number or string), got "6.4e4"' },
      { path: 'positionRisk[1].marginType', message: 'expected cross or isolated, got "margin"' },
      { path: 'positionRisk[3].leverage', message: 'expected an integer, got "2.5"' }
    ])
  })

  it('says which response it expected when a file is in the wrong slot', () => {
    const r = parseBinanceAccount({ account: fixture('position-risk-v2.json') })
    expect(r.ok ? '' : r.problems[0]!.message).toMatch(/fapi\/v2\/account/)
    const s = parseBinanceAccount({ account: fixture('account-v2.json'), positionRisk: fixture('account-v2.json') })
    expect(s.ok ? '' : s.problems[0]!.message).toMatch(/positionRisk/)
    const j = parseBinanceAccount({ account: '{"assets": [' })
    expect(j.ok ? '' : j.problems[0]!.path).toBe('account (file)')
  })
})
