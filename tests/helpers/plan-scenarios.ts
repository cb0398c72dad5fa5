// Version 2 scenarios for the plan, max open and funding horizon tests: the base scenario of
// scenarios.ts with version 2 fields added, checked by the real reader.
import type { PlanStep, Scenario } from '../../src/shared/scenario'
import { baseScenario, validScenario } from './scenarios'

export function v2Scenario(account: Partial<Scenario['account']>, plan: PlanStep[] = [], edit: (s: Scenario) => void = () => {}): Scenario {
  const s: Scenario = { ...baseScenario(account), version: 2 }
  if (plan.length > 0) s.plan = plan
  edit(s)
  return checked(s)
}

function checked(s: Scenario): Scenario {
  return validScenario(s)
}
