// @vitest-environment happy-dom
// Components with real stores and the real engine; the chart is stubbed (happy-dom has no canvas).
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { compareScenario } from '../../src/shared/engine'
import BinanceImportDialog from '../../src/renderer/src/components/BinanceImportDialog.vue'
import ComparisonTable from '../../src/renderer/src/components/ComparisonTable.vue'
import ExplainButton from '../../src/renderer/src/components/ExplainButton.vue'
import ExplainPanel from '../../src/renderer/src/components/ExplainPanel.vue'
import FieldInput from '../../src/renderer/src/components/FieldInput.vue'
import LiquidationLadder from '../../src/renderer/src/components/LiquidationLadder.vue'
import PositionsEditor from '../../src/renderer/src/components/PositionsEditor.vue'
import RatioCell from '../../src/renderer/src/components/RatioCell.vue'
import ShockExplorer from '../../src/renderer/src/components/ShockExplorer.vue'
import SwitchPanel from '../../src/renderer/src/components/SwitchPanel.vue'
import VerdictBanner from '../../src/renderer/src/components/VerdictBanner.vue'
import { useComparisonStore } from '../../src/renderer/src/stores/comparison'
import { usePortfolioStore } from '../../src/renderer/src/stores/portfolio'
import { useUiStore } from '../../src/renderer/src/stores/ui'
import { bigHedgeBook } from '../helpers/big-book'
import { FAQ_MULTI, LP_ISOLATED, loadScenario } from './helpers'

let pinia: ReturnType<typeof createPinia>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
})
const global = () => ({ plugins: [pinia], stubs: { ShockChart: { template: '<div data-testid="shock-chart-stub" />', props: ['series', 'slider', 'xLabel'] } } })

describe('RatioCell', () => {
  it('shows a liquidated ratio with a word, not colour alone', () => {
    const w = mount(RatioCell, { props: { ratio: null, liquidated: true }, global: global() })
    expect(w.text()).toContain('LIQUIDATED')
    expect(w.find('.ratio').classes()).toContain('liquidated')
    const amber = mount(RatioCell, { props: { ratio: '0.6' }, global: global() })
    expect(amber.text()).toContain('60.0%')
    expect(amber.find('.ratio').classes()).toContain('amber')
  })
})

describe('SwitchPanel', () => {
  it('speaks of the switch made now, and says so while the columns show after the plan', () => {
    const s = loadScenario(FAQ_MULTI)
    const props = { result: compareScenario(s), mode: s.account.mode }
    const now = mount(SwitchPanel, { props, global: global() })
    expect(now.find('[data-testid="switch-now"]').exists()).toBe(false)
    const after = mount(SwitchPanel, { props: { ...props, beforePlan: true }, global: global() })
    expect(after.find('[data-testid="switch-now"]').text()).toBe('Now, before the plan (the columns show after it).')
  })
})

describe('VerdictBanner', () => {
  it('renders the sentence as text segments with the blocker in its own tone', () => {
    const s = loadScenario(LP_ISOLATED)
    const w = mount(VerdictBanner, { props: { result: compareScenario(s), scenario: s }, global: global() })
    expect(w.text()).toMatch(/Switching to Multi-Assets: worst margin ratio/)
    expect(w.find('.seg.blocked').text()).toMatch(/Blocked until/)
    expect(w.html()).not.toContain('<script')
  })
})

describe('ComparisonTable', () => {
  it('shows the same rows for both modes and colours Multi deltas for the user', async () => {
    const s = loadScenario(FAQ_MULTI)
    const single = { ...s, account: { ...s.account, mode: 'single-asset' as const } }
    const w = mount(ComparisonTable, { props: { result: compareScenario(single), scenario: single }, global: global() })
    const rows = w.findAll('tbody tr').map((r) => r.attributes('data-row'))
    expect(rows).toEqual(['ratio', 'balance', 'maintenance', 'available', 'idle', 'shock-to-liquidation', 'auto-exchange'])
    const ratioRow = w.find('tr[data-row="ratio"]')
    expect(ratioRow.find('td[data-col="single"]').text()).toContain('USDT')
    expect(ratioRow.find('td[data-col="multi"]').text()).toContain('48.0%')
    expect(w.find('thead').text()).toContain('current mode')
    // Every delta carries a spoken label saying better or worse.
    for (const d of w.findAll('.delta')) expect(d.attributes('aria-label')).toMatch(/better|worse|no change/)
    // A figure opens its explain panel.
    const panel = mount(ExplainPanel, { global: global(), attachTo: document.body })
    await ratioRow.find('td[data-col="multi"] button.figure').trigger('click')
    await nextTick()
    expect(panel.text()).toContain('Margin ratio (Multi-Assets)')
    expect(panel.text()).toContain('c983a9268cfa4e70a4916c276bb3b7bc')
    panel.unmount()
  })
})

describe('LiquidationLadder', () => {
  it('lists the nearest liquidation first and sorts by a column on click', async () => {
    const s = loadScenario(LP_ISOLATED)
    const w = mount(LiquidationLadder, { props: { result: compareScenario(s), scenario: s }, global: global() })
    const symbols = () => w.findAll('[data-testid="ladder"] tbody tr').map((r) => r.find('td').text().split(' ')[0])
    const nearest = symbols()
    expect(nearest).toHaveLength(2)
    expect(w.find('th[aria-sort="ascending"]').text()).toContain('Nearest')
    await w.findAll('button.sort').find((b) => b.text() === 'Symbol')!.trigger('click')
    expect(symbols()).toEqual([...nearest].sort())
  })

  it('renders only the rows coming into view when the window moves, not the rows kept', async () => {
    const s = bigHedgeBook(200)
    const w = mount(LiquidationLadder, { props: { result: compareScenario(s), scenario: s }, global: global() })
    // A row's explanations are built when it renders: the same objects mean it was not rendered again.
    const explanations = () => new Map(w.findAll('[data-testid="ladder"] tbody tr.row').map((r) => [r.attributes('aria-rowindex'), r.findAllComponents(ExplainButton).map((b: { props(name: 'explanation'): unknown }) => b.props('explanation'))]))
    const before = explanations()
    const scroller = w.get('[data-testid="ladder-scroller"]')
    // Past the kept margin (no layout here: the window takes its default 800 px viewport).
    ;(scroller.element as HTMLElement).scrollTop = 28 * 30
    await scroller.trigger('scroll')
    const after = explanations()
    const kept = [...after.keys()].filter((k) => before.has(k))
    const entered = [...after.keys()].filter((k) => !before.has(k))
    expect(kept.length).toBeGreaterThan(10)
    expect(entered.length).toBeGreaterThan(10)
    for (const k of kept) {
      expect(after.get(k)![0]).toBe(before.get(k)![0])
      expect(after.get(k)![1]).toBe(before.get(k)![1])
    }
  })
})

describe('PositionsEditor', () => {
  it('shows a problem under the field as you type, and the comparison stays on the last valid plan', async () => {
    const portfolio = usePortfolioStore()
    const cmp = useComparisonStore()
    portfolio.open(loadScenario(FAQ_MULTI))
    await nextTick()
    const before = cmp.columns
    const w = mount(PositionsEditor, { global: global() })
    const qty = w.get('input[aria-label="Position 1 quantity"]')
    await qty.setValue('6.4e4')
    expect(qty.classes()).toContain('invalid')
    const err = w.get(`#${qty.attributes('aria-describedby')}`)
    expect(err.text()).toMatch(/decimal/)
    expect(cmp.columns).toBe(before)
    await w.findAll('button').find((b) => b.text().includes('Add position'))!.trigger('click')
    expect(w.findAll('tbody tr')).toHaveLength(3)
    await w.get('button[aria-label^="Remove position 3"]').trigger('click')
    expect(w.findAll('tbody tr')).toHaveLength(2)
  })

  it('renders only the rows coming into view when its window moves, not the rows kept', async () => {
    usePortfolioStore().open(bigHedgeBook(200))
    await nextTick()
    const w = mount(PositionsEditor, { global: global() })
    // A row's fields get their messages when it renders: the same arrays mean it was not rendered again.
    const messages = () => new Map(w.findAll('[data-testid="positions-scroller"] tbody tr.row').map((r) => [r.attributes('aria-rowindex'), r.findAllComponents(FieldInput).map((f: { props(name: 'messages'): unknown }) => f.props('messages'))]))
    const before = messages()
    const scroller = w.get('[data-testid="positions-scroller"]')
    // Past the kept margin (no layout here: the window takes its default 800 px viewport).
    ;(scroller.element as HTMLElement).scrollTop = 34 * 30
    await scroller.trigger('scroll')
    const after = messages()
    const kept = [...after.keys()].filter((k) => before.has(k))
    const entered = [...after.keys()].filter((k) => !before.has(k))
    expect(kept.length).toBeGreaterThan(5)
    expect(entered.length).toBeGreaterThan(5)
    for (const k of kept) after.get(k)!.forEach((m: unknown, f: number) => expect(m).toBe(before.get(k)![f]))
    // An edit still reaches its row: a problem shows under the field typed in.
    const qty = w.get(`tr[aria-rowindex="${kept[0]}"] input[aria-label$="quantity"]`)
    await qty.setValue('6.4e4')
    expect(qty.classes()).toContain('invalid')
  })
})

describe('ShockExplorer', () => {
  it('has a slider per shock asset and one for all crypto, and the named shocks as a table', async () => {
    const portfolio = usePortfolioStore()
    const cmp = useComparisonStore()
    const s = loadScenario(FAQ_MULTI)
    portfolio.open({ ...s, market: { ...s.market, assets: { ...s.market.assets, BTC: { index: '20000', bidBuffer: '0.05', askBuffer: '0.05' } } }, shocks: [{ name: 'BTC -20%', moves: { BTC: '-0.2' } }] })
    await nextTick()
    const w = mount(ShockExplorer, { props: { result: cmp.result! }, global: global() })
    const sliders = w.findAll('input[type="range"]').map((i) => i.attributes('data-asset'))
    expect(sliders).toEqual(['*', 'BTC', 'ETH'])
    expect(w.find('[data-testid="shock-chart-stub"]').exists()).toBe(true)
    expect(w.get('[data-testid="named-shocks"]').text()).toContain('BTC -20%')
    await w.get('input[data-asset="ETH"]').setValue('-10')
    expect(cmp.moves.ETH).toBe(-10)
    expect(cmp.activeAsset).toBe('ETH')
  })
})

describe('BinanceImportDialog', () => {
  it('waits for a chosen file to be read before Import can run, so no chosen file is left out', async () => {
    useUiStore().binanceImportOpen = true
    const w = mount(BinanceImportDialog, { global: global(), attachTo: document.body })
    /** Chooses a file in an input; its text arrives when `finish` is called. */
    const choose = async (testId: string): Promise<() => Promise<void>> => {
      let finish!: () => void
      const text = new Promise<string>((resolve) => (finish = () => resolve('{}')))
      const input = w.get(`[data-testid="${testId}"]`)
      Object.defineProperty(input.element, 'files', { value: [{ name: `${testId}.json`, size: 2, text: () => text }], configurable: true })
      await input.trigger('change')
      return async () => {
        finish()
        await new Promise((r) => setTimeout(r, 0))
      }
    }
    const importButton = () => w.findAll('button').find((b) => ['Import', 'Reading…'].includes(b.text()))!
    await (await choose('bin-account'))()
    await (await choose('bin-risk'))()
    expect(importButton().attributes('disabled')).toBeUndefined()
    const ordersRead = await choose('bin-orders')
    expect(importButton().text()).toBe('Reading…')
    expect(importButton().attributes('disabled')).toBeDefined()
    await ordersRead()
    expect(importButton().text()).toBe('Import')
    expect(importButton().attributes('disabled')).toBeUndefined()
    w.unmount()
  })
})
