// Binance's own liquidation price beside ours (issue 3). An imported account keeps what Binance
// reported for each position under extensions.binance (account-market.ts); this puts it beside
// the engine's figure for the mode the account is in, and flags a difference above one tick of
// the symbol (exchangeInfo's PRICE_FILTER tickSize, extensions.binance.tickSizes), or above
// 0.01% of Binance's price when the tick is unknown. Binance displays prices rounded to the tick
// (margin-rules.md §7); we keep full precision, so within one tick is agreement.
// Compared only at the same mark: a liquidation price moves with the other marks, so figures
// taken at different prices say nothing about the formula.
import { DECIMAL_PATTERN, Decimal, str } from '../decimal'
import type { Scenario } from '../scenario/types'
import type { DifferenceTolerance, PositionResult } from './result-types'

/** 0.01%: the tolerance when the symbol's tick size is unknown. */
export const RELATIVE_TOLERANCE = '0.0001'

export interface BinancePositionCheck {
  symbol: string
  positionSide: 'BOTH' | 'LONG' | 'SHORT'
  /** The position as imported; one edited since (other quantity, entry or margin type) is not compared. */
  quantity?: string
  entryPrice?: string
  marginType?: 'cross' | 'isolated'
  markPrice: string | null
  liquidationPrice: string | null
}

export interface BinanceExtension {
  importedAt?: string
  accountMode?: 'single-asset' | 'multi-assets'
  /** Same order as account.positions. */
  positions: (BinancePositionCheck | null)[]
  tickSizes: Record<string, string>
}

const decimalOrNull = (v: unknown): string | null | undefined =>
  v === null ? null : typeof v === 'string' && DECIMAL_PATTERN.test(v) && new Decimal(v).gt(0) ? v : undefined

/**
 * extensions.binance, read defensively: extensions are kept untouched, never validated, so a
 * hand-edited file may hold anything. An entry that does not read is skipped, never guessed.
 */
export function readBinanceExtension(s: Scenario): BinanceExtension | undefined {
  const b = s.extensions?.binance
  if (typeof b !== 'object' || b === null || !Array.isArray((b as { positions?: unknown }).positions)) return undefined
  const o = b as Record<string, unknown>
  const positions = (o.positions as unknown[]).map((e): BinancePositionCheck | null => {
    if (typeof e !== 'object' || e === null) return null
    const x = e as Record<string, unknown>
    const mark = decimalOrNull(x.markPrice)
    const liq = decimalOrNull(x.liquidationPrice)
    const side = x.positionSide
    if (typeof x.symbol !== 'string' || (side !== 'BOTH' && side !== 'LONG' && side !== 'SHORT') || mark === undefined || liq === undefined) return null
    const quantity = typeof x.quantity === 'string' && DECIMAL_PATTERN.test(x.quantity) ? x.quantity : undefined
    const entryPrice = typeof x.entryPrice === 'string' && DECIMAL_PATTERN.test(x.entryPrice) ? x.entryPrice : undefined
    const marginType = x.marginType === 'cross' || x.marginType === 'isolated' ? x.marginType : undefined
    return {
      symbol: x.symbol,
      positionSide: side,
      ...(quantity !== undefined ? { quantity } : {}),
      ...(entryPrice !== undefined ? { entryPrice } : {}),
      ...(marginType !== undefined ? { marginType } : {}),
      markPrice: mark,
      liquidationPrice: liq
    }
  })
  const tickSizes: Record<string, string> = {}
  if (typeof o.tickSizes === 'object' && o.tickSizes !== null) {
    for (const [symbol, t] of Object.entries(o.tickSizes as Record<string, unknown>)) {
      if (typeof t === 'string' && DECIMAL_PATTERN.test(t) && new Decimal(t).gt(0)) tickSizes[symbol] = t
    }
  }
  const accountMode = o.accountMode === 'single-asset' || o.accountMode === 'multi-assets' ? o.accountMode : undefined
  return { ...(typeof o.importedAt === 'string' ? { importedAt: o.importedAt } : {}), ...(accountMode ? { accountMode } : {}), positions, tickSizes }
}

/** Which result section holds the mode the account is in. */
export function checkedMode(s: Scenario): 'singleAsset' | 'multiAssets' {
  return s.account.mode === 'single-asset' ? 'singleAsset' : 'multiAssets'
}

/**
 * The positions of one mode with Binance's figures beside ours. Pure; positions without a
 * matching Binance entry (none imported, or edited since: other symbol, side, quantity, entry
 * price or margin type) are
 * returned as they were.
 */
export function withBinanceCheck(s: Scenario, positions: PositionResult[], ext: BinanceExtension): PositionResult[] {
  return positions.map((p, i) => {
    const b = ext.positions[i]
    const own = s.account.positions[i]
    if (!b || !own || b.symbol !== p.symbol) return p
    const sideMatches = b.positionSide === 'BOTH' ? own.side === p.side : b.positionSide === (own.side === 'long' ? 'LONG' : 'SHORT')
    const edited =
      (b.quantity !== undefined && !new Decimal(b.quantity).eq(own.quantity)) ||
      (b.entryPrice !== undefined && !new Decimal(b.entryPrice).eq(own.entryPrice)) ||
      (b.marginType !== undefined && b.marginType !== own.marginType)
    if (!sideMatches || edited) return p
    const out: PositionResult = { ...p, binanceLiquidationPrice: b.liquidationPrice }
    if (b.markPrice === null || !new Decimal(b.markPrice).eq(p.markPrice)) {
      out.binanceMarkDiffers = true
      return out
    }
    out.binanceMarkDiffers = false
    const ours = p.liquidationPrice
    const theirs = b.liquidationPrice
    if (ours === null || theirs === null) {
      // "--" on one side and a price on the other is a difference of its own kind.
      out.liquidationPriceDifference = null
      out.differsFromBinance = ours !== theirs
      return out
    }
    const difference = new Decimal(ours).minus(theirs)
    const tick = Object.prototype.hasOwnProperty.call(ext.tickSizes, p.symbol) ? ext.tickSizes[p.symbol] : undefined
    const tolerance: DifferenceTolerance =
      tick !== undefined ? { basis: 'tickSize', amount: tick } : { basis: 'relative', amount: str(new Decimal(theirs).times(RELATIVE_TOLERANCE)), ratio: RELATIVE_TOLERANCE }
    out.liquidationPriceDifference = str(difference)
    out.differenceTolerance = tolerance
    out.differsFromBinance = difference.abs().gt(tolerance.amount)
    return out
  })
}
