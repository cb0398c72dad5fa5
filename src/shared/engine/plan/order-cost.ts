// The margin an extra order (or a fill) takes on one symbol side (margin-rules.md §7), read from
// the scenario as a plan leaves it: cost = increase of MR + open loss, with open-orders.ts's
// formulas. Trades (§8) and max open (§10) share it.
import { Decimal, ZERO, maxDec } from '../../decimal'
import type { OrderSide, Scenario, Side } from '../../scenario/types'
import { marginRequirement, openLoss, openingQuantity } from '../open-orders'

export interface SideBook {
  /** N: signed notional of the position side at mark (short < 0), 0 without a position. */
  notional: Decimal
  /** Σ quantity × price of the side's resting limit buys and sells (stop orders hold none). */
  bidValue: Decimal
  askValue: Decimal
}

/** MR of a side with its orders at leverage L (FAQ 4f83b65d…: 5,950 in its example). */
export function sideMarginRequirement(book: SideBook, leverage: Decimal): Decimal {
  return marginRequirement(book.notional, book.bidValue, book.askValue, leverage)
}

/** The side's position notional and resting limit orders, from the scenario as it stands. */
export function sideBook(s: Scenario, symbol: string, positionSide: Side | undefined, mark: Decimal): SideBook {
  return sideBooks(s, new Map([[symbol, mark]])).get(sideKey(symbol, positionSide)) ?? { notional: ZERO, bidValue: ZERO, askValue: ZERO }
}

export function sideKey(symbol: string, positionSide: Side | undefined): string {
  return positionSide === undefined ? symbol : `${symbol} ${positionSide}`
}

/** Every side's book in one pass over positions and orders (for the symbols given a mark). */
export function sideBooks(s: Scenario, marks: Map<string, Decimal>): Map<string, SideBook> {
  const hedge = s.account.positionMode === 'hedge'
  const books = new Map<string, SideBook>()
  const bookOf = (symbol: string, side: Side | undefined): SideBook => {
    const key = sideKey(symbol, hedge ? side : undefined)
    let b = books.get(key)
    if (!b) books.set(key, (b = { notional: ZERO, bidValue: ZERO, askValue: ZERO }))
    return b
  }
  for (const p of s.account.positions) {
    const mark = marks.get(p.symbol)
    if (mark === undefined) continue
    const b = bookOf(p.symbol, p.side)
    const n = new Decimal(p.quantity).times(mark)
    b.notional = b.notional.plus(p.side === 'long' ? n : n.neg())
  }
  for (const o of s.account.openOrders ?? []) {
    // As open-orders.ts holdsMargin: limit orders that may open hold margin; stop and reduce-only orders do not.
    if (o.type !== 'limit' || o.reduceOnly === true || !marks.has(o.symbol)) continue
    const b = bookOf(o.symbol, o.positionSide)
    const value = new Decimal(o.quantity).times(o.price)
    if (o.side === 'buy') b.bidValue = b.bidValue.plus(value)
    else b.askValue = b.askValue.plus(value)
  }
  return books
}

/**
 * Cost of adding `quantity` on `side` at `price` to the book: MR after − MR before, plus the open
 * loss of the part that opens (one-way: an order against the position first closes it, as
 * open-orders.ts decides).
 */
export function orderCost(book: SideBook, leverage: Decimal, side: OrderSide, quantity: Decimal, price: Decimal, mark: Decimal, hedge = false): Decimal {
  const value = quantity.times(price)
  const after: SideBook = side === 'buy' ? { ...book, bidValue: book.bidValue.plus(value) } : { ...book, askValue: book.askValue.plus(value) }
  const opening = openingQuantity(side, quantity, hedge ? (side === 'buy' ? 'LONG' : 'SHORT') : 'BOTH', book.notional.div(mark))
  return maxDec(ZERO, sideMarginRequirement(after, leverage).minus(sideMarginRequirement(book, leverage))).plus(openLoss(side, opening, price, mark))
}

/** The largest notional the leverage allows: the largest cap of a bracket whose initialLeverage ≥ L (−2027 beyond it). */
export function maxNotionalForLeverage(brackets: { notionalCap: string; initialLeverage: number }[], leverage: number): Decimal | null {
  let cap: Decimal | null = null
  for (const b of brackets) if (b.initialLeverage >= leverage) cap = cap === null ? new Decimal(b.notionalCap) : maxDec(cap, new Decimal(b.notionalCap))
  return cap
}
