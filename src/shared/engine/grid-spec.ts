// What a stress grid is asked for (scenario-format.md §4): two assets, a range and a number of
// steps; the moves along each axis; and every problem with such a request, in words.
import { Decimal } from '../decimal'
import type { PreparedAccount } from './prepare'
import { shockAssets } from './shock-to-liquidation'

export interface GridSpec {
  x: string
  y: string
  /** Decimal string in (0, 1): moves run from −range to +range. */
  range: string
  steps: number
}

export const GRID_DEFAULT_RANGE = '0.5'
export const GRID_DEFAULT_STEPS = 21
/** Decision: 101 × 101 cells is already finer than any screen shows; beyond it is a typo. */
export const GRID_MAX_STEPS = 101
/** Decision: moves are kept to 6 decimal places (0.0001%), so the moves printed are the moves computed. */
export const GRID_MOVE_PLACES = 6

/**
 * `steps` moves evenly from −range to +range, 0 included when `steps` is odd; each rounded
 * half-even to GRID_MOVE_PLACES (exact whenever 2·range / (steps − 1) is, e.g. 0.05 for the
 * defaults). Symmetric: move k = −move (steps − 1 − k).
 */
export function gridMoves(range: string, steps: number): Decimal[] {
  const r = new Decimal(range)
  const last = steps - 1
  return Array.from({ length: steps }, (_, k) => r.times(2 * k - last).div(last).toDecimalPlaces(GRID_MOVE_PLACES, Decimal.ROUND_HALF_EVEN))
}

/** Every problem with a grid request, one line each (empty: computable). */
export function gridSpecProblems(account: PreparedAccount, spec: GridSpec): string[] {
  const problems: string[] = []
  const known = shockAssets(account)
  const knownText = known.length > 0 ? known.join(', ') : 'none: the portfolio has no positions or collateral to move'
  for (const axis of ['x', 'y'] as const) {
    if (!known.includes(spec[axis])) problems.push(`--${axis}: unknown asset "${spec[axis]}": the assets a shock can move are ${knownText}`)
  }
  if (spec.x === spec.y) problems.push(`--x and --y are both ${spec.x}: the grid needs two different assets`)
  if (!/^(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(spec.range)) problems.push(`--range: expected a decimal such as 0.5, got "${spec.range}"`)
  else if (!(new Decimal(spec.range).gt(0) && new Decimal(spec.range).lt(1))) problems.push(`--range: must be above 0 and below 1 (a move of −100% is a price of 0), got ${spec.range}`)
  if (!Number.isInteger(spec.steps) || spec.steps < 2 || spec.steps > GRID_MAX_STEPS) {
    problems.push(`--steps: must be a whole number from 2 to ${GRID_MAX_STEPS}, got ${String(spec.steps)}`)
  }
  return problems
}
