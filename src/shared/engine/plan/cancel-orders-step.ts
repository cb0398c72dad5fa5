// Cancel every open order (scenario-format.md §3): their margin is released, and the switch is no
// longer blocked by them (−4170, margin-rules.md §7).
import type { PlanState } from './plan-state'
import type { PlanStepModeResult as StepOutcome } from '../result-types'

export function applyCancelOrders(s: PlanState): StepOutcome {
  const cancelledOrders = s.scenario.account.openOrders?.length ?? 0
  delete s.scenario.account.openOrders
  return { accepted: true, cancelledOrders }
}
