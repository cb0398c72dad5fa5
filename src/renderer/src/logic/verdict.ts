// The verdict lives in src/shared/present so the HTML report says exactly what the screen says.
// On screen a plan (scenario v2) speaks first: what it does differently in each mode.
import type { CompareResult } from '../../../shared/engine'
import type { Scenario } from '../../../shared/scenario'
import { buildVerdict as buildTodayVerdict, type Verdict } from '../../../shared/present/verdict'
import { planSegments } from './plan-verdict'

export * from '../../../shared/present/verdict'

export function buildVerdict(result: CompareResult, scenario: Scenario): Verdict {
  const verdict = buildTodayVerdict(result, scenario)
  return { ...verdict, segments: [...planSegments(result, scenario), ...verdict.segments] }
}
