// The comparison of both modes for the portfolio being edited, computed in the renderer by the
// pure engine (architecture.md allows it) from the last VALID scenario only. The shock
// explorer's sliders move the market live: one recompute per animation frame at most
// (requestAnimationFrame-coalesced), and the 201-point sweep only when the slider's asset changes.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { Decimal } from '../../../shared/decimal'
import { compareScenario, prepareAccount, shockAssets, shockedScenario, sweepMarginRatios, type CompareResult, type ShockToLiquidation } from '../../../shared/engine'
import type { Scenario } from '../../../shared/scenario'
import { ALL_CRYPTO, isCrypto } from '../logic/assets'
import { SWEEP_POINTS, SWEEP_RANGE, toSeries, type SweepSeries } from '../logic/sweep-series'
import { usePortfolioStore } from './portfolio'

/** The shock to liquidation search (~tens of ms on 50 positions) waits for typing to pause. */
export const STL_DELAY_MS = 250

const XS = Array.from({ length: SWEEP_POINTS }, (_, i) => new Decimal(i - (SWEEP_POINTS - 1) / 2).div((SWEEP_POINTS - 1) / (2 * SWEEP_RANGE)))

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
  const stl = shallowRef<ShockToLiquidation[]>([])
  const stlMethod = ref('')
  const stlPending = ref(false)
  /** Both columns under the sliders' moves; null when every slider is at 0. */
  const live = shallowRef<CompareResult | null>(null)
  /** Slider values in percent, by asset. */
  const moves = ref<Record<string, number>>({})
  const allCrypto = ref(0)
  /** The slider last touched: an asset, or ALL_CRYPTO. The chart's x axis is its move. */
  const activeAsset = ref<string>(ALL_CRYPTO)
  const sweep = shallowRef<SweepSeries | null>(null)
  const error = ref<string | null>(null)
  /** Milliseconds of the last frame computations (read by the benchmark). */
  const stepTimes: number[] = []

  let stlTimer: ReturnType<typeof setTimeout> | null = null
  let framePending = false
  const frame = frameScheduler()

  const scenario = computed(() => portfolio.valid)
  const assets = computed(() => (scenario.value ? shockAssets(prepareAccount(scenario.value)) : []))
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

  function computeStl(s: Scenario): void {
    const r = compareScenario(s)
    if (portfolio.valid !== s) return
    stl.value = r.shockToLiquidation
    stlMethod.value = r.shockToLiquidationMethod
    stlPending.value = false
  }

  /** A new valid scenario: both columns at once, the slow search after a pause. */
  function recompute(s: Scenario | null, immediateStl: boolean): void {
    if (stlTimer) clearTimeout(stlTimer)
    if (!s) {
      columns.value = null
      live.value = null
      stl.value = []
      sweep.value = null
      return
    }
    try {
      columns.value = compareScenario(s, { shockToLiquidation: false })
      error.value = null
    } catch (e) {
      // The engine refuses what the parser let through (e.g. a notional beyond the last bracket):
      // keep the last good comparison visible and say why.
      error.value = e instanceof Error ? e.message : String(e)
      return
    }
    // Sliders of assets that no longer exist are dropped.
    const known = new Set(shockAssets(prepareAccount(s)))
    moves.value = Object.fromEntries(Object.entries(moves.value).filter(([a]) => known.has(a)))
    if (activeAsset.value !== ALL_CRYPTO && !known.has(activeAsset.value)) activeAsset.value = ALL_CRYPTO
    stlPending.value = true
    if (immediateStl) computeStl(s)
    else stlTimer = setTimeout(() => computeStl(s), STL_DELAY_MS)
    computeLive()
    computeSweep()
  }

  function computeLive(): void {
    const s = portfolio.valid
    if (!s || !shocked.value) {
      live.value = null
      return
    }
    try {
      // The named shocks are not recomputed per frame: the columns show today's (see `result`).
      live.value = compareScenario(shockedScenario(s, movesAsStrings()), { shockToLiquidation: false, namedShocks: false })
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  /** The margin ratio against the active slider's move, every other slider held. */
  function computeSweep(): void {
    const s = portfolio.valid
    if (!s) {
      sweep.value = null
      return
    }
    const moving = activeAsset.value === ALL_CRYPTO ? new Set(cryptoAssets.value) : new Set([activeAsset.value])
    const held = shockedScenario(s, movesAsStrings((a) => !moving.has(a)))
    try {
      sweep.value = toSeries(sweepMarginRatios(prepareAccount(held), moving, XS))
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  function scheduleLive(): void {
    if (framePending) return
    framePending = true
    frame(() => {
      framePending = false
      const t = performance.now()
      computeLive()
      stepTimes.push(performance.now() - t)
      if (stepTimes.length > 500) stepTimes.shift()
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
    setMove,
    selectAsset,
    resetMoves,
    applyShock,
    refreshNow
  }
})
