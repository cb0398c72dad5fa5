// @vitest-environment happy-dom
// The Stress grid tab with the real stores and the real engine (inline: happy-dom has no Worker):
// the default axes, both maps on one scale equal to the engine's grid, the readout on hover and
// on the keyboard, click applying the cell as a shock to the columns, the table toggle, and
// Export report… sending the scenario on screen.
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { prepareAccount } from '../../src/shared/engine'
import { stressGrid } from '../../src/shared/engine/grid'
import { cellText, heatFill } from '../../src/shared/present/grid-map'
import StressGridPanel from '../../src/renderer/src/components/StressGridPanel.vue'
import { useComparisonStore } from '../../src/renderer/src/stores/comparison'
import { useGridStore } from '../../src/renderer/src/stores/grid'
import { usePortfolioStore } from '../../src/renderer/src/stores/portfolio'
import { loadScenario } from './helpers'

const EXAMPLE = 'resources/examples/btc-eth-collateral.mpscenario.json'
let calls: { name: string; request: unknown }[]
beforeEach(() => {
  setActivePinia(createPinia())
  calls = []
  ;(window as { api?: unknown }).api = new Proxy(
    {},
    {
      get: (_t, name: string) => async (request: unknown) => {
        calls.push({ name, request })
        return name === 'exportReport' ? { ok: true, value: { saved: true, fileName: 'r.report.html' } } : { ok: true, value: {} }
      }
    }
  )
})
afterEach(() => {
  delete (window as { api?: unknown }).api
})

async function mountPanel() {
  const portfolio = usePortfolioStore()
  portfolio.open(loadScenario(EXAMPLE))
  const wrapper = mount(StressGridPanel)
  await nextTick()
  await nextTick()
  return { wrapper, portfolio, grid: useGridStore(), cmp: useComparisonStore() }
}

describe('Stress grid tab', () => {
  it('defaults to the two largest exposures and draws both maps from the engine’s grid', async () => {
    const { wrapper, grid, portfolio } = await mountPanel()
    expect([grid.x, grid.y]).toEqual(['ETH', 'SOL'])
    const expected = stressGrid(prepareAccount(portfolio.valid!), { x: 'ETH', y: 'SOL', range: '0.5', steps: 21 })
    expect(grid.grid).toEqual(expected)
    const maps = wrapper.findAll('figure.heat-map')
    expect(maps.map((m) => m.attributes('data-mode'))).toEqual(['singleAsset', 'multiAssets'])
    const cells = maps[0]!.findAll('rect.cell')
    expect(cells).toHaveLength(441)
    // One colour scale: each cell's fill is the band colour of its figure.
    const corner = cells.find((c) => c.attributes('data-i') === '0' && c.attributes('data-j') === '0')!
    expect(corner.attributes('fill')).toBe(heatFill(expected.cells[0]![0]!.singleAsset.worstMarginRatio, expected.cells[0]![0]!.singleAsset.liquidated))
    expect(maps[0]!.findAll('rect.cell[data-liquidated="1"]')).toHaveLength(163)
    expect(maps[0]!.findAll('line.boundary').length).toBeGreaterThan(20)
    expect(maps[1]!.findAll('line.boundary')).toHaveLength(0)
    expect(maps[0]!.find('circle.today').exists()).toBe(true)
  })

  it('hover shows the cell’s figures; click applies it as a shock to the columns', async () => {
    const { wrapper, cmp, grid } = await mountPanel()
    const figures = grid.grid!.cells[14]![4]!
    const cell = wrapper.findAll('figure.heat-map')[0]!.findAll('rect.cell').find((c) => c.attributes('data-i') === '4' && c.attributes('data-j') === '14')!
    await cell.trigger('mouseenter')
    expect(wrapper.get('[data-testid="grid-readout"]').text()).toBe(`ETH -30%, SOL +20% · Single-Asset ${cellText(figures, 'singleAsset')} · Multi-Assets ${cellText(figures, 'multiAssets')}`)
    expect(cellText(figures, 'singleAsset')).toMatch(/% caution$/)
    await cell.trigger('click')
    expect(cmp.moves).toEqual({ ETH: -30, SOL: 20 })
    expect(cmp.shocked).toBe(true)
  })

  it('the keyboard chooses a cell with the arrows and applies it with Enter', async () => {
    const { wrapper, cmp } = await mountPanel()
    const svg = wrapper.findAll('figure.heat-map')[1]!.get('svg')
    await svg.trigger('focus')
    await svg.trigger('keydown', { key: 'ArrowLeft' })
    await svg.trigger('keydown', { key: 'ArrowUp' })
    expect(wrapper.get('[data-testid="grid-readout"]').text()).toMatch(/^ETH -5%, SOL \+5% ·/)
    expect(svg.attributes('aria-label')).toContain('Selected: ETH -5%, SOL +5%')
    await svg.trigger('keydown', { key: 'Enter' })
    expect(cmp.moves).toEqual({ ETH: -5, SOL: 5 })
  })

  it('changing an axis recomputes; the table toggle lists every cell in words', async () => {
    const { wrapper, grid } = await mountPanel()
    await wrapper.get('[data-testid="grid-y"]').setValue('BTC')
    await nextTick()
    expect([grid.x, grid.y]).toEqual(['ETH', 'BTC'])
    expect(grid.grid!.y.asset).toBe('BTC')
    await wrapper.get('[data-testid="grid-table-toggle"]').trigger('click')
    expect(wrapper.get('[data-testid="grid-table-toggle"]').attributes('aria-pressed')).toBe('true')
    expect(wrapper.find('figure.heat-map').exists()).toBe(false)
    const table = wrapper.get('[data-testid="grid-table"]')
    expect(table.findAll('tbody tr')).toHaveLength(21)
    expect(table.findAll('tbody tr')[0]!.get('th').text()).toBe('+50%')
    expect(table.text()).toContain('LIQUIDATED / ')
    // Another portfolio: its own largest exposures again.
    const { portfolio } = { portfolio: usePortfolioStore() }
    portfolio.open(loadScenario('resources/examples/hedge-mode-isolated-blocked.mpscenario.json'))
    await nextTick()
    expect([grid.x, grid.y]).toEqual(['BTC', 'ETH'])
  })

  it('Export report… sends the valid scenario on screen; an invalid draft is not sent', async () => {
    const { wrapper, portfolio } = await mountPanel()
    await wrapper.get('[data-testid="export-report"]').trigger('click')
    await nextTick()
    expect(calls.filter((c) => c.name === 'exportReport')).toEqual([{ name: 'exportReport', request: { scenario: portfolio.valid } }])
    portfolio.setField(['account', 'balances', 0, 'wallet'], 'abc')
    await wrapper.get('[data-testid="export-report"]').trigger('click')
    expect(calls.filter((c) => c.name === 'exportReport')).toHaveLength(1)
  })
})
