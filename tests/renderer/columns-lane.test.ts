// @vitest-environment happy-dom
// Both columns are computed in a worker (stores/comparison.ts): the shock-to-liquidation search
// is asked for at the same moment on open (not after the columns), an answer for a portfolio no
// longer open is dropped, the columns shown always come with the scenario they were computed on,
// and an engine refusal keeps the last good columns. The Worker is a fake that answers with the
// real compute (logic/slider-compute.ts) when the test says so, in any order. On open the sliders
// wait for the search and the columns' frame; the search's and the columns' workers are asked to warm up.
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { computeSlider, type FromWorker, type SliderRequest, type ToWorker } from '../../src/renderer/src/logic/slider-compute'
import { COLUMNS_WARM_ROUNDS, useComparisonStore, WARM_ROUNDS } from '../../src/renderer/src/stores/comparison'
import { usePortfolioStore } from '../../src/renderer/src/stores/portfolio'
import { compareScenario, prepareAccount, shockAssets } from '../../src/shared/engine'
import type { Scenario } from '../../src/shared/scenario'
import { FAQ_MULTI, loadScenario } from './helpers'

const OTHER = 'resources/examples/btc-eth-collateral.mpscenario.json'
/** A frame or a typing pause away; generous for a busy CI machine (a wait ends as soon as it holds). */
const WAIT = { timeout: 5000 }

class FakeWorker {
  static all: FakeWorker[] = []
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null = null
  onerror: ((ev: Event) => void) | null = null
  scenarios = new Map<number, Scenario>()
  waiting: { gen: number; seq: number; request: SliderRequest }[] = []
  constructor() {
    FakeWorker.all.push(this)
  }
  warmed: SliderRequest[] = []
  postMessage(m: ToWorker): void {
    if (m.type === 'scenario') this.scenarios.set(m.gen, structuredClone(m.scenario))
    else if (m.type === 'warm') this.warmed.push(m.request)
    else this.waiting.push({ gen: m.gen, seq: m.seq, request: m.request })
  }
  terminate(): void {}
}

/** The requests of this kind waiting in any worker. */
const waiting = (kind: SliderRequest['kind']): { w: FakeWorker; i: number }[] =>
  FakeWorker.all.flatMap((w) => w.waiting.map((r, i) => ({ w, i, r })).filter((x) => x.r.request.kind === kind)).map(({ w, i }) => ({ w, i }))

/** Answer the oldest waiting request of this kind as the worker would (plain JSON, by structured clone). */
function answer(kind: SliderRequest['kind'], override?: FromWorker['answer']): void {
  const found = waiting(kind)[0]
  if (!found) throw new Error(`no ${kind} request waiting`)
  const [r] = found.w.waiting.splice(found.i, 1)
  const s = found.w.scenarios.get(r!.gen)!
  const out: FromWorker = { gen: r!.gen, seq: r!.seq, answer: override ?? computeSlider(s, r!.request), ms: 1 }
  found.w.onmessage!({ data: structuredClone(out) } as MessageEvent<FromWorker>)
}

beforeEach(() => {
  FakeWorker.all = []
  vi.stubGlobal('Worker', FakeWorker)
  setActivePinia(createPinia())
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the columns in a worker', () => {
  it('asks for the search at once on open, drops the answers of a portfolio no longer open, and pairs the columns with their scenario', async () => {
    const p = usePortfolioStore()
    const c = useComparisonStore()
    expect(c.inWorker).toBe(true)
    p.open(loadScenario(FAQ_MULTI))
    await nextTick()
    // Nothing computed in the page: both asked of their workers at the same moment.
    expect(c.columns).toBeNull()
    expect(c.columnsPending).toBe(true)
    expect(waiting('columns')).toHaveLength(1)
    expect(waiting('stl')).toHaveLength(1)

    // Another portfolio opens before the first one's answers arrive.
    p.open(loadScenario(OTHER))
    await nextTick()
    const other = p.valid!
    answer('columns')
    answer('stl')
    expect(c.columns).toBeNull()
    expect(c.stl).toEqual([])
    expect(c.columnsPending).toBe(true)

    answer('columns')
    expect(c.columnsPending).toBe(false)
    expect(c.columnsScenario).toBe(other)
    expect(c.columns).toEqual(compareScenario(other, { shockToLiquidation: false }))
    expect(c.assets).toEqual(shockAssets(prepareAccount(other)))
    expect(c.stlPending).toBe(true)
    answer('stl')
    expect(c.stlPending).toBe(false)
    expect(c.today!.shockToLiquidation).toEqual(compareScenario(other).shockToLiquidation)
  })

  it('keeps the last good columns and their scenario while an edit computes, and when the engine refuses it', async () => {
    const p = usePortfolioStore()
    const c = useComparisonStore()
    p.open(loadScenario(FAQ_MULTI))
    await nextTick()
    answer('columns')
    const good = c.columns
    const goodScenario = c.columnsScenario
    expect(good).not.toBeNull()

    p.setField(['account', 'positions', 0, 'quantity'], '0.6')
    await nextTick()
    // While the edit computes, the columns shown are the last ones, with the scenario they are of.
    expect(c.columnsPending).toBe(true)
    expect(c.columns).toBe(good)
    expect(c.columnsScenario).toBe(goodScenario)
    expect(c.columnsScenario).not.toBe(p.valid)
    answer('columns', { kind: 'error', message: 'beyond the last bracket' })
    expect(c.error).toBe('beyond the last bracket')
    expect(c.columns).toBe(good)
    expect(c.columnsScenario).toBe(goodScenario)
    expect(c.columnsPending).toBe(false)

    p.setField(['account', 'positions', 0, 'quantity'], '0.7')
    await nextTick()
    answer('columns')
    expect(c.error).toBeNull()
    expect(c.columnsScenario).toBe(p.valid)
    expect(c.columnsScenario!.account.positions[0]!.quantity).toBe('0.7')
  })

  it('shows a search that finishes first together with its columns, and never the search of a scenario the engine refused', async () => {
    const p = usePortfolioStore()
    const c = useComparisonStore()
    const s = loadScenario(FAQ_MULTI)
    p.open(s)
    await nextTick()
    // The search answers before the columns: held, so the columns' table never pairs it with nothing.
    answer('stl')
    expect(c.stl).toEqual([])
    expect(c.stlPending).toBe(true)
    answer('columns')
    expect(c.stlPending).toBe(false)
    const good = c.today!.shockToLiquidation
    expect(good).toEqual(compareScenario(s).shockToLiquidation)

    // A recompute the engine refuses: the search asked for at the same moment is dropped.
    c.refreshNow()
    expect(waiting('stl')).toHaveLength(1)
    answer('columns', { kind: 'error', message: 'refused' })
    expect(c.stlPending).toBe(false)
    answer('stl', { kind: 'stl', stl: [], method: 'from the refused scenario' })
    expect(c.today!.shockToLiquidation).toEqual(good)
    expect(c.today!.shockToLiquidationMethod).not.toBe('from the refused scenario')
  })

  it('on open, the sliders (the sweep) wait for the search while it runs in its worker, then follow it', async () => {
    const p = usePortfolioStore()
    const c = useComparisonStore()
    p.open(loadScenario(FAQ_MULTI))
    await nextTick()
    answer('columns')
    expect(c.columnsScenario).toBe(p.valid)
    // The search is still running: no sweep asked for yet (on two cores it would take the search's CPU).
    expect(waiting('sweep')).toHaveLength(0)
    answer('stl')
    expect(c.stlPending).toBe(false)
    // After the search's frame: the sweep of the columns' scenario.
    await vi.waitFor(() => expect(waiting('sweep')).toHaveLength(1), WAIT)
    answer('sweep')
    expect(c.sweep).not.toBeNull()

    // An edit: the search waits for typing to pause, the sliders follow the columns at once.
    p.setField(['account', 'positions', 0, 'quantity'], '0.6')
    await nextTick()
    answer('columns')
    expect(waiting('sweep')).toHaveLength(1)
  })

  it('on open, the sliders wait for the columns\' frame even when the search answered first', async () => {
    const p = usePortfolioStore()
    const c = useComparisonStore()
    p.open(loadScenario(FAQ_MULTI))
    await nextTick()
    answer('stl')
    answer('columns')
    expect(c.stlPending).toBe(false)
    // Shown together; the sweep (a core for ~0.3 s on a big book) waits for the frame that shows them.
    expect(waiting('sweep')).toHaveLength(0)
    await vi.waitFor(() => expect(waiting('sweep')).toHaveLength(1), WAIT)
  })

  it('while typing, the search\'s worker gets the scenario once typing pauses, not on each keystroke', async () => {
    const p = usePortfolioStore()
    const c = useComparisonStore()
    p.open(loadScenario(FAQ_MULTI))
    await nextTick()
    const stlWorker = waiting('stl')[0]!.w
    answer('columns')
    answer('stl')
    const sent = stlWorker.scenarios.size
    p.setField(['account', 'positions', 0, 'quantity'], '0.6')
    await nextTick()
    p.setField(['account', 'positions', 0, 'quantity'], '0.61')
    await nextTick()
    // Two keystrokes: the columns' worker has them, the search's nothing yet (it shows "updating").
    expect(stlWorker.scenarios.size).toBe(sent)
    expect(c.stlPending).toBe(true)
    await vi.waitFor(() => expect(waiting('stl')).toHaveLength(1), WAIT)
    expect(stlWorker.scenarios.size).toBe(sent + 1)
    answer('columns')
    answer('columns')
    answer('stl')
    expect(c.stlPending).toBe(false)
    expect(c.today!.shockToLiquidation).toEqual(compareScenario(p.valid!).shockToLiquidation)
  })

  it('drops the sliders of an opened portfolio replaced before its search answered', async () => {
    const p = usePortfolioStore()
    const c = useComparisonStore()
    p.open(loadScenario(FAQ_MULTI))
    await nextTick()
    answer('columns')
    p.open(loadScenario(OTHER))
    await nextTick()
    const other = p.valid!
    answer('stl')
    await new Promise((r) => setTimeout(r, 50))
    expect(waiting('sweep')).toHaveLength(0)
    answer('columns')
    answer('stl')
    await vi.waitFor(() => expect(waiting('sweep')).toHaveLength(1), WAIT)
    answer('sweep')
    expect(c.columnsScenario).toBe(other)
    expect(c.sweep).not.toBeNull()
  })

  it('asks the search\'s and the columns\' workers (not the sliders\') to warm up once the window has painted', async () => {
    useComparisonStore()
    await vi.waitFor(() => expect(FakeWorker.all.flatMap((w) => w.warmed.map((r) => r.kind))).toEqual(['stl', 'columns']), WAIT)
    expect(WARM_ROUNDS).toBeGreaterThan(0)
    expect(COLUMNS_WARM_ROUNDS).toBeGreaterThan(0)
  })
})
