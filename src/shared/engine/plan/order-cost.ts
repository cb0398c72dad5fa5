// The margin an extra order (or a fill) takes on one symbol side (margin-rules.md §7), read from
// compare's evaluation of the account as a plan leaves it: cost = increase of MR + open loss, by
// open-orders.ts's extraOrderCost. Trades (§8) and max open (§10) share it.
import { Decimal, ZERO, compare, maxDec } from '../../decimal'
import type { OrderSide } from '../../scenario/types'
import type { AccountState } from '../account-state'
import type { Bracket } from '../brackets'
import { extraOrderCost, marginRequirement, type PositionSideCode } from '../open-orders'
import { OwnedCache } from '../owned-cache'

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

/** The book of one symbol side as the account stands (`compare`'s own evaluation of positions and orders). */
export function sideBook(state: AccountState, symbol: string, positionSide: PositionSideCode): SideBook {
  return sideBooks(state).get(sideKey(symbol, positionSide)) ?? EMPTY_BOOK
}

export const EMPTY_BOOK: SideBook = { notional: ZERO, bidValue: ZERO, askValue: ZERO }

export function sideKey(symbol: string, positionSide: PositionSideCode): string {
  return `${symbol} ${positionSide}`
}

/**
 * Every side's book in one pass: N from the positions at their marks; BidValue and AskValue from
 * the order legs account-state.ts evaluated (stop and reduce-only orders excluded there, §7).
 */
export function sideBooks(state: AccountState): Map<string, SideBook> {
  const books = new Map<string, SideBook>()
  for (const st of state.positions) {
    const key = sideKey(st.position.symbol.symbol, st.position.positionSide)
    const b = books.get(key) ?? { ...EMPTY_BOOK }
    books.set(key, { ...b, notional: b.notional.plus(st.position.signedQty.times(st.mark)) })
  }
  for (const m of state.orderMargins) {
    const key = sideKey(m.leg.symbol.symbol, m.leg.positionSide)
    books.set(key, { ...(books.get(key) ?? EMPTY_BOOK), bidValue: m.bidValue, askValue: m.askValue })
  }
  return books
}

/**
 * Cost of adding `quantity` on `side` at `price` to the book: open-orders.ts's extraOrderCost
 * (increase of MR + open loss of the part that opens; one-way, an order against the position
 * first closes it). In hedge mode the book is the side the order opens.
 */
export function orderCost(book: SideBook, leverage: Decimal, side: OrderSide, quantity: Decimal, price: Decimal, mark: Decimal, hedge = false): Decimal {
  const positionSide: PositionSideCode = hedge ? (side === 'buy' ? 'LONG' : 'SHORT') : 'BOTH'
  const leg = { signedNotional: book.notional, bidValue: book.bidValue, askValue: book.askValue, leverage, positionSide, signedQty: signedQuantity(book, mark) }
  return extraOrderCost(leg, { side, quantity, price }, mark)
}

// Max open settles a quantity with several costs on one book at one mark: N / mark once.
const signedQuantities = new OwnedCache<SideBook, { mark: Decimal; quantity: Decimal }>('signed quantity')

function signedQuantity(book: SideBook, mark: Decimal): Decimal {
  const cached = signedQuantities.get(book)
  if (cached && cached.mark.eq(mark)) return cached.quantity
  const quantity = book.notional.div(mark)
  signedQuantities.set(book, { mark, quantity })
  return quantity
}

/** The largest notional the leverage allows: the largest cap of a bracket whose initialLeverage ≥ L (−2027 beyond it). */
export function maxNotionalForLeverage(brackets: Bracket[], leverage: number): Decimal | null {
  let cap: Decimal | null = null
  for (const b of brackets) if (b.initialLeverage >= leverage && (cap === null || compare(b.cap, cap) > 0)) cap = b.cap
  return cap
}
