// The comparison's work, pure and transport-free: both columns after an edit (a 1,000-position
// book takes ~0.4 s: off the main thread, the window stays responsive), the comparison at the
// sliders' market and the 201-point margin-ratio sweep; and the shock-to-liquidation search after
// an edit. The slider worker runs it off the main thread;
// where no Worker exists (component tests, a plain Node import) the store calls it inline.
import { Decimal } from '../../../shared/decimal'
import { compareAccount, compareScenario, prepareAccount, shockAssets, shockedScenario, sweepMarginRatios, type CompareResult, type ShockToLiquidation } from '../../../shared/engine'
import type { Scenario } from '../../../shared/scenario'
import { stressGrid, type GridSpec, type StressGrid } from '../../../shared/engine'
// Not re-exported by the engine's index: the search alone, as compareScenario runs it.
import { SHOCK_TO_LIQUIDATION_METHOD, shocksToLiquidation } from '../../../shared/engine/shock-to-liquidation'
import { ladderDistances, type LadderDistances } from './ladder-distances'
import { SWEEP_POINTS, SWEEP_RANGE, toSeries, type SweepSeries } from './sweep-series'

const XS = Array.from({ length: SWEEP_POINTS }, (_, i) => new Decimal(i - (SWEEP_POINTS - 1) / 2).div((SWEEP_POINTS - 1) / (2 * SWEEP_RANGE)))

/** Both columns with the market moved (relative moves by asset, e.g. { BTC: "-0.1" }). */
export interface LiveRequest {
  kind: 'live'
  moves: Record<string, string>
}
/** The margin ratio against the move of `moving`, every other asset held at `held`. */
export interface SweepRequest {
  kind: 'sweep'
  moving: string[]
  held: Record<string, string>
}
/** The shock to liquidation of each asset at today's market (the slow search, ~50–150 ms on 50 positions). */
export interface StlRequest {
  kind: 'stl'
}
/** Both columns at today's market (no shock to liquidation: its own request) and the assets a shock can move. */
export interface ColumnsRequest {
  kind: 'columns'
}
/** The stress grid of two assets (scenario-format.md §4), for the Stress grid tab. */
export interface GridRequest {
  kind: 'grid'
  spec: GridSpec
}
export type SliderRequest = LiveRequest | SweepRequest | StlRequest | GridRequest | ColumnsRequest
export type SliderAnswer =
  | { kind: 'live'; result: CompareResult }
  | { kind: 'columns'; result: CompareResult; assets: string[]; distances: LadderDistances }
  | { kind: 'sweep'; sweep: SweepSeries }
  | { kind: 'stl'; stl: ShockToLiquidation[]; method: string }
  | { kind: 'grid'; grid: StressGrid }
  | { kind: 'error'; message: string }

export function computeSlider(scenario: Scenario, req: SliderRequest): SliderAnswer {
  try {
    if (req.kind === 'stl') {
      // Only the search is read: the prepared account and the search, nothing else of a compare
      // (liquidation prices, max open: the columns' work, half of it on a 1,000-position book).
      return { kind: 'stl', stl: shocksToLiquidation(prepareAccount(scenario)), method: SHOCK_TO_LIQUIDATION_METHOD }
    }
    if (req.kind === 'columns') {
      // One prepared account for the columns and the sliders' assets.
      const account = prepareAccount(scenario)
      const result = compareAccount(account, { shockToLiquidation: false })
      // The positions table's distances too: off the page's main thread (logic/ladder-distances.ts).
      return { kind: 'columns', result, assets: shockAssets(account), distances: ladderDistances(result.singleAsset.positions, result.multiAssets.positions) }
    }
    if (req.kind === 'grid') return { kind: 'grid', grid: stressGrid(prepareAccount(scenario), req.spec) }
    if (req.kind === 'live') {
      // The named shocks are not recomputed per frame: the columns show today's.
      // Nor the plan (its two end-state comparisons, ~3x a frame's cost on 50 positions): the plan
      // is of today's market; max open under the shock stays in the columns.
      const { plan: _plan, ...today } = scenario
      return { kind: 'live', result: compareScenario(shockedScenario(today, req.moves), { shockToLiquidation: false, namedShocks: false }) }
    }
    const held = shockedScenario(scenario, req.held)
    return { kind: 'sweep', sweep: toSeries(sweepMarginRatios(prepareAccount(held), new Set(req.moving), XS)) }
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) }
  }
}

// ---- the messages between the store and the worker -----------------------------------------

/**
 * To the worker: the scenario (once per valid edit) or one request against it; or, once at
 * start, `rounds` computes of `request` on a small built-in book while idle (logic/warm-up.ts).
 */
export type ToWorker =
  | { type: 'scenario'; gen: number; scenario: Scenario }
  | { type: 'request'; gen: number; seq: number; request: SliderRequest }
  | { type: 'warm'; request: SliderRequest; rounds: number }
/** From the worker: the answer to request `seq`, computed on scenario `gen`. */
export interface FromWorker {
  gen: number
  seq: number
  answer: SliderAnswer
  ms: number
}
