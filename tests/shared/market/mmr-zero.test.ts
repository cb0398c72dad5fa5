// margin-rules.md §2: 0 ≤ MMR < 1. A bracket table whose first tier has maintMarginRatio 0 (as in
// freqtrade's tests) is valid: through the scenario reader, the importers and compare.
import { describe, expect, it } from 'vitest'
import { compareScenario } from '../../../src/shared/engine/compare'
import { parseBracketFile } from '../../../src/shared/import/bracket-import'
import { validateBracketTable } from '../../../src/shared/market/bracket-validation'
import { parseScenario, writeScenario, type BracketRow } from '../../../src/shared/scenario'
import { baseScenario } from '../../helpers/scenarios'

// cum₂ = 0 + 5,000 × (0.005 − 0) = 25; cum₃ = 25 + 50,000 × (0.01 − 0.005) = 275.
const ZERO_FIRST_TIER: BracketRow[] = [
  { notionalFloor: '0', notionalCap: '5000', maintMarginRatio: '0', cum: '0', initialLeverage: 150 },
  { notionalFloor: '5000', notionalCap: '50000', maintMarginRatio: '0.005', cum: '25', initialLeverage: 100 },
  { notionalFloor: '50000', notionalCap: '1000000', maintMarginRatio: '0.01', cum: '275', initialLeverage: 50 }
]

function zeroTierScenarioText(wallet: string, quantity: string): string {
  const s = baseScenario(
    { balances: [{ asset: 'USDT', wallet }], positions: [{ symbol: 'ZERUSDT', side: 'long', quantity, entryPrice: '100', leverage: 20, marginType: 'cross' }] },
    {}
  )
  s.market.symbols.ZERUSDT = { baseAsset: 'ZER', marginAsset: 'USDT', markPrice: '100', brackets: ZERO_FIRST_TIER }
  s.market.assets.ZER = { index: '100', bidBuffer: '0.1', askBuffer: '0.1' }
  return writeScenario(s)
}

describe('a zero first tier (MMR 0)', () => {
  it('is a valid table; a negative or ≥ 1 ratio still is not', () => {
    expect(validateBracketTable(ZERO_FIRST_TIER, 'brackets', 'ZERUSDT')).toEqual([])
    const negative = [{ ...ZERO_FIRST_TIER[0]!, maintMarginRatio: '-0.001' }]
    expect(validateBracketTable(negative, 'brackets', 'X')).toEqual([
      { path: 'brackets[0].maintMarginRatio', message: 'bracket 1 of X: maintMarginRatio must be at least 0 and below 1, got -0.001' }
    ])
    expect(validateBracketTable([{ ...ZERO_FIRST_TIER[0]!, maintMarginRatio: '1' }], 'b', 'X').map((p) => p.path)).toEqual(['b[0].maintMarginRatio'])
  })

  it('parses and compares: MM 0 in the zero tier, and the liquidation price where the margin balance reaches 0', () => {
    const parsed = parseScenario(zeroTierScenarioText('500', '10'))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    const result = compareScenario(parsed.value)
    const position = result.singleAsset.positions.find((p) => p.symbol === 'ZERUSDT')!
    expect([position.maintMarginRatio, position.cum, position.maintenanceMargin]).toEqual(['0', '0', '0'])
    // 500 + 10 × (P − 100) = 10 × P × 0 − 0  ⇒  P = 50 (the notional 500 stays in the zero tier).
    expect(position.liquidationPrice).toBe('50')
  })

  it('above the zero tier MM follows the recurrence: 60 × 100 × 0.005 − 25 = 5', () => {
    const parsed = parseScenario(zeroTierScenarioText('5000', '60'))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    const position = compareScenario(parsed.value).singleAsset.positions.find((p) => p.symbol === 'ZERUSDT')!
    expect([position.maintMarginRatio, position.cum, position.maintenanceMargin]).toEqual(['0.005', '25', '5'])
  })

  it('imports from Binance leverageBracket and ccxt tiers written with 0 and 0.0', () => {
    const binance = parseBracketFile(
      JSON.stringify({ symbol: 'ZERUSDT', brackets: ZERO_FIRST_TIER.map((b, i) => ({ bracket: i + 1, ...b, maintMarginRatio: Number(b.maintMarginRatio), cum: Number(b.cum) })) })
    )
    expect(binance.ok && binance.value.brackets.ZERUSDT).toEqual(ZERO_FIRST_TIER)
    const tiers = ZERO_FIRST_TIER.map((b, i) => `{"tier": ${i + 1}.0, "maintenanceMarginRate": ${b.maintMarginRatio === '0' ? '0.0' : b.maintMarginRatio}, "info": {"bracket": "${i + 1}", "initialLeverage": "${b.initialLeverage}", "notionalCap": "${b.notionalCap}", "notionalFloor": "${b.notionalFloor}", "maintMarginRatio": "${b.maintMarginRatio === '0' ? '0.0' : b.maintMarginRatio}", "cum": "${b.cum}.0"}}`)
    const ccxt = parseBracketFile(`{"ZER/USDT:USDT": [${tiers.join(',')}]}`)
    expect(ccxt.ok && ccxt.value.brackets.ZERUSDT).toEqual(ZERO_FIRST_TIER)
  })
})
