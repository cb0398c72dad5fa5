// The Stress grid tab (scenario-format.md §4, ui.md "Stress grid"): two assets, a range, and the
// grid of both modes computed in a Web Worker (the slider worker's code, its own instance, latest
// request wins) from the last valid scenario. Axes default to the two largest exposures; a
// choice survives edits while both assets still exist, and resets when another portfolio opens.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { exposures, prepareAccount, GRID_DEFAULT_RANGE, GRID_DEFAULT_STEPS, type StressGrid } from '../../../shared/engine'
import { call } from '../api'
import type { SliderAnswer } from '../logic/slider-compute'
import { inlineLane, workerLane, type Lane, type WorkerLike } from '../logic/slider-lane'
import { usePortfolioStore } from './portfolio'
import { useUiStore } from './ui'

/** The ranges offered (decimal strings, as the CLI's --range). */
export const GRID_RANGES = ['0.25', GRID_DEFAULT_RANGE, '0.75', '0.9'] as const

function startWorker(): WorkerLike | null {
  if (typeof Worker !== 'function') return null
  try {
    return new Worker(new URL('../workers/slider.worker.ts', import.meta.url), { type: 'module', name: 'grid' }) as unknown as WorkerLike
  } catch {
    return null
  }
}

export const useGridStore = defineStore('grid', () => {
  const portfolio = usePortfolioStore()
  const ui = useUiStore()
  const grid = shallowRef<StressGrid | null>(null)
  const error = ref<string | null>(null)
  const pending = ref(false)
  /** Milliseconds of the last grid (in the worker). */
  const ms = ref(0)
  const inWorker = ref(false)
  const chosenX = ref<string | null>(null)
  const chosenY = ref<string | null>(null)
  const range = ref<string>(GRID_DEFAULT_RANGE)
  /** Computed only while the tab is shown (the panel sets it): an edit elsewhere costs nothing. */
  const visible = ref(false)
  let gen = 0

  /** Every asset a shock can move, largest exposure first (the axis pickers' order). */
  const assets = computed(() => (portfolio.valid ? exposures(prepareAccount(portfolio.valid)).map((e) => e.asset) : []))
  const x = computed(() => (chosenX.value && assets.value.includes(chosenX.value) ? chosenX.value : (assets.value.find((a) => a !== chosenY.value) ?? null)))
  const y = computed(() => (chosenY.value && assets.value.includes(chosenY.value) && chosenY.value !== x.value ? chosenY.value : (assets.value.find((a) => a !== x.value) ?? null)))

  function onAnswer(a: SliderAnswer, took: number): void {
    pending.value = false
    if (a.kind === 'error') error.value = a.message
    else if (a.kind === 'grid') {
      grid.value = a.grid
      error.value = null
      ms.value = took
    }
  }
  function makeLane(): Lane {
    const w = startWorker()
    if (!w) return inlineLane(onAnswer)
    inWorker.value = true
    return workerLane(w, onAnswer, () => {
      w.terminate()
      inWorker.value = false
      lane = inlineLane(onAnswer)
      lane.setScenario(gen, portfolio.valid)
      compute()
    })
  }
  let lane: Lane = makeLane()

  function compute(): void {
    if (!visible.value) return
    if (!portfolio.valid || !x.value || !y.value) {
      lane.cancel()
      grid.value = null
      pending.value = false
      return
    }
    pending.value = true
    lane.submit({ kind: 'grid', spec: { x: x.value, y: y.value, range: range.value, steps: GRID_DEFAULT_STEPS } })
  }

  // Another portfolio opened: back to its own largest exposures.
  watch(
    () => portfolio.generation,
    () => {
      chosenX.value = null
      chosenY.value = null
    }
  )
  watch(
    () => portfolio.valid,
    (s) => {
      lane.setScenario(++gen, s)
      compute()
    },
    { immediate: true }
  )
  watch([x, y, range, visible], () => compute())

  function setAxes(nextX: string, nextY: string): void {
    chosenX.value = nextX
    chosenY.value = nextY
  }

  /** File › Export report… and the tab's button: the scenario on screen, unsaved edits included. */
  async function exportReport(): Promise<void> {
    if (!portfolio.draft) return
    if (!portfolio.isValid || !portfolio.valid) {
      ui.notify({ kind: 'error', message: 'Fix the problems marked in the editors first: a report is made from a valid plan only.' })
      return
    }
    const r = await call('exportReport', { scenario: portfolio.valid })
    if (!r.ok) ui.notify({ kind: 'error', message: `Could not export the report: ${r.error.message}` })
    else if (r.value.saved) ui.notify({ kind: 'info', message: `Report saved as ${r.value.fileName}.` }, 6000)
  }

  return { grid, error, pending, ms, inWorker, visible, assets, x, y, range, setAxes, exportReport }
})
