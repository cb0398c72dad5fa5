import { describe, expect, it } from 'vitest'
import { parseMarketFile } from '../../../src/shared/import/market-file'
import { fixture } from './helpers'

describe('parseMarketFile', () => {
  it('detects each accepted format', () => {
    const kinds = ['leverage-bracket-binance.json', 'leverage-bracket-single.json', 'leverage-tiers-ccxt.json', 'premium-index-all.json', 'asset-index-all.json'].map((f) => {
      const r = parseMarketFile(fixture(f))
      if (!r.ok) throw new Error(`${f}: ${JSON.stringify(r.problems)}`)
      return r.value.kind === 'brackets' ? `brackets/${r.value.format}` : r.value.kind
    })
    expect(kinds).toEqual([
      'brackets/binance-leverageBracket',
      'brackets/binance-leverageBracket',
      'brackets/ccxt-fetchLeverageTiers',
      'premiumIndex',
      'assetIndex'
    ])
  })

  it('returns the importer problems of a recognised but bad file', () => {
    const r = parseMarketFile(fixture('bad-bracket-cum.json'))
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['[0].brackets[1].cum'])
  })

  it('names the accepted formats for anything else', () => {
    for (const text of ['{"format":"margin-planner/scenario"}', '[]', '[{"symbol":"BTCUSDT"}]', '42']) {
      const r = parseMarketFile(text)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.problems).toHaveLength(1)
        expect(r.problems[0]!.path).toBe('(file)')
        expect(r.problems[0]!.message).toMatch(/leverageBracket.*fetchLeverageTiers.*premiumIndex.*assetIndex/)
      }
    }
  })

  it('reports where the text stops being JSON', () => {
    const r = parseMarketFile('{"symbol": "BTCUSDT",\n "markPrice": }')
    expect(r.ok ? '' : r.problems[0]!.message).toMatch(/line 2/)
  })
})
