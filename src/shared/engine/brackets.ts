// Leverage brackets (margin-rules.md §2).
import { Decimal, compare } from '../decimal'
import type { BracketRow } from '../scenario/types'

export interface Bracket {
  floor: Decimal
  cap: Decimal
  mmr: Decimal
  cum: Decimal
  initialLeverage: number
}

export function toBracket(r: BracketRow): Bracket {
  return {
    floor: new Decimal(r.notionalFloor),
    cap: new Decimal(r.notionalCap),
    mmr: new Decimal(r.maintMarginRatio),
    cum: new Decimal(r.cum),
    initialLeverage: r.initialLeverage
  }
}

export function toBrackets(rows: BracketRow[]): Bracket[] {
  return rows.map(toBracket)
}

/**
 * Index of the bracket holding a notional: the largest floor ≤ notional (Decision, §2: a
 * notional exactly on a floor belongs to the upper bracket, as in ccxt and freqtrade). Above
 * the last cap the last bracket applies; the caller flags it.
 */
export function bracketIndex(brackets: Bracket[], notional: Decimal): number {
  let lo = 0
  let hi = brackets.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (compare(brackets[mid]!.floor, notional) <= 0) lo = mid
    else hi = mid - 1
  }
  return lo
}

export function beyondLastCap(brackets: Bracket[], notional: Decimal): boolean {
  return compare(notional, brackets[brackets.length - 1]!.cap) > 0
}

/** MM = notional × MMR − cum, with MMR and cum of the bracket that holds the notional. */
export function maintenanceMargin(b: Bracket, notional: Decimal): Decimal {
  return notional.times(b.mmr).minus(b.cum)
}

/** Kept per pair of neighbouring brackets (bracket objects are shared between preparations, bracket-cache.ts). */
const convexPairs = new WeakMap<Bracket, { below: Bracket; convex: boolean }>()

/**
 * MM is convex in the notional: MMR never falls from one bracket to the next and MM is continuous
 * at every floor (§2). What a shock line's shortcut needs to call balance − MM concave.
 */
export function convexMaintenance(brackets: Bracket[]): boolean {
  for (let k = 1; k < brackets.length; k++) {
    const below = brackets[k - 1]!
    const b = brackets[k]!
    let known = convexPairs.get(b)
    if (!known || known.below !== below) {
      const continuous = b.floor.times(b.mmr).minus(b.cum).eq(b.floor.times(below.mmr).minus(below.cum))
      known = { below, convex: continuous && b.mmr.gte(below.mmr) }
      convexPairs.set(b, known)
    }
    if (!known.convex) return false
  }
  return true
}
