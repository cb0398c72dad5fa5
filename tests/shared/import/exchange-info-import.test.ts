import { describe, expect, it } from 'vitest'
import { parseExchangeInfo } from '../../../src/shared/import/exchange-info-import'
import { parseMarketFile } from '../../../src/shared/import/market-file'
import { fixture } from './helpers'

describe('exchangeInfo (tick sizes)', () => {
  it('reads each PRICE_FILTER tickSize exactly (strings and numbers), with base and margin asset', () => {
    const r = parseExchangeInfo(fixture('exchange-info.json'))
    expect(r).toEqual({
      ok: true,
      value: {
        tickSizes: { BTCUSDT: '0.1', ETHUSDT: '0.01', '1000PEPEUSDC': '0.0000001' },
        assets: {
          BTCUSDT: { baseAsset: 'BTC', marginAsset: 'USDT' },
          ETHUSDT: { baseAsset: 'ETH', marginAsset: 'USDT' },
          '1000PEPEUSDC': { baseAsset: '1000PEPE', marginAsset: 'USDC' }
        },
        skipped: [],
        asOf: '2026-03-05T00:00:00.000Z'
      }
    })
  })

  it('parseMarketFile detects it as its own kind', () => {
    const r = parseMarketFile(fixture('exchange-info.json'))
    expect(r.ok && r.value.kind).toBe('exchangeInfo')
  })

  it('refuses a bad tick size by path; skips a symbol without PRICE_FILTER', () => {
    const bad = parseExchangeInfo(
      JSON.stringify({ symbols: [{ symbol: 'BTCUSDT', filters: [{ filterType: 'PRICE_FILTER', tickSize: '0' }] }, { symbol: 'ETHUSDT', filters: [{ filterType: 'PRICE_FILTER', tickSize: 'x' }] }] })
    )
    expect(bad.ok ? [] : bad.problems).toEqual([
      { path: 'symbols[0].filters[0].tickSize', message: 'must be greater than 0, got "0"' },
      { path: 'symbols[1].filters[0].tickSize', message: 'expected a decimal (number or string), got "x"' }
    ])
    const skipped = parseExchangeInfo(
      JSON.stringify({ symbols: [{ symbol: 'BTCUSDT', filters: [{ filterType: 'PRICE_FILTER', tickSize: '0.1' }] }, { symbol: 'XUSDT', filters: [] }] })
    )
    expect(skipped.ok && skipped.value).toMatchObject({ tickSizes: { BTCUSDT: '0.1' }, skipped: ['XUSDT'] })
    const none = parseExchangeInfo(JSON.stringify({ symbols: [{ symbol: 'XUSDT', filters: [] }] }))
    expect(none.ok ? [] : none.problems.map((p) => p.path)).toEqual(['symbols'])
    const dup = parseExchangeInfo(JSON.stringify({ symbols: [{ symbol: 'A', filters: [{ filterType: 'PRICE_FILTER', tickSize: '1' }] }, { symbol: 'A', filters: [] }] }))
    expect(dup.ok ? [] : dup.problems.map((p) => p.path)).toEqual(['symbols[1].symbol'])
  })

  it('is not something else', () => {
    expect(parseExchangeInfo('[{"symbol":"BTCUSDT","markPrice":"1"}]').ok).toBe(false)
  })
})
