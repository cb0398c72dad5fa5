// Leverage brackets (margin-rules.md §2).
import { Decimal } from '../decimal'
import type { BracketRow } from '../scenario/types'

export interface Bracket {
  floor: Decimal
  cap: Decimal
  mmr: Decimal
  cum: Decimal
  initialLeverage: number
}

export function toBrackets(rows: BracketRow[]): Bracket[] {
  return rows.map((r) => ({
    floor: new Decimal(r.notionalFloor),
    cap: new Decimal(r.notionalCap),
    mmr: new Decimal(r.maintMarginRatio),
    cum: new Decimal(r.cum),
    initialLeverage: r.initialLeverage
  }))
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
    if (brackets[mid]!.floor.lte(notional)) lo = mid
    else hi = mid - 1
  }
  return lo
}

export function beyondLastCap(brackets: Bracket[], notional: Decimal): boolean {
  return notional.gt(brackets[brackets.length - 1]!.cap)
}

/** MM = notional × MMR − cum, with MMR and cum of the bracket that holds the notional. */
export function maintenanceMargin(b: Bracket, notional: Decimal): Decimal {
  return notional.times(b.mmr).minus(b.cum)
}
