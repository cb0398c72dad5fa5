// Display helpers over src/shared/format.ts: every number with its unit, decimals kept as strings
// until the very last step.
import { Decimal } from '../../../shared/decimal'
import { assetPlaces, formatAmount, formatLiquidationPrice, formatMove, formatPercent, groupThousands } from '../../../shared/format'

export { formatAmount, formatPercent, formatMove, formatLiquidationPrice, assetPlaces, groupThousands }
// Shared with the HTML report (src/shared/present/figures.ts).
export { placesOf, pricePlaces, distance, moveText } from '../../../shared/present/figures'

/** "12,410.55 USDT", "0.25000000 BTC". */
export function money(value: string | null, asset: string): string {
  if (value === null) return '—'
  return `${formatAmount(value, assetPlaces(asset))} ${asset}`
}

export function usd(value: string | null): string {
  if (value === null) return '—'
  return `${formatAmount(value, 2)} USD`
}

export function price(value: string | null, places: number): string {
  return value === null ? '—' : formatAmount(value, places)
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

