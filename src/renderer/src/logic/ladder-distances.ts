// The positions table's distances (liquidation price against the mark, each mode) of every
// position: what it sorts by, the nearest first. On a 1,000-position book these 2,000 divisions
// at 40 digits took ~40 ms of the page's main thread just as the columns arrived (issue 10): the
// columns' worker computes them with the columns (the same function, so the same strings) and the
// table finds them here by its result's positions; any other result (the sliders') computes them.
import type { PositionResult } from '../../../shared/engine'
import { distance } from './display'

export interface LadderDistances {
  single: (string | null)[]
  multi: (string | null)[]
  /**
   * Each distance's size as a number (Infinity where there is none): what the table sorts by.
   * Read here, with the texts: a 40-digit text takes V8's slow path to a number, and 2,000 of
   * them took ~12 ms of the page's main thread on open.
   */
  singleSize: number[]
  multiSize: number[]
}

/** Both modes' distances, against the single-asset row's mark (as the table shows it). */
export function ladderDistances(single: readonly PositionResult[], multi: readonly PositionResult[]): LadderDistances {
  const singleTexts = single.map((s) => distance(s.liquidationPrice, s.markPrice))
  const multiTexts = multi.map((m, i) => distance(m.liquidationPrice, single[i]!.markPrice))
  return { single: singleTexts, multi: multiTexts, singleSize: singleTexts.map(sizeOf), multiSize: multiTexts.map(sizeOf) }
}

function sizeOf(d: string | null): number {
  return d === null ? Infinity : Math.abs(Number(d))
}

const known = new WeakMap<readonly PositionResult[], { multi: readonly PositionResult[]; distances: LadderDistances }>()

/** Distances computed elsewhere (the worker) for exactly these two arrays. */
export function rememberLadderDistances(single: readonly PositionResult[], multi: readonly PositionResult[], distances: LadderDistances): void {
  known.set(single, { multi, distances })
}

export function ladderDistancesOf(single: readonly PositionResult[], multi: readonly PositionResult[]): LadderDistances {
  const k = known.get(single)
  return k && k.multi === multi ? k.distances : ladderDistances(single, multi)
}
