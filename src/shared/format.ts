// Display formatting of decimal strings: thousands separators, fixed places, percentages.
// Display only; the JSON and the explain panel keep full precision.
import { Decimal } from './decimal'

export function groupThousands(fixed: string): string {
  const [int, frac] = fixed.split('.')
  const sign = int!.startsWith('-') ? '-' : ''
  const digits = sign ? int!.slice(1) : int!
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return frac === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${frac}`
}

export function formatAmount(value: string | null, places = 2): string {
  if (value === null) return '—'
  const fixed = new Decimal(value).toFixed(places, Decimal.ROUND_HALF_UP)
  // A tiny negative rounds to "-0.00": show it as 0.
  return groupThousands(/^-0(\.0+)?$/.test(fixed) ? fixed.slice(1) : fixed)
}

export function formatPercent(ratio: string | null, places = 2): string {
  if (ratio === null) return '—'
  return `${formatAmount(new Decimal(ratio).times(100).toString(), places)}%`
}

/** A signed relative move: "-18.20%", "+31.00%". */
export function formatMove(move: string | null, places = 2): string {
  if (move === null) return 'none'
  const pct = formatPercent(move, places)
  return new Decimal(move).gt(0) ? `+${pct}` : pct
}

/**
 * A liquidation price rounded against the user (margin-rules.md §7): up for a long (it
 * liquidates sooner), down for a short.
 */
export function formatLiquidationPrice(price: string | null, side: 'long' | 'short', places = 2): string {
  if (price === null) return '—'
  const d = new Decimal(price)
  return groupThousands(d.toFixed(places, side === 'long' ? Decimal.ROUND_UP : Decimal.ROUND_DOWN))
}

/** Places that show an asset sensibly: USD-like 2, BTC 8, other coins 6. */
export function assetPlaces(asset: string): number {
  if (asset === 'BTC') return 8
  if (['USDT', 'USDC', 'BUSD', 'FDUSD', 'USD', 'TUSD', 'DAI'].includes(asset)) return 2
  return 6
}
