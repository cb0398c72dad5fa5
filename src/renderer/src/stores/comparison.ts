// The comparison of both modes for the portfolio being edited, computed in the renderer by the
// pure engine (architecture.md allows it) from the last VALID scenario only. Both columns are
// computed in a worker too (a 1,000-position book takes ~0.4 s: the window must not freeze), next
// to the shock-to-liquidation search, which starts at the same moment in its own worker. The
// columns shown always come with the scenario they were computed on (`columnsScenario`): a table
// indexed by position never pairs one scenario's rows with another's figures. The shock
// explorer's sliders move the market live: one request per animation frame at most
// (requestAnimationFrame-coalesced), and the 201-point sweep only when the slider's asset changes.
// Both run in a Web Worker (workers/slider.worker.ts), one worker per kind, latest wins: the
// window never waits for them; so do the search and the columns (a third and a fourth worker).
// Without Worker (component tests, a CSP without worker-src) they run inline.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { Decimal } from '../../../shared/decimal'
import type { CompareResult, ShockToLiquidation } from '../../../shared/engine'
import type { Scenario } from '../../../shared/scenario'
import { ALL_CRYPTO, isCrypto } from '../logic/assets'
import { rememberLadderDistances } from '../logic/ladder-distances'
import type { SliderAnswer } from '../logic/slider-compute'
import { inlineLane, workerLane, type Lane, type OnAnswer, type WorkerLike } from '../logic/slider-lane'
import type { SweepSeries } from '../logic/sweep-series'
import { usePortfolioStore } from './portfolio'

/** The shock to liquidation search (~50–150 ms on 50 positions, in its worker) waits for typing to pause. */
export const STL_DELAY_MS = 250

/** Warm-up computes of the small built-in book in the search's worker. */
export const WARM_ROUNDS = 8
/**
 * And in the columns' worker (~5 ms each once compiled): fewer left most of the compiling to
 * the first big book (a 1,000-position open compiled half as much in the background after 64).
 */
export const COLUMNS_WARM_ROUNDS = 64

/** A module worker for the slider compute, or null where workers are unavailable. */
function startWorker(name: string): WorkerLike | null {
  if (typeof Worker !== 'function') return null
  try {
    return new Worker(new URL('../workers/slider.worker.ts', import.meta.url), { type: 'module', name: `slider-${name}` }) as unknown as WorkerLike
  } catch {
    return null
  }
}

type Frame = (cb: () => void) => unknown

function frameScheduler(): Frame {
  return typeof requestAnimationFrame === 'function' ? (cb) => requestAnimationFrame(() => cb()) : (cb) => setTimeout(cb, 0)
}

/** Percent (slider units) to a relative move string: -12.5 → "-0.125". */
export function percentToMove(pct: number): string {
  return new Decimal(pct).div(100).toString()
}

export const useComparisonStore = defineStore('comparison', () => {
  const portfolio = usePortfolioStore()

  /** Both columns at today's market (no shock-to-liquidation; see `stl`). */
  const columns = shallowRef<CompareResult | null>(null)
  /** The scenario `columns` (and `live`, `sweep`) were computed on: what the views pair them with. */
  const columnsScenario = shallowRef<Scenario | null>(null)
  /** True while the columns of a newer valid scenario are being computed. */
  const columnsPending = ref(false)
  /** Every asset a shock can move, of `columnsScenario` (the engine's order). */
  const assets = shallowRef<string[]>([])
  const stl = shallowRef<ShockToLiquidation[]>([])
  const stlMethod = ref('')
  const stlPending = ref(false)
  /** Both columns under the sliders' moves; null when every slider is at 0. */
  const live = shallowRef<CompareResult | null>(null)
  /**
   * Slider values in percent, by asset. Always replaced whole, never mutated: a shallow ref, so a
   * big book's ~480 entries are not read through a reactive proxy on every slider input.
   */
  const moves = shallowRef<Record<string, number>>({})
  const allCrypto = ref(0)
  /** The slider last touched: an asset, or ALL_CRYPTO. The chart's x axis is its move. */
  const activeAsset = ref<string>(ALL_CRYPTO)
  const sweep = shallowRef<SweepSeries | null>(null)
  const error = ref<string | null>(null)
  /** Milliseconds of the last frame computations (in the worker; read by the benchmark). */
  const stepTimes: number[] = []
  /** Counts live results shown (the benchmark waits for it to change). */
  const liveSeq = ref(0)
  /** True when the slider compute runs in a Web Worker. */
  const inWorker = ref(false)

  let stlTimer: ReturnType<typeof setTimeout> | null = null
  let framePending = false
  const frame = frameScheduler()
  let scenarioGen = 0
  /** The scenario the live and sweep lanes work on: the columns' (set when they arrive). */
  let lastScenario: Scenario | null = null
  /** The scenario last sent to the columns and search lanes (answers for older ones are dropped). */
  let submitted: Scenario | null = null

  function onLive(a: SliderAnswer, ms: number): void {
    stepTimes.push(ms)
    if (stepTimes.length > 500) stepTimes.shift()
    if (a.kind === 'error') error.value = a.message
    else if (a.kind === 'live') {
      // A late answer after "back to today" is dropped by the lane (cancel); guard anyway.
      if (!shocked.value) return
      live.value = a.result
      liveSeq.value++
    }
  }
  /** A search answer that came before its scenario's columns: shown with them, dropped if they fail. */
  let heldStl: SliderAnswer | null = null
  function onStl(a: SliderAnswer): void {
    if (columnsPending.value) {
      heldStl = a
      return
    }
    if (a.kind === 'error') {
      error.value = a.message
      stlPending.value = false
    } else if (a.kind === 'stl') {
      stl.value = a.stl
      stlMethod.value = a.method
      stlPending.value = false
    }
    if (slidersWaiting) startSlidersAfterFrame(slidersWaiting)
  }
  /**
   * After the render just made and its frame: the sliders' scenario posts (two structured clones
   * of the scenario) and the sweep (~0.3 s of a core on a 1,000-position book) do not delay what
   * the window shows (issue 10).
   */
  function startSlidersAfterFrame(s: Scenario): void {
    frame(() =>
      setTimeout(() => {
        if (slidersWaiting !== s) return
        slidersWaiting = null
        startSliders(s)
      }, 0)
    )
  }
  /**
   * An opened scenario whose sliders (live and sweep lanes) wait for its search: on a two-core
   * machine the sweep (~0.3 s on a 1,000-position book) would take the search's CPU while the
   * search is what the window still waits for (issue 10). Nothing slider-made is on screen then.
   */
  let slidersWaiting: Scenario | null = null
  /** The live and sweep lanes work on `s` (the columns' scenario) from now on. */
  function startSliders(s: Scenario): void {
    lastScenario = s
    liveLane.setScenario(scenarioGen, s)
    sweepLane.setScenario(scenarioGen, s)
    computeLive()
    computeSweep()
  }
  /** The columns of the scenario last sent: now the live and sweep lanes work on it too. */
  function onColumns(a: SliderAnswer): void {
    if (a.kind === 'error') {
      // The engine refuses what the parser let through (e.g. a notional beyond the last bracket):
      // keep the last good comparison visible (the sliders keep working on it) and say why. The
      // search of that scenario is not shown either: the last one stays with the last columns.
      error.value = a.message
      columnsPending.value = false
      if (stlTimer) clearTimeout(stlTimer)
      stlLane.cancel()
      heldStl = null
      stlPending.value = false
      return
    }
    if (a.kind !== 'columns' || !submitted) return
    const s = submitted
    error.value = null
    columnsScenario.value = s
    assets.value = a.assets
    // Sliders of assets that no longer exist are dropped.
    const known = new Set(a.assets)
    moves.value = Object.fromEntries(Object.entries(moves.value).filter(([k]) => known.has(k)))
    if (activeAsset.value !== ALL_CRYPTO && !known.has(activeAsset.value)) activeAsset.value = ALL_CRYPTO
    rememberLadderDistances(a.result.singleAsset.positions, a.result.multiAssets.positions, a.distances)
    columns.value = a.result
    columnsPending.value = false
    if (heldStl) {
      const held = heldStl
      heldStl = null
      onStl(held)
    }
    // On open (no slider result on screen) the sliders' workers wait for the search if it still
    // runs in its worker, and for the frame that shows the columns (see slidersWaiting); after an
    // edit, or inline (no CPU of their own to take), they follow the columns at once.
    if (lastScenario === null && inWorker.value) {
      slidersWaiting = s
      if (!(stlPending.value && stlLane.busy())) startSlidersAfterFrame(s)
    } else startSliders(s)
  }
  function onSweep(a: SliderAnswer): void {
    if (a.kind === 'error') error.value = a.message
    else if (a.kind === 'sweep') sweep.value = a.sweep
  }
  /** A worker lane, falling back to inline if the worker cannot start or breaks. */
  function makeLane(which: 'live' | 'sweep' | 'stl' | 'columns', onAnswer: OnAnswer): Lane {
    const w = startWorker(which)
    if (!w) return inlineLane(onAnswer)
    inWorker.value = true
    return workerLane(w, onAnswer, () => {
      w.terminate()
      inWorker.value = false
      const l = inlineLane(onAnswer)
      if (which === 'columns') {
        columnsLane = l
        l.setScenario(scenarioGen, submitted)
        if (submitted && columnsPending.value) l.submit({ kind: 'columns' })
        return
      }
      if (which === 'stl') {
        stlLane = l
        l.setScenario(scenarioGen, submitted)
        if (submitted && stlPending.value) l.submit({ kind: 'stl' })
        return
      }
      l.setScenario(scenarioGen, lastScenario)
      if (which === 'live') {
        liveLane = l
        computeLive()
      } else {
        sweepLane = l
        computeSweep()
      }
    })
  }
  let liveLane: Lane = makeLane('live', onLive)
  let sweepLane: Lane = makeLane('sweep', onSweep)
  let stlLane: Lane = makeLane('stl', onStl)
  let columnsLane: Lane = makeLane('columns', onColumns)
  // Once the window has painted: the search's and the columns' workers warm their compiled code
  // while nothing else is asked of them (logic/warm-up.ts, issue 10): V8 compiles in background
  // threads, which on two cores took CPU from the first big compute (docs/benchmark-history.md).
  // Inline lanes have nothing to warm.
  if (inWorker.value) {
    frame(() =>
      setTimeout(() => {
        stlLane.warm({ kind: 'stl' }, WARM_ROUNDS)
        columnsLane.warm({ kind: 'columns' }, COLUMNS_WARM_ROUNDS)
      }, 0)
    )
  }
  const cryptoAssets = computed(() => assets.value.filter(isCrypto))
  const shocked = computed(() => Object.values(moves.value).some((v) => v !== 0))
  /** The result the columns show: live under a shock, else today's, with the shock to liquidation of today. */
  const result = computed<CompareResult | null>(() => {
    const r = live.value ?? columns.value
    if (!r || !columns.value) return null
    // Named shocks are always from today's prices (not stacked on the sliders' moves).
    return { ...r, shocks: columns.value.shocks, shockToLiquidation: stl.value, shockToLiquidationMethod: stlMethod.value }
  })
  /** Today's result (no slider), for the verdict. */
  const today = computed<CompareResult | null>(() => (columns.value ? { ...columns.value, shockToLiquidation: stl.value, shockToLiquidationMethod: stlMethod.value } : null))
  const sliderValue = computed(() => (activeAsset.value === ALL_CRYPTO ? allCrypto.value : (moves.value[activeAsset.value] ?? 0)))

  function movesAsStrings(only?: (asset: string) => boolean): Record<string, string> {
    const out: Record<string, string> = {}
    for (const [a, v] of Object.entries(moves.value)) if (v !== 0 && (!only || only(a))) out[a] = percentToMove(v)
    return out
  }

  /** The shock-to-liquidation search, in its own worker (answers for an older scenario are dropped). */
  function computeStl(): void {
    stlLane.submit({ kind: 'stl' })
  }

  /**
   * A new valid scenario: the search (on open; after a pause when typing) and both columns start
   * together, each in its worker; the sliders follow once the columns are in (onColumns).
   */
  function recompute(s: Scenario | null, immediateStl: boolean): void {
    if (stlTimer) clearTimeout(stlTimer)
    slidersWaiting = null
    if (!s) {
      submitted = null
      heldStl = null
      lastScenario = null
      columnsLane.cancel()
      liveLane.cancel()
      sweepLane.cancel()
      stlLane.cancel()
      columns.value = null
      columnsScenario.value = null
      columnsPending.value = false
      assets.value = []
      live.value = null
      stl.value = []
      stlPending.value = false
      sweep.value = null
      return
    }
    scenarioGen++
    submitted = s
    heldStl = null
    columnsLane.setScenario(scenarioGen, s)
    stlPending.value = true
    columnsPending.value = true
    columnsLane.submit({ kind: 'columns' })
    const gen = scenarioGen
    const search = (): void => {
      stlLane.setScenario(gen, s)
      computeStl()
    }
    if (immediateStl) search()
    else {
      // Typing: the search waits for a pause, and its worker gets the scenario then (a structured
      // clone of a 1,000-position book took ~7 ms of each keystroke); meanwhile no answer to an
      // older scenario is taken.
      stlLane.cancel()
      stlTimer = setTimeout(search, STL_DELAY_MS)
    }
  }

  function computeLive(): void {
    if (!lastScenario || !shocked.value) {
      liveLane.cancel()
      live.value = null
      return
    }
    liveLane.submit({ kind: 'live', moves: movesAsStrings() })
  }

  /** The margin ratio against the active slider's move, every other slider held. */
  function computeSweep(): void {
    if (!lastScenario) {
      sweep.value = null
      return
    }
    const moving = activeAsset.value === ALL_CRYPTO ? new Set(cryptoAssets.value) : new Set([activeAsset.value])
    sweepLane.submit({ kind: 'sweep', moving: [...moving], held: movesAsStrings((a) => !moving.has(a)) })
  }

  function scheduleLive(): void {
    if (framePending) return
    framePending = true
    frame(() => {
      framePending = false
      computeLive()
    })
  }

  /** A slider moved (percent). Touching another asset's slider re-sweeps; moving it does not. */
  function setMove(asset: string, pct: number): void {
    const changedAsset = activeAsset.value !== asset
    activeAsset.value = asset
    if (asset === ALL_CRYPTO) {
      allCrypto.value = pct
      const next = { ...moves.value }
      for (const a of cryptoAssets.value) next[a] = pct
      moves.value = next
    } else {
      moves.value = { ...moves.value, [asset]: pct }
    }
    if (changedAsset) computeSweep()
    scheduleLive()
  }

  function selectAsset(asset: string): void {
    if (activeAsset.value === asset) return
    activeAsset.value = asset
    computeSweep()
  }

  function resetMoves(): void {
    moves.value = {}
    allCrypto.value = 0
    liveLane.cancel()
    live.value = null
    computeSweep()
  }

  /** Apply a named shock (relative moves) to the sliders. */
  function applyShock(shockMoves: Record<string, string>): void {
    const next: Record<string, number> = {}
    for (const [a, m] of Object.entries(shockMoves)) next[a] = new Decimal(m).times(100).toNumber()
    moves.value = next
    allCrypto.value = 0
    const keys = Object.keys(next)
    activeAsset.value = keys.length === 1 ? keys[0]! : ALL_CRYPTO
    computeSweep()
    computeLive()
  }

  let seenGeneration = -1
  watch(
    () => portfolio.valid,
    (s) => {
      // Opening a portfolio resets the sliders and computes everything at once; an edit delays the search.
      const opened = portfolio.generation !== seenGeneration
      seenGeneration = portfolio.generation
      if (opened) {
        moves.value = {}
        allCrypto.value = 0
        activeAsset.value = ALL_CRYPTO
        live.value = null
        // Nothing of the portfolio shown before stays on screen while this one's columns compute.
        liveLane.cancel()
        sweepLane.cancel()
        lastScenario = null
        columns.value = null
        columnsScenario.value = null
        assets.value = []
        stl.value = []
        sweep.value = null
        error.value = null
      }
      recompute(s, opened)
    },
    { immediate: true }
  )

  /** Open (or reopen) with everything computed now. */
  function refreshNow(): void {
    recompute(portfolio.valid, true)
  }

  return {
    columns,
    columnsScenario,
    columnsPending,
    live,
    result,
    today,
    stl,
    stlMethod,
    stlPending,
    moves,
    allCrypto,
    activeAsset,
    sliderValue,
    sweep,
    assets,
    cryptoAssets,
    shocked,
    error,
    stepTimes,
    liveSeq,
    inWorker,
    setMove,
    selectAsset,
    resetMoves,
    applyShock,
    refreshNow
  }
})
