// The two modes a plan runs in (scenario-format.md §3); the result shapes are in ../result-types.ts.
import type { ModeKey } from '../available-for-order'

/** The JSON keys of the two modes; each runs the plan on its own copy of the account. */
export type PlanMode = ModeKey
export const PLAN_MODES: readonly PlanMode[] = ['singleAsset', 'multiAssets']
