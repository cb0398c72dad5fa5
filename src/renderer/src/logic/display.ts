// Display helpers over src/shared/format.ts: every number with its unit, decimals kept as strings
// until the very last step.
import { Decimal } from '../../../shared/decimal'
import { assetPlaces, formatAmount, formatLiquidationPrice, formatMove, formatPercent, groupThousands } from '../../../shared/format'

export { formatAmount, formatPercent, formatMove, formatLiquidationPrice, assetPlaces, groupThousands }

/** "12,410.55 USDT", "0.25000000 BTC". */
export function money(value: string | null, asset: string): string {
  if (value === null) return '—'
  return `${formatAmount(value, assetPlaces(asset))} ${asset}`
}

export function usd(value: string | null): string {
  if (value === null) return '—'
  return `${formatAmount(value, 2)} USD`
}

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

export function price(value: string | null, places: number): string {
  return value === null ? '—' : formatAmount(value, places)
}

/** Relative distance from mark to a price: (price − mark) / mark, or null. */
export function distance(priceValue: string | null, mark: string): string | null {
  if (priceValue === null) return null
  const m = new Decimal(mark)
  if (m.isZero()) return null
  return new Decimal(priceValue).minus(m).div(m).toString()
}

/** A quantity as written (no rounding: sizes are user input), grouped. */
export function quantity(value: string): string {
  return groupThousands(value)
}

/** Percentage points between two ratios, signed: "+12.80 pts". */
export function points(diff: string, places = 2): string {
  const d = new Decimal(diff).times(100)
  const s = formatAmount(d.abs().toString(), places)
  return `${s} pts`
}

/** A shock move for tables: beyond ±1,000% it only matters that it is out of reach. */
export function moveText(move: string | null): string {
  if (move === null) return 'none'
  const d = new Decimal(move)
  if (d.abs().gte(10)) return d.gt(0) ? '> +1,000%' : '< −1,000%'
  return formatMove(move)
}
