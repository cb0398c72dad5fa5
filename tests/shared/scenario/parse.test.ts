// Scenario file v1 (scenario-format.md §1): all-or-nothing parsing, problems by JSON path, the
// canonical writer.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseScenario, writeScenario } from '../../../src/shared/scenario'
import { ROOT } from '../../helpers/scenarios'

const exampleText = readFileSync(resolve(ROOT, 'resources/examples/hedge-mode-isolated-blocked.mpscenario.json'), 'utf8')
const problems = (text: string) => {
  const r = parseScenario(text)
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`)
}

describe('parseScenario', () => {
  it('accepts every bundled example, and the canonical writer reproduces it byte for byte', () => {
    const r = parseScenario(exampleText)
    expect(r.ok).toBe(true)
    if (r.ok) expect(writeScenario(r.value)).toBe(exampleText)
  })

  it('refuses duplicate keys, which JSON.parse would silently drop', () => {
    const text = exampleText.replace('"name": "Hedge-mode', '"name": "first", "name": "Hedge-mode')
    expect(problems(text)).toEqual(['name: duplicate key'])
  })

  it('names where the text stops being JSON', () => {
    expect(problems('{\n  "format": "margin-planner/scenario",\n  "version": 1,\n}')).toEqual(["(file): not valid JSON at line 4, column 1: expected '\"', found '}'"])
    expect(problems('')[0]).toMatch(/^\(file\): not valid JSON/)
  })

  it('keeps `extensions` untouched and refuses unknown keys elsewhere', () => {
    const s = JSON.parse(exampleText)
    s.extensions = { myTool: { colour: 'teal', weights: [1, 2.5] } }
    const r = parseScenario(JSON.stringify(s))
    expect(r.ok && r.value.extensions).toEqual({ myTool: { colour: 'teal', weights: [1, 2.5] } })
    s.market.assets.USDT.comment = 'x'
    expect(problems(JSON.stringify(s))).toEqual(['market.assets.USDT.comment: unknown key (only "extensions" may hold keys of your own)'])
  })

  it('lists every problem at once, by path', () => {
    const s = JSON.parse(exampleText)
    s.account.positions[0].side = 'up'
    s.account.positions[1].leverage = 2.5
    s.account.balances[0].wallet = '1,000'
    delete s.market.asOf
    expect(problems(JSON.stringify(s))).toEqual([
      'account.balances[0].wallet: expected a decimal string, got "1,000"',
      'account.positions[0].side: expected one of "long"|"short", got "up"',
      'account.positions[1].leverage: expected an integer, got 2.5',
      'market.asOf: required'
    ])
  })

  it('refuses an isolated position in hedge mode twice on one side, and a cross one with an isolated wallet', () => {
    const s = JSON.parse(exampleText)
    s.account.positions.push({ ...s.account.positions[1] })
    s.account.positions[0].isolatedWallet = '10'
    expect(problems(JSON.stringify(s))).toEqual([
      'account.positions[0].isolatedWallet: a cross position has no isolatedWallet',
      'account.positions[4].symbol: hedge mode holds at most one short per symbol; BTCUSDT short is already at account.positions[1]'
    ])
  })

  it('refuses exchange numbers out of range: index ≤ 0, buffers outside [0, 1), a positive Auto-Exchange threshold, moves ≤ −1', () => {
    const s = JSON.parse(exampleText)
    s.market.assets.BNB.index = '0'
    s.market.assets.BNB.bidBuffer = '1'
    s.market.assets.USDT.autoExchangeThreshold = '5000'
    s.shocks[0].moves.BTC = '-1'
    expect(problems(JSON.stringify(s))).toEqual([
      'market.assets.USDT.autoExchangeThreshold: the Auto-Exchange threshold is a negative balance, got 5000',
      'market.assets.BNB.index: the index price must be positive, got 0',
      'market.assets.BNB.bidBuffer: a buffer must be at least 0 and below 1, got 1',
      'shocks[0].moves.BTC: a move must be above -1 (a price cannot fall 100% or more), got -1'
    ])
  })

  it('refuses bracket tables with a gap or not starting at 0', () => {
    const s = JSON.parse(exampleText)
    s.market.symbols.BTCUSDC.brackets[1].notionalFloor = '60000'
    s.market.symbols.ETHUSDT.brackets[0].notionalFloor = '10'
    const p = problems(JSON.stringify(s))
    expect(p).toContain('market.symbols.BTCUSDC.brackets[1].notionalFloor: bracket 2 of BTCUSDC must start where bracket 1 ends (50000), got 60000')
    expect(p).toContain('market.symbols.ETHUSDT.brackets[0].notionalFloor: the first bracket of ETHUSDT must start at 0, got 10')
  })
})
