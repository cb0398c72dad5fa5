import { describe, expect, it } from 'vitest'
import { parseAssetIndex, parsePremiumIndex } from '../../../src/shared/import/price-import'
import { fixture } from './helpers'

describe('premiumIndex', () => {
  it('reads marks and index prices by symbol, skipping zero marks', () => {
    const r = parsePremiumIndex(fixture('premium-index-all.json'))
    if (!r.ok) throw new Error(JSON.stringify(r.problems))
    expect(r.value.markPrices).toEqual({ BTCUSDT: '61000.1', ETHUSDC: '3100' })
    expect(r.value.indexPrices).toEqual({ BTCUSDT: '60990.52345678', ETHUSDC: '3099.87' })
    expect(r.value.skipped).toEqual(['OLDUSDT'])
    expect(r.value.asOf).toBe(new Date(1772668801000).toISOString())
  })

  it('reads the one-symbol object, and numbers exactly', () => {
    const r = parsePremiumIndex('{"symbol":"BTCUSDT","markPrice":6.41e4,"indexPrice":0.0065,"time":1}')
    expect(r.ok && r.value.markPrices).toEqual({ BTCUSDT: '64100' })
    expect(r.ok && r.value.indexPrices).toEqual({ BTCUSDT: '0.0065' })
  })

  it('refuses bad values by path, and the whole file with them', () => {
    const r = parsePremiumIndex('[{"symbol":"A","markPrice":"1"},{"symbol":"B","markPrice":"-1"},{"symbol":"A","markPrice":"abc"}]')
    expect(r.ok ? [] : r.problems).toEqual([
      { path: '[1].markPrice', message: 'must not be negative, got "-1"' },
      { path: '[2].markPrice', message: 'expected a decimal (number or string), got "abc"' }
    ])
    const d = parsePremiumIndex('[{"symbol":"A","markPrice":"1"},{"symbol":"A","markPrice":"2"}]')
    expect(d.ok ? [] : d.problems).toEqual([{ path: '[1].symbol', message: 'symbol A appears twice' }])
  })

  it('says what it expected when the file is something else', () => {
    const r = parsePremiumIndex('{"symbol":"BTCUSD","index":"1"}')
    expect(r.ok ? '' : r.problems[0]!.message).toMatch(/premiumIndex/)
  })
})

describe('assetIndex', () => {
  it('maps BTCUSD to BTC with index and buffers as decimal strings', () => {
    const r = parseAssetIndex(fixture('asset-index-all.json'))
    if (!r.ok) throw new Error(JSON.stringify(r.problems))
    expect(r.value.assets.BTC).toEqual({ index: '61000', bidBuffer: '0.05', askBuffer: '0.05', autoExchangeBidBuffer: '0.025', autoExchangeAskBuffer: '0.025' })
    expect(r.value.assets.USDT).toEqual({ index: '0.99987691', bidBuffer: '0.0001', askBuffer: '0.0001', autoExchangeBidBuffer: '0.0001', autoExchangeAskBuffer: '0.0001' })
    expect(Object.keys(r.value.assets)).toEqual(['BTC', 'USDT', 'ADA'])
    // Binance's published rates agree with index × (1 ∓ buffer) to its 8 decimals.
    expect(r.value.warnings).toEqual([])
  })

  it('reads one object, without auto-exchange fields', () => {
    const r = parseAssetIndex('{"symbol":"USDCUSD","index":"1","bidBuffer":"0","askBuffer":"0"}')
    expect(r.ok && r.value.assets).toEqual({ USDC: { index: '1', bidBuffer: '0', askBuffer: '0' } })
  })

  it('warns when a published rate disagrees with index and buffer', () => {
    const r = parseAssetIndex('{"symbol":"ETHUSD","index":"3000","bidBuffer":"0.05","askBuffer":"0.05","bidRate":"2800","askRate":"3150"}')
    expect(r.ok && r.value.warnings.map((w) => w.path)).toEqual(['bidRate'])
  })

  it('refuses a symbol not ending in USD, a zero index and a buffer of 1', () => {
    const r = parseAssetIndex('[{"symbol":"BTCUSDT","index":"0","bidBuffer":"1","askBuffer":"0.05"}]')
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['[0].symbol', '[0].index', '[0].bidBuffer'])
  })
})
