// The plan of steps being edited (scenario v2 `plan`, part of the portfolio: saved with it, undo
// and redo like any other edit, through the portfolio store) and the comparison header's
// Now | After the plan toggle. The fold itself is the engine's (compareScenario → result.plan).
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { CompareResult, PlanStepResult } from '../../../shared/engine'
import type { PlanStep } from '../../../shared/scenario'
import { ensureVersion2 } from '../logic/v2-draft'
import { useComparisonStore } from './comparison'
import { usePortfolioStore } from './portfolio'

export type PlanView = 'now' | 'after'
type Json = Record<string, unknown>

export const usePlanStore = defineStore('plan', () => {
  const portfolio = usePortfolioStore()
  const cmp = useComparisonStore()
  const view = ref<PlanView>('now')

  /** The steps as typed (the draft may be invalid). */
  const steps = computed<PlanStep[]>(() => ((portfolio.draft as { plan?: PlanStep[] } | null)?.plan ?? []) as PlanStep[])
  /** Each step's outcome per mode, only when the comparison is of this very draft (nothing from an invalid one). */
  const outcomes = computed<PlanStepResult[] | null>(() => {
    const r = cmp.columns?.plan
    if (!portfolio.isValid || !r || r.steps.length !== steps.value.length) return null
    return r.steps
  })
  const hasPlan = computed(() => !!cmp.columns?.plan)
  /** Both columns after the plan: the v1 sections of each mode's end state (scenario-format.md §3). */
  const after = computed<CompareResult | null>(() => {
    const now = cmp.today
    const p = now?.plan
    if (!now || !p) return null
    // Named shocks and shock-to-liquidation are of today's account; the columns say so.
    return { ...now, singleAsset: p.after.singleAsset, multiAssets: p.after.multiAssets, shocks: [], shockToLiquidation: [] }
  })
  /** What the columns show: after the plan when chosen and there is one. */
  const showingAfter = computed(() => view.value === 'after' && after.value !== null)

  // Another portfolio opens at Now; a shock slider moved shows Now too (the sliders move today's
  // market, not the plan's end state).
  watch(() => portfolio.generation, () => (view.value = 'now'))
  watch(
    () => cmp.shocked,
    (shocked) => {
      if (shocked) view.value = 'now'
    }
  )

  function edit(fn: (plan: Json[]) => void): void {
    portfolio.mutate((d) => {
      const plan = ((d.plan as Json[] | undefined) ?? []).slice()
      fn(plan)
      // A scenario without steps writes no `plan` (and stays version 1 if nothing else is v2).
      if (plan.length === 0) delete d.plan
      else {
        d.plan = plan
        ensureVersion2(d)
      }
    })
  }

  function add(step: PlanStep): void {
    edit((plan) => plan.push(JSON.parse(JSON.stringify(step)) as Json))
  }
  function remove(i: number): void {
    edit((plan) => plan.splice(i, 1))
  }
  /** Move step `from` to position `to` (drag and drop, or the up/down buttons). */
  function move(from: number, to: number): void {
    if (from === to || to < 0 || to >= steps.value.length) return
    edit((plan) => {
      const [s] = plan.splice(from, 1)
      plan.splice(to, 0, s!)
    })
  }
  function clear(): void {
    edit((plan) => plan.splice(0))
  }

  return { view, steps, outcomes, hasPlan, after, showingAfter, add, remove, move, clear }
})
