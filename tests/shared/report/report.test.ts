// The HTML report (scenario-format.md §4): one self-contained string, content in reading order,
// every user string escaped, nothing that could load anything.
import { describe, expect, it } from 'vitest'
import { compareScenario, prepareAccount } from '../../../src/shared/engine'
import { defaultGridAxes } from '../../../src/shared/engine/exposure'
import { stressGrid } from '../../../src/shared/engine/grid'
import { buildVerdict } from '../../../src/shared/present/verdict'
import { buildReport } from '../../../src/shared/report/build-report'
import { renderReport } from '../../../src/shared/report/report'
import { formatLiquidationPrice } from '../../../src/shared/format'
import { pricePlaces } from '../../../src/shared/present/figures'
import { loadScenario, validScenario } from '../../helpers/scenarios'

const example = (name: string) => loadScenario(`resources/examples/${name}.mpscenario.json`)

/** Anything that would make a browser fetch: attributes, CSS, imports, scripts, frames. */
const LOADS = /\b(src|href|srcset|action|poster|data)\s*=|url\(|@import|<script|<iframe|<object|<embed|<link|<img|<base/i

describe('the report', () => {
  it('is one HTML document with no script and nothing that loads, under a CSP that forbids loading', () => {
    const html = buildReport(example('btc-eth-collateral'), '2026-12-01T10:00:00Z')
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html.match(/<html/g)).toHaveLength(1)
    expect(html).not.toMatch(LOADS)
    expect(html).not.toMatch(/https?:\/\/|\/\/[a-z]/i)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`)
    expect(html).toContain('@page { size: A4;')
  })

  it('says, in reading order: verdict, both modes, positions, shocks, shock to liquidation, grid, sources and rules', () => {
    const scenario = example('btc-eth-collateral')
    const html = buildReport(scenario, '2026-12-01T10:00:00Z')
    const verdict = buildVerdict(compareScenario(scenario), scenario)
      .segments.map((s) => s.text)
      .join('')
    const text = html.replace(/<[^>]+>/g, '')
    expect(text).toContain(verdict.replace(/'/g, '&#39;'))
    const order = ['Switching to Multi-Assets', 'Both modes side by side', 'Positions and liquidation prices', 'Shocks', 'Shock to liquidation', 'Stress grid: ETH × SOL', 'Market data, rules and decisions']
    const at = order.map((h) => text.indexOf(h))
    expect(at.every((x) => x >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(text).toContain('Market as of 2026-03-05T00:00:00Z. Source: Brackets: Binance GET /fapi/v1/leverageBracket on 2026-03-05')
    // The single-asset liquidation price of ETHUSDT, rounded against the long.
    const eth = compareScenario(scenario).singleAsset.positions[0]!
    expect(text).toContain(formatLiquidationPrice(eth.liquidationPrice, 'long', pricePlaces(eth.markPrice)))
    // Both heat maps, one rect per cell, and the two ratio charts.
    expect(html.match(/<svg class="heat"/g)).toHaveLength(2)
    expect(html.match(/<rect x="\d+(\.\d+)?" y="\d+(\.\d+)?" width="13"/g)).toHaveLength(2 * 441)
    expect(html.match(/<figure class="chart">/g)).toHaveLength(2)
    expect(text).toContain('163 of 441 cells liquidated')
    expect(text).toContain('no cell is liquidated')
  })

  it('escapes every user string: name, notes, source, shock names', () => {
    const base = example('btc-eth-collateral')
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&'
    const scenario = validScenario({ ...base, name: `Book ${evil}`, notes: evil, market: { ...base.market, source: evil }, shocks: [{ name: evil, moves: { ETH: '-0.2' } }] })
    const html = buildReport(scenario)
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;')
    expect(html).toContain('<title>Book &lt;script&gt;')
  })

  it('renders the plan of a version 2 result when there is one, and leaves it out otherwise', () => {
    const scenario = example('usdc-position-needs-multi-assets')
    const result = compareScenario(scenario)
    const account = prepareAccount(scenario)
    const grid = stressGrid(account, { ...defaultGridAxes(account)!, range: '0.5', steps: 5 })
    expect(renderReport({ scenario, result, grid, sweeps: [] })).not.toContain('The plan, step by step')
    // The bundled version 2 example: its USDC trade is refused in Single-Asset Mode (−2019).
    const withPlan = example('usdc-trade-needs-multi-assets')
    const planned = compareScenario(withPlan)
    expect(planned.plan).toBeDefined()
    const html = renderReport({ scenario: withPlan, result: planned, grid, sweeps: [] })
    const text = html.replace(/<[^>]+>/g, '')
    expect(text).toContain('The plan, step by step')
    expect(text).toContain('Buy 2 ETHUSDC at mark, taker, 10×')
    expect(text).toContain('✗ refused (-2019): buy 2 ETHUSDC needs 410.06 USDC of margin; Single-Asset Mode has 250.00 USDC available for order.')
    expect(text).toContain('✓ accepted · cost 410.06')
    expect(text).toContain('Sell 0.08 BTCUSDT at 70,400, maker')
    expect(text).toContain('After the plan: Single-Asset margin ratio USDT 0.3%, USDC —; Multi-Assets 0.4%.')
    expect(text.indexOf('The plan, step by step')).toBeGreaterThan(text.indexOf('Stress grid'))
  })

  it('a book with one base asset has no grid and says so', () => {
    const base = example('btc-eth-collateral')
    const scenario = validScenario({ ...base, account: { ...base.account, balances: [{ asset: 'USDT', wallet: '6000' }], positions: base.account.positions.slice(0, 1) } })
    const html = buildReport(scenario)
    expect(html).toContain('fewer than two assets to move: no grid')
    expect(html.match(/<figure class="chart">/g)).toHaveLength(1)
  })
})
