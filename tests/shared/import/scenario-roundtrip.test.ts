// The importers produce pieces of a scenario v1: assembled, they must pass the scenario reader
// unchanged (decimal strings without exponent, valid brackets, known assets).
import { describe, expect, it } from 'vitest'
import { parseAssetIndex, parseBinanceAccount, parseBracketFile, parsePositionsCsv, parsePremiumIndex } from '../../../src/shared/import'
import { parseScenarioValue, type Scenario } from '../../../src/shared/scenario'
import { fixture } from './helpers'
import { realTiersText } from '../../helpers/real-tiers'

function ok<T>(r: { ok: true; value: T } | { ok: false; problems: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.problems))
  return r.value
}

describe('imported pieces form a valid scenario', () => {
  it('real brackets + v2 account + premiumIndex-style marks + assetIndex', () => {
    const tiers = ok(parseBracketFile(realTiersText()))
    const imported = ok(parseBinanceAccount({ account: fixture('account-v2.json'), positionRisk: fixture('position-risk-v2.json') }))
    const marks = ok(parsePremiumIndex(JSON.stringify(imported.binance.map((b) => ({ symbol: b.symbol, markPrice: b.markPrice })))))
    const assets = ok(parseAssetIndex(fixture('asset-index-all.json'))).assets
    assets.USDC = { index: '1', bidBuffer: '0', askBuffer: '0' }
    const symbols: Scenario['market']['symbols'] = {}
    for (const p of imported.account.positions) {
      symbols[p.symbol] = { ...tiers.assets[p.symbol]!, markPrice: marks.markPrices[p.symbol]!, brackets: tiers.brackets[p.symbol]! }
    }
    const scenario: Scenario = {
      format: 'margin-planner/scenario',
      version: 2,
      name: 'imported',
      account: imported.account,
      market: { asOf: '2026-03-05T00:00:00Z', symbols, assets }
    }
    const r = parseScenarioValue(scenario)
    if (!r.ok) throw new Error(JSON.stringify(r.problems))
    expect(r.value.account.positions).toHaveLength(3)
  })

  it('CSV positions drop into the same place', () => {
    const positions = ok(parsePositionsCsv(fixture('positions-crlf-bom.csv')))
    expect(positions.every((p) => /^(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(p.quantity))).toBe(true)
  })
})
