// The plan (scenario-format.md §3, margin-rules.md §8–9): its steps folded, in order, over a copy
// of the account in EACH MODE SEPARATELY. A refused step changes nothing in that mode and the
// later steps still run, so the two modes may end in different states: that difference is the
// answer the plan asks for. `after` is what `compare` shows for each mode's end state.
import type { PlanStep, Scenario } from '../../scenario/types'
import { applyCancelOrders } from './cancel-orders-step'
import { applyFunding } from './funding-step'
import { applyMove } from './move-step'
import { initialPlanState, type PlanState } from './plan-state'
import { PLAN_MODES } from './plan-types'
import type { CompareResult, PlanResult, PlanStepModeResult as StepOutcome, PlanStepResult } from '../result-types'
import { applyTrade } from './trade-step'
import { applyTransfer } from './transfer-step'

export function applyStep(s: PlanState, step: PlanStep): StepOutcome {
  switch (step.kind) {
    case 'trade':
      return applyTrade(s, step)
    case 'transfer':
      return applyTransfer(s, step)
    case 'funding':
      return applyFunding(s, step)
    case 'move':
      return applyMove(s, step)
    case 'cancelOrders':
      return applyCancelOrders(s)
  }
}

/** Each mode's end state of the plan, as a scenario (without `plan`), and every step's outcome. */
export function foldPlan(scenario: Scenario): { steps: PlanStepResult[]; end: Record<PlanState['mode'], Scenario> } {
  const plan = scenario.plan ?? []
  const [single, multi] = PLAN_MODES.map((mode) => initialPlanState(scenario, mode)) as [PlanState, PlanState]
  const steps = plan.map((step, index): PlanStepResult => ({ index, kind: step.kind, singleAsset: applyStep(single, step), multiAssets: applyStep(multi, step) }))
  return { steps, end: { singleAsset: single.scenario, multiAssets: multi.scenario } }
}

/** `compare` of an end state; passed in so that this module does not import compare (which imports it). */
export type CompareSections = (s: Scenario) => Pick<CompareResult, 'singleAsset' | 'multiAssets'>

export function runPlan(scenario: Scenario, compareSections: CompareSections): PlanResult {
  const { steps, end } = foldPlan(scenario)
  return { steps, after: { singleAsset: compareSections(end.singleAsset).singleAsset, multiAssets: compareSections(end.multiAssets).multiAssets } }
}
