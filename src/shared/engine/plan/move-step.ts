// A market move in a plan (scenario-format.md §3): as a shock (§1 `shocks[].moves`), each asset's
// index and the marks of its symbols × (1 + move), kept for the later steps.
import { Decimal } from '../../decimal'
import type { MoveStep } from '../../scenario/types'
import { plain, type PlanState } from './plan-state'
import type { PlanStepModeResult as StepOutcome } from '../result-types'

export function applyMove(s: PlanState, step: MoveStep): StepOutcome {
  const market = s.scenario.market
  for (const [asset, move] of Object.entries(step.moves)) {
    const factor = new Decimal(move).plus(1)
    const a = market.assets[asset]
    if (a) a.index = plain(new Decimal(a.index).times(factor))
    for (const m of Object.values(market.symbols)) if (m.baseAsset === asset) m.markPrice = plain(new Decimal(m.markPrice).times(factor))
  }
  return { accepted: true }
}
