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
import { Decimal, ONE, ZERO, compare, maxDec, minDec, str } from '../decimal'
import type { OrderSide, Scenario } from '../scenario/types'
import type { AccountState } from './account-state'
import { availableForOrder, type ModeKey } from './available-for-order'
import type { PositionSideCode } from './open-orders'
import { EMPTY_BOOK, maxNotionalForLeverage, orderCost, sideBooks, sideKey, sideMarginRequirement, type SideBook } from './plan/order-cost'
import type { PreparedAccount, PreparedSymbol } from './prepare'
import { OwnedCache } from './owned-cache'
import type { MaxOpenEntry } from './result-types'


const QUANTITY_PLACES = 18
const QUANTITY_STEP = new Decimal(10).pow(-QUANTITY_PLACES)
/** Far above the 40-digit rounding of the solved root, far below the 1e-18 grid. */
const NEAR_GRID = new Decimal('1e-24')
const STEP_LESS_NEAR = QUANTITY_STEP.minus(NEAR_GRID)

export function maxOpen(mode: ModeKey, account: PreparedAccount, state: AccountState): MaxOpenEntry[] {
  // One available per margin asset (the cost grows with the book).
  const available = new Map<string, Decimal>()
  // L × available, one per margin asset and leverage (most sides share a few leverages).
  const leveraged = new Map<string, Decimal>()
  return sideFigures(account, state).map((f) => {
    const asset = f.symbol.marginAsset
    if (!available.has(asset)) available.set(asset, availableForOrder(mode, account, state, asset))
    const a = available.get(asset)!
    const key = `${asset} ${f.leverage}`
    if (!leveraged.has(key)) leveraged.set(key, f.L.times(a))
    return maxOpenOf(f, a, leveraged.get(key)!)
  })
}

/** What max open needs of one symbol side that does not depend on the mode (only available does). */
interface SideFigures {
  symbol: PreparedSymbol
  side: OrderSide
  positionSide: PositionSideCode
  book: SideBook
  leverage: number
  L: Decimal
  /** The signed notional an opposite order closes first (one-way), ≤ 0 when there is none. */
  closes: Decimal
  /** L·MR₀: max(|N + BidValue|, |N − AskValue|). */
  requirement: Decimal
  /** What K is reduced by (buy: N + BidValue) or increased by (sell: N − AskValue). */
  opened: Decimal
  bracketLimit: Decimal
  price: string
  /** The entry last computed, and at which available. */
  last?: { available: Decimal; entry: MaxOpenEntry }
}

/**
 * compare asks for both modes of one evaluation: the per-side figures (the side books, the
 * bracket limit, a division each) are computed once per evaluated account (issue 10).
 */
const figuresCache = new OwnedCache<AccountState, { account: PreparedAccount; figures: SideFigures[] }>('max open side figures')

function sideFigures(account: PreparedAccount, state: AccountState): SideFigures[] {
  const cached = figuresCache.get(state)
  if (cached && cached.account === account) return cached.figures
  const s = account.scenario
  const hedge = s.account.positionMode === 'hedge'
  const traded = new Set([...s.account.positions.map((p) => p.symbol), ...(s.account.openOrders ?? []).map((o) => o.symbol)])
  // One pass over the book for every side.
  const books = sideBooks(state)
  const leverages = symbolLeverages(s)
  const figures: SideFigures[] = []
  for (const symbol of Object.keys(s.market.symbols)) {
    if (!traded.has(symbol)) continue
    const m = account.symbols.get(symbol)!
    const price = str(m.mark)
    const sides: [OrderSide, PositionSideCode][] = hedge ? [['buy', 'LONG'], ['sell', 'SHORT']] : [['buy', 'BOTH'], ['sell', 'BOTH']]
    // A symbol's two sides often share the leverage (its cap) and, one-way, the book (its MR).
    let shared: { leverage: number; cap: Decimal; book: SideBook; requirement: Decimal } | null = null
    for (const [side, positionSide] of sides) {
      const leverage = leverages.get(sideKey(symbol, positionSide)) ?? leverages.get(symbol) ?? Math.max(...m.brackets.map((b) => b.initialLeverage))
      const book = books.get(sideKey(symbol, positionSide)) ?? EMPTY_BOOK
      const buy = side === 'buy'
      const cap: Decimal = shared?.leverage === leverage ? shared.cap : (maxNotionalForLeverage(m.brackets, leverage) ?? ZERO)
      // L·MR₀ without the division, so K carries no rounding.
      const requirement: Decimal = shared?.book === book ? shared.requirement : sideMarginRequirement(book, ONE)
      shared = { leverage, cap, book, requirement }
      figures.push({
        symbol: m,
        side,
        positionSide,
        book,
        leverage,
        L: decimalLeverage(leverage),
        // One-way: closing the position is a reducing trade, always accepted (§8), whatever the orders hold.
        closes: buy ? book.notional.neg() : book.notional,
        requirement,
        opened: buy ? book.notional.plus(book.bidValue) : book.notional.minus(book.askValue),
        bracketLimit: (buy ? cap.minus(book.notional) : cap.plus(book.notional)).div(m.mark),
        price
      })
    }
  }
  figuresCache.set(state, { account, figures })
  return figures
}

const leverageDecimals = new Map<number, Decimal>()

/** Leverages are small integers: one Decimal each. */
function decimalLeverage(leverage: number): Decimal {
  let L = leverageDecimals.get(leverage)
  if (!L) leverageDecimals.set(leverage, (L = new Decimal(leverage)))
  return L
}

function maxOpenOf(f: SideFigures, available: Decimal, leveragedAvailable: Decimal): MaxOpenEntry {
  // The entry is a function of the side and available alone: a mode with the same available
  // (both 0 in an account under water) repeats the other's.
  if (f.last && compare(f.last.available, available) === 0) return { ...f.last.entry }
  const { book, side, L, closes, bracketLimit } = f
  const price = f.symbol.mark
  const K = f.requirement.plus(leveragedAvailable)
  // max(closes / P, (K − X) / P) with one division: dividing by the mark (> 0) rounds
  // monotonically, so the larger numerator gives the larger rounded quotient.
  const marginLimit = maxDec(closes, side === 'buy' ? K.minus(f.opened) : K.plus(f.opened)).div(price)
  // min's sign of zero is lost in max(0, ·).
  const limit = maxDec(ZERO, minDec(marginLimit, bracketLimit))
  let quantity = limit.toDecimalPlaces(QUANTITY_PLACES, Decimal.ROUND_DOWN)
  // Available and MR are rounded at 40 digits, so a root within a hair of a grid point may sit on
  // the wrong side of it: there only, settle it with the plan's own check, so that this quantity
  // is accepted and one step more is refused. Only the margin root is rounded: with it NEAR_GRID or
  // more from both grid points (a limit set by the bracket, or by 0), the check agrees with it and
  // is skipped (issue 10: it cost an order's margin twice, a third of max open's work).
  if (nearGridPoint(limit, quantity) && marginRootNear(marginLimit, quantity)) {
    // Every q tried is > 0, so with nothing to close (closes ≤ 0) q ≤ closes / P never holds.
    const closesQty = closes.gt(ZERO) ? closes.div(price) : null
    const fitsMargin = (q: Decimal): boolean => (closesQty !== null && q.lte(closesQty)) || !orderCost(book, L, side, q, price, price, f.positionSide !== 'BOTH').gt(available)
    for (let i = 0; i < 3 && quantity.gt(ZERO) && !fitsMargin(quantity); i++) quantity = quantity.minus(QUANTITY_STEP)
    for (let i = 0; i < 3 && quantity.plus(QUANTITY_STEP).lte(bracketLimit) && fitsMargin(quantity.plus(QUANTITY_STEP)); i++) quantity = quantity.plus(QUANTITY_STEP)
  }
  const entry: MaxOpenEntry = {
    symbol: f.symbol.symbol,
    side,
    positionSide: f.positionSide,
    price: f.price,
    quantity: str(quantity),
    notional: str(quantity.times(price)),
    limitedBy: compare(marginLimit, bracketLimit) <= 0 ? 'margin' : 'bracket',
    leverage: f.leverage
  }
  f.last = { available, entry: { ...entry } }
  return entry
}

/** The digits of the limit past the grid (exact), this near to either grid point around it. */
function nearGridPoint(limit: Decimal, quantity: Decimal): boolean {
  const tail = limit.minus(quantity)
  return compare(tail, NEAR_GRID) < 0 || compare(tail, STEP_LESS_NEAR) > 0
}

/** Whether the margin root lies within NEAR_GRID of the grid point `quantity` or of the next. */
function marginRootNear(marginLimit: Decimal, quantity: Decimal): boolean {
  return compare(marginLimit.minus(quantity).abs(), NEAR_GRID) < 0 || compare(marginLimit.minus(quantity.plus(QUANTITY_STEP)).abs(), NEAR_GRID) < 0
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

