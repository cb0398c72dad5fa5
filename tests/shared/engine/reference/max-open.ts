// Max open as it was before issue 10's speed work: the oracle of tests/shared/engine/engine-speed.test.ts.
//
// Max open (margin-rules.md §10; Binance publishes no formula, it is derived from §7 and the
// bracket table): per symbol with a position or an order, the largest quantity a buy and a sell
// (hedge mode: an opening buy on LONG, an opening sell on SHORT) can have at mark in each mode.
//
// Solved exactly, no search. At P = mark there is no open loss, and the cost of q is
//   MR(q) − MR₀ = max(|X + q·P|, |Y|) / L − MR₀        (buy: X = N + BidValue, Y = N − AskValue)
// with |Y| / L ≤ MR₀, so cost ≤ available ⇔ X + q·P ≤ K, K = L·(MR₀ + available):
//   q_margin = (K − X) / P; a sell mirrors it: q_margin = (K + Y) / P.
// The bracket: the position after the trade, at mark, at most the largest cap whose bracket
// allows the leverage: one-way q_bracket = cap / P − S (buy), cap / P + S (sell), S signed.
// In one-way mode an opposite order first closes the position (no margin), then opens: both
// formulas include it. Decision: the quantity is the largest multiple of 1e-18 within both limits
// (finer than any Binance step size; the app rounds down to the symbol's step), checked with the
// very cost function a plan trade uses, so the figure shown is always accepted.
import { Decimal, ONE, ZERO, maxDec, str } from '../../../../src/shared/decimal'
import type { OrderSide, Scenario } from '../../../../src/shared/scenario/types'
import type { AccountState } from '../../../../src/shared/engine/account-state'
import { availableForOrder, type ModeKey } from '../../../../src/shared/engine/available-for-order'
import type { PositionSideCode } from '../../../../src/shared/engine/open-orders'
import { EMPTY_BOOK, maxNotionalForLeverage, orderCost, sideBooks, sideKey, sideMarginRequirement, type SideBook } from '../../../../src/shared/engine/plan/order-cost'
import type { PreparedAccount, PreparedSymbol } from '../../../../src/shared/engine/prepare'
import type { MaxOpenEntry } from '../../../../src/shared/engine/result-types'


const QUANTITY_PLACES = 18
const QUANTITY_STEP = new Decimal(10).pow(-QUANTITY_PLACES)
/** Far above the 40-digit rounding of the solved root, far below the 1e-18 grid. */
const NEAR_GRID = new Decimal('1e-24')

export function maxOpen(mode: ModeKey, account: PreparedAccount, state: AccountState): MaxOpenEntry[] {
  const s = account.scenario
  const hedge = s.account.positionMode === 'hedge'
  const traded = new Set([...s.account.positions.map((p) => p.symbol), ...(s.account.openOrders ?? []).map((o) => o.symbol)])
  // One pass over the book for every side, one available per margin asset (the cost grows with the book).
  const books = sideBooks(state)
  const leverages = symbolLeverages(s)
  const available = new Map<string, Decimal>()
  const out: MaxOpenEntry[] = []
  for (const symbol of Object.keys(s.market.symbols)) {
    if (!traded.has(symbol)) continue
    const m = account.symbols.get(symbol)!
    if (!available.has(m.marginAsset)) available.set(m.marginAsset, availableForOrder(mode, account, state, m.marginAsset))
    const sides: [OrderSide, PositionSideCode][] = hedge ? [['buy', 'LONG'], ['sell', 'SHORT']] : [['buy', 'BOTH'], ['sell', 'BOTH']]
    for (const [side, positionSide] of sides) {
      const leverage = leverages.get(sideKey(symbol, positionSide)) ?? leverages.get(symbol) ?? Math.max(...m.brackets.map((b) => b.initialLeverage))
      out.push(maxOpenOf(m, side, positionSide, books.get(sideKey(symbol, positionSide)) ?? EMPTY_BOOK, leverage, available.get(m.marginAsset)!))
    }
  }
  return out
}

function maxOpenOf(m: PreparedSymbol, side: OrderSide, positionSide: PositionSideCode, book: SideBook, leverage: number, available: Decimal): MaxOpenEntry {
  const price = m.mark
  const symbol = m.symbol
  const L = new Decimal(leverage)
  // L·MR₀ without the division, so K carries no rounding.
  const K = sideMarginRequirement(book, ONE).plus(L.times(available))
  // One-way: closing the position is a reducing trade, always accepted (§8), whatever the orders hold.
  const closes = side === 'buy' ? book.notional.neg() : book.notional
  const marginLimit = maxDec(closes.div(price), side === 'buy' ? K.minus(book.notional.plus(book.bidValue)).div(price) : K.plus(book.notional.minus(book.askValue)).div(price))
  const cap = maxNotionalForLeverage(m.brackets, leverage) ?? ZERO
  const bracketLimit = (side === 'buy' ? cap.minus(book.notional) : cap.plus(book.notional)).div(price)
  const limit = maxDec(ZERO, Decimal.min(marginLimit, bracketLimit))
  let quantity = limit.toDecimalPlaces(QUANTITY_PLACES, Decimal.ROUND_DOWN)
  // Available and MR are rounded at 40 digits, so a root within a hair of a grid point may sit on
  // the wrong side of it: there only, settle it with the plan's own check, so that this quantity
  // is accepted and one step more is refused.
  if (limit.minus(quantity).lt(NEAR_GRID) || quantity.plus(QUANTITY_STEP).minus(limit).lt(NEAR_GRID)) {
    const closesQty = closes.div(price)
    const fitsMargin = (q: Decimal): boolean => q.lte(closesQty) || !orderCost(book, L, side, q, price, price).gt(available)
    for (let i = 0; i < 3 && quantity.gt(ZERO) && !fitsMargin(quantity); i++) quantity = quantity.minus(QUANTITY_STEP)
    for (let i = 0; i < 3 && quantity.plus(QUANTITY_STEP).lte(bracketLimit) && fitsMargin(quantity.plus(QUANTITY_STEP)); i++) quantity = quantity.plus(QUANTITY_STEP)
  }
  return {
    symbol,
    side,
    positionSide,
    price: str(price),
    quantity: str(quantity),
    notional: str(quantity.times(price)),
    limitedBy: marginLimit.lte(bracketLimit) ? 'margin' : 'bracket',
    leverage
  }
}

/** Leverage by side (its position's) and by symbol (any position's, else an order's own). */
function symbolLeverages(s: Scenario): Map<string, number> {
  const out = new Map<string, number>()
  for (const o of s.account.openOrders ?? []) if (o.leverage !== undefined && !out.has(o.symbol)) out.set(o.symbol, o.leverage)
  for (const p of s.account.positions) {
    out.set(p.symbol, p.leverage)
    if (s.account.positionMode === 'hedge') out.set(sideKey(p.symbol, p.side === 'long' ? 'LONG' : 'SHORT'), p.leverage)
  }
  return out
}

