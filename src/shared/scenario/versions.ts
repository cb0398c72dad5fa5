// The scenario format's versions. Each entry validates its own shape and upgrades a valid file
// of its version to the next one; parse runs the chain up to the newest
// (docs/scenario-format.md: "a version 2 with an upgrade").
import type { z } from 'zod'
import { scenarioV1Schema } from './schema-v1'
import { scenarioV2Schema } from './schema-v2'
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

/** §3: a version 1 file is a version 2 file with none of the version 2 fields. */
export function upgradeV1ToV2(s: Scenario): Scenario {
  return { ...s, version: 2 }
}

/**
 * A stored scenario (a library row written by writeScenario) in the in-memory shape: rows are
 * valid when saved, so a version 1 row only needs the upgrade, not a second validation.
 */
export function storedScenario(text: string): Scenario {
  const value = JSON.parse(text) as Omit<Scenario, 'version'> & { version: number }
  return value.version === 1 ? upgradeV1ToV2(value as unknown as Scenario) : (value as Scenario)
}

export function scenarioVersions(check: (s: Scenario) => Problem[]): ScenarioVersion[] {
  return [
    { version: 1, schema: scenarioV1Schema, check: check as (v: never) => Problem[], upgrade: upgradeV1ToV2 as (v: never) => unknown },
    { version: 2, schema: scenarioV2Schema, check: check as (v: never) => Problem[] }
  ]
}
