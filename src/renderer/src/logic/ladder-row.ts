// One row of the positions table (LiquidationLadder): a position with both modes' results and
// its distances to liquidation, and how Binance's own liquidation price is shown beside ours.
import { Decimal } from '../../../shared/decimal'
import type { PositionResult } from '../../../shared/engine'
import type { Position, Scenario } from '../../../shared/scenario'
import { price } from './display'

export interface LadderRow {
  /** The position's index in the scenario (the row's key). */
  i: number
  p: Position
  s: PositionResult
  m: PositionResult
  mark: string
  /** Decimal places the symbol's prices are written with. */
  places: number
  singleDist: string | null
  multiDist: string | null
  /** Their sizes as numbers, for sorting (Infinity: none). */
  singleSize: number
  multiSize: number
  /** The nearer of the two distances as a fraction (Infinity: none). */
  nearest: number
}

/** Binance's own liquidation price beside ours (imported accounts only; absent fields render nothing). */
export type BinanceFields = Pick<PositionResult, 'binanceLiquidationPrice' | 'liquidationPriceDifference' | 'differsFromBinance' | 'binanceMarkDiffers' | 'differenceTolerance'>

/** The engine puts Binance's figures on the positions of the mode the account is in today. */
export function binanceOf(r: LadderRow, scenario: Scenario): BinanceFields {
  return scenario.account.mode === 'multi-assets' ? r.m : r.s
}

export function binanceText(b: BinanceFields, places: number): string {
  if (b.binanceLiquidationPrice === undefined) return ''
  return b.binanceLiquidationPrice === null ? '--' : price(b.binanceLiquidationPrice, places)
}

export function differenceText(b: BinanceFields): string {
  const d = b.liquidationPriceDifference
  if (d === undefined || d === null) return ''
  return `${d.startsWith('-') ? '' : '+'}${d}`
}

export function binanceTitle(b: BinanceFields): string {
  if (b.binanceLiquidationPrice === undefined) return ''
  if (b.binanceMarkDiffers) return "Not compared: Binance's mark at export differs from this plan's mark, so the two prices are at different markets."
  const tol = b.differenceTolerance ? (b.differenceTolerance.basis === 'tickSize' ? `one tick (${b.differenceTolerance.amount})` : `${b.differenceTolerance.amount} (${new Decimal(b.differenceTolerance.ratio).times(100).toString()}% of Binance's price)`) : ''
  if (b.differsFromBinance) return `Ours − Binance's: ${differenceText(b) || 'one of the two has no liquidation price'}${tol ? `, beyond the tolerance of ${tol}` : ''}.`
  return `Matches ours${tol ? ` within ${tol}` : ''}.`
}
