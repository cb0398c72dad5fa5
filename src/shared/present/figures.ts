// Figures shown the same way on screen and in the HTML report: price places, distance from mark,
// moves out of reach.
import { Decimal } from '../decimal'
import { formatMove } from '../format'

/** Places of a decimal string as written ("61000.5" → 1). */
export function placesOf(value: string): number {
  const dot = value.indexOf('.')
  return dot < 0 ? 0 : value.length - dot - 1
}

/**
 * Price places for a symbol: the scenario has no tick size, so we use the places its mark and
 * entry prices are written with, at least 2 and at most 8.
 */
export function pricePlaces(...prices: (string | null | undefined)[]): number {
  let p = 2
  for (const x of prices) if (x) p = Math.max(p, placesOf(x))
  return Math.min(p, 8)
}

/** Relative distance from mark to a price: (price − mark) / mark, or null. */
export function distance(priceValue: string | null, mark: string): string | null {
  if (priceValue === null) return null
  const m = new Decimal(mark)
  if (m.isZero()) return null
  return new Decimal(priceValue).minus(m).div(m).toString()
}

/** A shock move for tables: beyond ±1,000% it only matters that it is out of reach. */
export function moveText(move: string | null): string {
  if (move === null) return 'none'
  const d = new Decimal(move)
  if (d.abs().gte(10)) return d.gt(0) ? '> +1,000%' : '< −1,000%'
  return formatMove(move)
}
