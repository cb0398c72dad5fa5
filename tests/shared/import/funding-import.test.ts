// Funding imports (margin-rules.md §9): premiumIndex's lastFundingRate, fundingInfo's intervals.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseMarketFile } from '../../../src/shared/import/market-file'

const premiumAll = readFileSync(join(import.meta.dirname, '../../fixtures/import/premium-index-all.json'), 'utf8')
const fundingInfo = JSON.stringify([
  { symbol: 'BLZUSDT', adjustedFundingRateCap: '0.02500000', adjustedFundingRateFloor: '-0.02500000', fundingIntervalHours: 4, disclaimer: false },
  { symbol: 'ETHUSDC', adjustedFundingRateCap: '0.03000000', adjustedFundingRateFloor: '-0.03000000', fundingIntervalHours: 1, disclaimer: false }
])

describe('funding imports', () => {
  it('premiumIndex brings lastFundingRate per symbol, exactly as written (negative rates too)', () => {
    const r = parseMarketFile(premiumAll)
    if (!r.ok || r.value.kind !== 'premiumIndex') throw new Error('expected premiumIndex')
    expect(r.value.fundingRates).toMatchObject({ BTCUSDT: '0.0001', ETHUSDC: '-0.00002' })
    // A delivery contract sends lastFundingRate "": no funding, not a problem.
    const delivery = parseMarketFile(JSON.stringify([{ symbol: 'BTCUSDT_260327', markPrice: '61500', indexPrice: '61000', lastFundingRate: '', time: 1772668800000 }]))
    expect(delivery.ok && delivery.value.kind === 'premiumIndex' && delivery.value.fundingRates).toEqual({})
  })

  it('fundingInfo is its own market file kind: symbol → interval hours', () => {
    const r = parseMarketFile(fundingInfo)
    expect(r).toEqual({ ok: true, value: { kind: 'fundingInfo', intervals: { BLZUSDT: 4, ETHUSDC: 1 } } })
  })

  it('a bad fundingInfo is refused whole, every problem by path', () => {
    const rows = JSON.parse(fundingInfo) as Record<string, unknown>[]
    rows[0]!.fundingIntervalHours = 0
    rows[1]!.fundingIntervalHours = 1.5
    rows.push({ symbol: 'SOLUSDT', fundingIntervalHours: 4 }, { symbol: 'SOLUSDT', fundingIntervalHours: 8 })
    const r = parseMarketFile(JSON.stringify(rows))
    expect(r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      '[0].fundingIntervalHours: must be at least 1, got 0',
      '[1].fundingIntervalHours: expected an integer, got 1.5',
      '[3].symbol: symbol SOLUSDT appears twice'
    ])
  })
})
