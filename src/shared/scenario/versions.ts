// The scenario format's versions. Each entry validates its own shape and upgrades a valid file
// of its version to the next one; parse runs the chain up to the newest. A v2 adds an entry
// here with `upgrade` on the v1 entry (docs/scenario-format.md: "a version 2 with an upgrade").
import type { z } from 'zod'
import { scenarioV1Schema } from './schema-v1'
import type { Problem, Scenario } from './types'

export interface ScenarioVersion {
  version: number
  schema: z.ZodType
  /** Cross-field checks for a file of this version that passed `schema`. */
  check: (value: never) => Problem[]
  /** Turns a valid file of this version into a valid file of the next version. */
  upgrade?: (value: never) => unknown
}

export const SCENARIO_FORMAT = 'margin-planner/scenario'

export function scenarioVersions(check: (s: Scenario) => Problem[]): ScenarioVersion[] {
  return [{ version: 1, schema: scenarioV1Schema, check: check as (v: never) => Problem[] }]
}
