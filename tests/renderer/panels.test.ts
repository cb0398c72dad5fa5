// @vitest-environment happy-dom
// The second half of issue 4's UI with real stores and the real engine; window.api is a stub
// recording calls: the market panel (edit in place, each problem under its field, the last valid
// comparison kept), Binance's own liquidation price in the ladder (only when present), the save
// conflict dialog, the trash, a revision read-only, the positions CSV dry run then confirm.
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick, watch } from 'vue'
import { compareScenario, type CompareResult } from '../../src/shared/engine'
import LiquidationLadder from '../../src/renderer/src/components/LiquidationLadder.vue'
import MarketPanel from '../../src/renderer/src/components/MarketPanel.vue'
import { useComparisonStore } from '../../src/renderer/src/stores/comparison'
import { useLibraryStore } from '../../src/renderer/src/stores/library'
import { useMarketStore } from '../../src/renderer/src/stores/market'
import { usePortfolioStore } from '../../src/renderer/src/stores/portfolio'
import { usePositionsCsvStore } from '../../src/renderer/src/stores/positions-csv'
import { useUiStore } from '../../src/renderer/src/stores/ui'
import { FAQ_MULTI, loadScenario } from './helpers'

let pinia: ReturnType<typeof createPinia>
let calls: { name: string; request: unknown }[]
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  calls = []
})
afterEach(() => {
  delete (window as { api?: unknown }).api
})

/** window.api with these answers (anything else: ok with an empty value). */
function stubApi(answers: Record<string, (request: unknown) => unknown>): void {
  const api = new Proxy(
    {},
    {
      get: (_t, name: string) => async (request: unknown) => {
        calls.push({ name, request })
        return answers[name] ? answers[name]!(request) : { ok: true, value: name.startsWith('list') ? [] : {} }
      }
    }
  )
  ;(window as { api?: unknown }).api = api
}

/** Answers the next confirm dialog with this choice. */
function answerConfirm(choice: string): void {
  const ui = useUiStore()
  const stop = watch(
    () => ui.confirmRequest,
    (r) => {
      if (r) {
        stop()
        r.resolve(choice)
      }
    }
  )
}

const portfolioOf = (id: number, revision: number, scenario = loadScenario(FAQ_MULTI)) => ({ id, revision, name: scenario.name, tags: [], symbols: [], createdAt: '', updatedAt: '', deletedAt: null, notes: '', scenario })

describe('MarketPanel', () => {
  it('edits a mark in place: the problem under its field, the last valid comparison kept', async () => {
    const p = usePortfolioStore()
    const c = useComparisonStore()
    p.open(loadScenario(FAQ_MULTI))
    await nextTick()
    const w = mount(MarketPanel, { global: { plugins: [pinia] } })
    const symbol = Object.keys(p.valid!.market.symbols)[0]!
    const before = c.columns
    const input = w.get(`input[aria-label="${symbol} mark price"]`)
    await input.setValue('12x')
    expect(p.problems.map((x) => x.path)).toEqual([`market.symbols.${symbol}.markPrice`])
    expect(w.get(`#err-market-symbols-${symbol}-markPrice`).text()).toMatch(/decimal/)
    expect(input.classes()).toContain('invalid')
    expect(c.columns).toBe(before)
    await input.setValue('20000')
    await nextTick()
    expect(p.isValid).toBe(true)
    expect(p.valid!.market.symbols[symbol]!.markPrice).toBe('20000')
    expect(c.columns).not.toBe(before)
    // An optional buffer may be cleared; it leaves the file.
    const asset = Object.keys(p.valid!.market.assets).find((a) => p.valid!.market.assets[a]!.bidBuffer !== undefined)!
    await w.get(`input[aria-label="${asset} bid buffer"]`).setValue('')
    expect((p.draft as { market: { assets: Record<string, object> } }).market.assets[asset]).not.toHaveProperty('bidBuffer')
  })
})

describe('LiquidationLadder: Binance liq.', () => {
  const s = loadScenario(FAQ_MULTI)
  it('renders nothing of Binance when the fields are absent', () => {
    const w = mount(LiquidationLadder, { props: { result: compareScenario(s), scenario: s }, global: { plugins: [pinia] } })
    expect(w.text()).not.toContain('Binance liq.')
    expect(w.find('td[data-col="binance"]').exists()).toBe(false)
  })
  it('shows Binance liq. with a flag where it differs from ours', () => {
    const r = compareScenario(s)
    const mode = s.account.mode === 'multi-assets' ? 'multiAssets' : 'singleAsset'
    const positions = r[mode].positions.map((p, i) => ({ ...p, binanceLiquidationPrice: i === 0 ? '12345.6' : p.liquidationPrice, liquidationPriceDifference: i === 0 ? '-120.5' : '0', differsFromBinance: i === 0, binanceMarkDiffers: false }))
    const result = { ...r, [mode]: { ...r[mode], positions } } as CompareResult
    const w = mount(LiquidationLadder, { props: { result, scenario: s }, global: { plugins: [pinia] } })
    expect(w.text()).toContain('Binance liq.')
    const cells = w.findAll('td[data-col="binance"]')
    expect(cells).toHaveLength(s.account.positions.length)
    const flagged = cells.filter((c) => c.text().includes('≠ ours'))
    expect(flagged).toHaveLength(1)
    expect(flagged[0]!.text()).toContain('12,345.6')
    expect(flagged[0]!.find('.differs').attributes('aria-label')).toContain('-120.5')
  })
})

describe('library store', () => {
  it('+ New shows the new portfolio on its Positions tab from the first frame, not after the revisions load', async () => {
    let revisionsAsked!: () => void
    const asked = new Promise<void>((resolve) => (revisionsAsked = resolve))
    stubApi({
      createPortfolio: (r) => ({ ok: true, value: portfolioOf(9, 1, (r as { scenario: ReturnType<typeof loadScenario> }).scenario) }),
      // The revisions answer late: whatever shows meanwhile is what the user sees first.
      listRevisions: () => {
        revisionsAsked()
        return new Promise(() => {})
      }
    })
    const ui = useUiStore()
    const p = usePortfolioStore()
    void useLibraryStore().create()
    await asked
    expect(p.id).toBe(9)
    expect(ui.tab).toBe('positions')
  })

  it('an imported account opens on its comparison tab from the first frame', async () => {
    let revisionsAsked!: () => void
    const asked = new Promise<void>((resolve) => (revisionsAsked = resolve))
    stubApi({
      importAccount: () => ({ ok: true, value: { portfolio: { id: 4, name: 'Imported' }, notes: [] } }),
      getPortfolio: () => ({ ok: true, value: portfolioOf(4, 1) }),
      listRevisions: () => {
        revisionsAsked()
        return new Promise(() => {})
      }
    })
    const ui = useUiStore()
    ui.tab = 'positions'
    const file = { name: 'f.json', text: '{}' }
    void useLibraryStore().importBinanceTexts({ account: file, positionRisk: file })
    await asked
    expect(usePortfolioStore().id).toBe(4)
    expect(ui.tab).toBe('ladder')
  })

  it('a save conflict offers to keep my edits as a copy', async () => {
    stubApi({
      savePortfolio: () => ({ ok: false, error: { code: 'CONFLICT', message: 'saved over revision 1; the portfolio is at revision 2' } }),
      createPortfolio: (r) => ({ ok: true, value: portfolioOf(9, 1, (r as { scenario: ReturnType<typeof loadScenario> }).scenario) })
    })
    const p = usePortfolioStore()
    const lib = useLibraryStore()
    p.openPortfolio(portfolioOf(3, 1))
    p.setField(['account', 'balances', 0, 'wallet'], '999')
    answerConfirm('copy')
    expect(await lib.save()).toBe(true)
    const created = calls.find((c) => c.name === 'createPortfolio')!.request as { scenario: { name: string; account: { balances: { wallet: string }[] } } }
    expect(created.scenario.name).toMatch(/\(my copy\)$/)
    expect(created.scenario.account.balances[0]!.wallet).toBe('999')
    expect(p.id).toBe(9)
    expect(p.dirty).toBe(false)
  })

  it('a save conflict can reload theirs, dropping my edits', async () => {
    stubApi({
      savePortfolio: () => ({ ok: false, error: { code: 'CONFLICT', message: 'conflict' } }),
      getPortfolio: () => ({ ok: true, value: portfolioOf(3, 2) })
    })
    const p = usePortfolioStore()
    p.openPortfolio(portfolioOf(3, 1))
    p.setField(['account', 'balances', 0, 'wallet'], '999')
    answerConfirm('theirs')
    expect(await useLibraryStore().save()).toBe(false)
    expect(p.revision).toBe(2)
    expect(p.dirty).toBe(false)
    expect(calls.some((c) => c.name === 'createPortfolio')).toBe(false)
  })

  it('empties the trash only after a confirmation', async () => {
    stubApi({ listPortfolios: (r) => ({ ok: true, value: (r as { trash?: boolean }).trash ? [portfolioOf(4, 1)] : [] }), emptyTrash: () => ({ ok: true, value: { deleted: 1 } }) })
    const lib = useLibraryStore()
    await lib.refreshTrash()
    expect(lib.trash).toHaveLength(1)
    answerConfirm('cancel')
    await lib.emptyTrash()
    expect(calls.some((c) => c.name === 'emptyTrash')).toBe(false)
    answerConfirm('empty')
    await lib.emptyTrash()
    expect(calls.some((c) => c.name === 'emptyTrash')).toBe(true)
  })

  it('shows a past revision read-only with its own comparison', async () => {
    const old = loadScenario(FAQ_MULTI)
    stubApi({ getRevision: () => ({ ok: true, value: { revision: 1, reason: 'create', name: old.name, savedAt: '2026-03-05T00:00:00Z', current: false, tags: [], scenario: old } }) })
    const p = usePortfolioStore()
    p.openPortfolio(portfolioOf(3, 2))
    const draftBefore = JSON.stringify(p.draft)
    const lib = useLibraryStore()
    await lib.viewRevision(1)
    expect(lib.revisionView!.revision).toBe(1)
    expect(lib.revisionView!.result!.multiAssets.marginRatio).toMatch(/^0\.479/)
    expect(JSON.stringify(p.draft)).toBe(draftBefore)
  })
})

describe('positions CSV store', () => {
  it('dry-runs first, switches mode, then confirms with the base revision and reloads', async () => {
    const preview = { mode: 'replace', rows: 1, before: [], after: [], changes: [{ change: 'changed', symbol: 'BTCUSDT', before: null, after: null }], unchanged: 0 }
    stubApi({
      importPositionsCsv: (r) => ({ ok: true, value: { preview: { ...preview, mode: (r as { mode: string }).mode }, portfolio: (r as { dryRun?: boolean }).dryRun ? null : portfolioOf(3, 2) } }),
      getPortfolio: () => ({ ok: true, value: portfolioOf(3, 2) })
    })
    const p = usePortfolioStore()
    p.openPortfolio(portfolioOf(3, 1))
    const csv = usePositionsCsvStore()
    await csv.load('book.csv', 'symbol,side\n')
    expect(csv.preview!.rows).toBe(1)
    await csv.setMode('append')
    expect(csv.preview!.mode).toBe('append')
    expect(calls.filter((c) => c.name === 'importPositionsCsv').every((c) => (c.request as { dryRun?: boolean }).dryRun === true)).toBe(true)
    expect(await csv.confirm()).toBe(true)
    const last = calls.filter((c) => c.name === 'importPositionsCsv').at(-1)!.request as { dryRun?: boolean; mode: string; baseRevision: number }
    expect(last).toMatchObject({ mode: 'append', baseRevision: 1 })
    expect(last.dryRun).toBeUndefined()
    expect(p.revision).toBe(2)
    expect(csv.file).toBeNull()
  })

  it('keeps row errors from a refused CSV and does not confirm', async () => {
    stubApi({ importPositionsCsv: () => ({ ok: false, error: { code: 'BAD_INPUT', message: 'the CSV was refused', problems: [{ path: 'row 2, quantity', message: 'expected a decimal' }] } }) })
    usePortfolioStore().openPortfolio(portfolioOf(3, 1))
    const csv = usePositionsCsvStore()
    await csv.load('bad.csv', 'x')
    expect(csv.preview).toBeNull()
    expect(csv.problems.map((x) => x.path)).toEqual(['row 2, quantity'])
    expect(await csv.confirm()).toBe(false)
    vi.restoreAllMocks()
  })
})

describe('market store', () => {
  it('imports each file on its own: a refused one is reported by path, a good one becomes a snapshot', async () => {
    stubApi({
      importMarket: (r) =>
        (r as { fileName: string }).fileName === 'bad.json'
          ? { ok: false, error: { code: 'BAD_INPUT', message: 'refused', problems: [{ path: '[0].brackets[1].cum', message: 'cum must be 50' }] } }
          : { ok: true, value: { kind: 'premiumIndex', name: 'p', asOf: '2026-03-05T00:00:00Z', symbols: 2, assets: 0, warnings: [], snapshot: { id: 7 } } },
      listSnapshots: () => ({ ok: true, value: [{ id: 7, name: 'p', kind: 'premiumIndex', asOf: '2026-03-05T00:00:00Z', source: null, symbols: 2, assets: 0, createdAt: '' }] })
    })
    const m = useMarketStore()
    const ids = await m.importFiles([
      { name: 'bad.json', text: '[]' },
      { name: 'good.json', text: '[]' }
    ])
    expect(ids).toEqual([7])
    expect(m.reports.map((r) => [r.fileName, r.ok])).toEqual([
      ['bad.json', false],
      ['good.json', true]
    ])
    expect(m.reports[0]!.problems[0]!.path).toBe('[0].brackets[1].cum')
    expect(m.reports[1]!.message).toBe('premiumIndex: 2 symbols as of 2026-03-05T00:00:00Z')
    expect(m.snapshots).toHaveLength(1)
  })

  it('applies a snapshot to the saved portfolio (asking about edits first) and reloads it', async () => {
    stubApi({
      applySnapshot: () => ({ ok: true, value: { portfolio: portfolioOf(3, 3), symbolsUpdated: ['BTCUSDT'], assetsUpdated: [], symbolsMissing: [], assetsMissing: ['BTC'] } }),
      getPortfolio: () => ({ ok: true, value: portfolioOf(3, 3) })
    })
    const p = usePortfolioStore()
    p.openPortfolio(portfolioOf(3, 2))
    p.setField(['account', 'balances', 0, 'wallet'], '999')
    const m = useMarketStore()
    answerConfirm('cancel')
    expect(await m.apply(7)).toBe(false)
    expect(calls.some((c) => c.name === 'applySnapshot')).toBe(false)
    answerConfirm('discard')
    expect(await m.apply(7)).toBe(true)
    expect(calls.find((c) => c.name === 'applySnapshot')!.request).toEqual({ snapshotId: 7, portfolioId: 3 })
    expect(p.revision).toBe(3)
    expect(p.dirty).toBe(false)
    expect(m.applied!.assetsMissing).toEqual(['BTC'])
  })

  it('deletes a snapshot only after a confirmation', async () => {
    stubApi({})
    const m = useMarketStore()
    answerConfirm('cancel')
    await m.remove(7)
    expect(calls.some((c) => c.name === 'deleteSnapshot')).toBe(false)
    answerConfirm('delete')
    await m.remove(7)
    expect(calls.some((c) => c.name === 'deleteSnapshot')).toBe(true)
  })
})
