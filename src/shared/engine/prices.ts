// A set of prices the account is evaluated at: each symbol's mark and each asset's index.
// Shocks (scenario-format.md §1 `shocks[].moves`) move an asset's index and the marks of every
// symbol whose baseAsset it is, together.
import { Decimal, ONE } from '../decimal'
import type { PreparedAccount } from './prepare'

export interface Prices {
  marks: Map<string, Decimal>
  indexes: Map<string, Decimal>
}

export function marketPrices(account: PreparedAccount): Prices {
  const marks = new Map<string, Decimal>()
  for (const s of account.symbols.values()) marks.set(s.symbol, s.mark)
  const indexes = new Map<string, Decimal>()
  for (const a of account.assets.values()) indexes.set(a.asset, a.index)
  return { marks, indexes }
}

/** Prices after relative moves by asset ("-0.2" = × 0.8). */
export function movedPrices(account: PreparedAccount, moves: Map<string, Decimal>): Prices {
  const prices = marketPrices(account)
  for (const [asset, move] of moves) {
    const factor = ONE.plus(move)
    const index = prices.indexes.get(asset)
    if (index) prices.indexes.set(asset, index.times(factor))
    for (const s of account.symbolsByBase.get(asset) ?? []) prices.marks.set(s.symbol, s.mark.times(factor))
  }
  return prices
}

export function bidRate(index: Decimal, bidBuffer: Decimal): Decimal {
  return index.times(ONE.minus(bidBuffer))
}

export function askRate(index: Decimal, askBuffer: Decimal): Decimal {
  return index.times(ONE.plus(askBuffer))
}
