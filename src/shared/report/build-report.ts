// Everything a report needs, from one scenario: compare, the grid of the two largest exposures
// (defaults of scenario-format.md §4) and the margin ratio along each of their moves.
import { Decimal } from '../decimal'
import { compareScenario } from '../engine/compare'
import { defaultGridAxes, exposures } from '../engine/exposure'
import { stressGrid } from '../engine/grid'
import { GRID_DEFAULT_RANGE, GRID_DEFAULT_STEPS } from '../engine/grid-spec'
import { prepareAccount } from '../engine/prepare'
import { sweepMarginRatios } from '../engine/sweep'
import type { Scenario } from '../scenario'
import { renderReport } from './report'

/** −50% … +50% in 1% steps, as the shock explorer's chart. */
const SWEEP_XS = Array.from({ length: 101 }, (_, k) => new Decimal(k - 50).div(100))

export function buildReport(scenario: Scenario, generatedAt?: string): string {
  const account = prepareAccount(scenario)
  const axes = defaultGridAxes(account)
  const largest = exposures(account)
    .filter((e) => !e.exposure.isZero())
    .slice(0, 2)
    .map((e) => e.asset)
  return renderReport({
    scenario,
    result: compareScenario(scenario),
    grid: axes ? stressGrid(account, { ...axes, range: GRID_DEFAULT_RANGE, steps: GRID_DEFAULT_STEPS }) : null,
    sweeps: largest.map((asset) => ({ asset, sweep: sweepMarginRatios(account, new Set([asset]), SWEEP_XS) })),
    generatedAt
  })
}
