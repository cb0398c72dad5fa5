// Open orders (margin-rules.md §7) [FAQ 4f83b65d83654b5e933f85ef12bf769d, FAQ 87fa7ee33b574f7084d42bd2ce2e463b]:
// limit orders hold margin, stop orders none. Per symbol (per position side in hedge mode), at
// the leverage L: MR = max(|N + BidValue|, |N − AskValue|) / L, open-order IM = MR − |N| / L, and
// each opening order adds its open loss. The held amount enters initial margin and available
// for order in both modes, never maintenance margin, the margin ratio or a liquidation price.
import { Decimal, ONE, ZERO, compare, maxDec, minDec, minus, plus, times } from '../decimal'
import type { OrderSide, OrderType, Scenario } from '../scenario/types'
import type { PreparedPosition, PreparedSymbol } from './prepare'

export type PositionSideCode = 'BOTH' | 'LONG' | 'SHORT'

export interface PreparedOrder {
  /** Index in account.openOrders. */
  index: number
  symbol: PreparedSymbol
  side: OrderSide
  positionSide: PositionSideCode
  quantity: Decimal
  price: Decimal
  type: OrderType
  reduceOnly: boolean
}

/** The position and orders of one symbol and position side, and the leverage they are margined at. */
export interface OrderLeg {
  symbol: PreparedSymbol
  positionSide: PositionSideCode
  /** The position's leverage, else an order's own (null: only stop or reduce-only orders, nothing held). */
  leverage: Decimal | null
  orders: PreparedOrder[]
}

/** What a leg's orders hold at a set of marks, in units of the symbol's margin asset. */
export interface OrderLegMargin {
  leg: OrderLeg
  signedNotional: Decimal
  bidValue: Decimal
  askValue: Decimal
  marginRequirement: Decimal
  initialMargin: Decimal
  openLoss: Decimal
  /** initialMargin + openLoss. */
  held: Decimal
}

export function prepareOpenOrders(scenario: Scenario, symbols: Map<string, PreparedSymbol>): PreparedOrder[] {
  const hedge = scenario.account.positionMode === 'hedge'
  return (scenario.account.openOrders ?? []).map((o, index) => ({
    index,
    symbol: symbols.get(o.symbol)!,
    side: o.side,
    positionSide: hedge ? (o.positionSide === 'short' ? 'SHORT' : 'LONG') : 'BOTH',
    quantity: new Decimal(o.quantity),
    price: new Decimal(o.price),
    type: o.type,
    reduceOnly: o.reduceOnly === true
  }))
}

/** The legs that have orders, in order of their first order; leverage per scenario-format.md §3. */
export function orderLegs(scenario: Scenario, orders: PreparedOrder[], positions: PreparedPosition[]): OrderLeg[] {
  const legs = new Map<string, OrderLeg>()
  for (const o of orders) {
    const key = `${o.symbol.symbol} ${o.positionSide}`
    let leg = legs.get(key)
    if (!leg) {
      const own = positions.find((p) => p.symbol === o.symbol && p.positionSide === o.positionSide)
      const any = own ?? positions.find((p) => p.symbol === o.symbol)
      const ordered = (scenario.account.openOrders ?? []).find((f) => f.symbol === o.symbol.symbol && f.leverage !== undefined)
      const leverage = any ? any.leverage : ordered?.leverage !== undefined ? new Decimal(ordered.leverage) : null
      leg = { symbol: o.symbol, positionSide: o.positionSide, leverage, orders: [] }
      legs.set(key, leg)
    }
    leg.orders.push(o)
  }
  return [...legs.values()]
}

/** Limit orders that may open exposure hold margin; stop orders and reduce-only orders do not. */
export function holdsMargin(o: PreparedOrder): boolean {
  return o.type === 'limit' && !o.reduceOnly
}

/** §7: MR = max(|N + BidValue|, |N − AskValue|) / L. */
export function marginRequirement(signedNotional: Decimal, bidValue: Decimal, askValue: Decimal, leverage: Decimal): Decimal {
  const exposure = maxDec(plus(signedNotional, bidValue).abs(), minus(signedNotional, askValue).abs())
  // L·MR (max open asks with L = 1): a sum already has at most the precision's digits, so ÷ 1 is itself.
  return compare(leverage, ONE) === 0 ? exposure : exposure.div(leverage)
}

/** §7: open loss = q × |min(0, d × (mark − price))|, d = +1 buy, −1 sell. */
export function openLoss(side: OrderSide, quantity: Decimal, price: Decimal, mark: Decimal): Decimal {
  const d = side === 'buy' ? 1 : -1
  return times(quantity, minDec(ZERO, mark.minus(price).times(d)).abs())
}

/**
 * The quantity of an order that opens exposure. Hedge: a buy on LONG or a sell on SHORT.
 * Decision (one-way, Binance publishes no rule): an order against the position first closes it,
 * so only its part beyond the position's size opens (and pays open loss).
 */
export function openingQuantity(side: OrderSide, quantity: Decimal, positionSide: PositionSideCode, signedPositionQty: Decimal): Decimal {
  if (positionSide === 'LONG') return side === 'buy' ? quantity : ZERO
  if (positionSide === 'SHORT') return side === 'sell' ? quantity : ZERO
  const against = side === 'buy' ? signedPositionQty.isNeg() : signedPositionQty.gt(ZERO)
  return against ? maxDec(ZERO, quantity.minus(signedPositionQty.abs())) : quantity
}

/** Signed notional at mark of the leg's position (short < 0, hedge SHORT < 0); 0 without one. */
export function legSignedQuantity(leg: { symbol: PreparedSymbol; positionSide: PositionSideCode }, positions: PreparedPosition[]): Decimal {
  return positions
    .filter((p) => p.symbol === leg.symbol && (leg.positionSide === 'BOTH' || p.positionSide === leg.positionSide))
    .reduce((s, p) => s.plus(p.signedQty), ZERO)
}

export function legMargin(leg: OrderLeg, signedQty: Decimal, mark: Decimal): OrderLegMargin {
  let bidValue = ZERO
  let askValue = ZERO
  let loss = ZERO
  for (const o of leg.orders) {
    if (!holdsMargin(o)) continue
    const value = o.quantity.times(o.price)
    if (o.side === 'buy') bidValue = bidValue.plus(value)
    else askValue = askValue.plus(value)
    loss = loss.plus(openLoss(o.side, openingQuantity(o.side, o.quantity, leg.positionSide, signedQty), o.price, mark))
  }
  const signedNotional = signedQty.times(mark)
  const counted = !bidValue.isZero() || !askValue.isZero()
  const L = leg.leverage
  const mr = L && counted ? marginRequirement(signedNotional, bidValue, askValue, L) : L ? signedNotional.abs().div(L) : ZERO
  const im = L && counted ? maxDec(ZERO, mr.minus(signedNotional.abs().div(L))) : ZERO
  return { leg, signedNotional, bidValue, askValue, marginRequirement: mr, initialMargin: im, openLoss: loss, held: im.plus(loss) }
}

/**
 * The cost of one more order on a leg (§7, §8: "increase of MR + open loss"): what a trade or a
 * new order takes from available for order. `leg` holds the existing orders' bid and ask values.
 */
export function extraOrderCost(
  leg: { signedNotional: Decimal; bidValue: Decimal; askValue: Decimal; leverage: Decimal; positionSide: PositionSideCode; signedQty: Decimal },
  order: { side: OrderSide; quantity: Decimal; price: Decimal },
  mark: Decimal
): Decimal {
  const before = marginRequirement(leg.signedNotional, leg.bidValue, leg.askValue, leg.leverage)
  const value = order.quantity.times(order.price)
  const after =
    order.side === 'buy'
      ? marginRequirement(leg.signedNotional, leg.bidValue.plus(value), leg.askValue, leg.leverage)
      : marginRequirement(leg.signedNotional, leg.bidValue, leg.askValue.plus(value), leg.leverage)
  const loss = openLoss(order.side, openingQuantity(order.side, order.quantity, leg.positionSide, leg.signedQty), order.price, mark)
  return plus(maxDec(ZERO, after.minus(before)), loss)
}

/**
 * What `extraOrderCost` needs for a leg of an evaluated account: its position's signed quantity
 * and notional at `mark`, the bid and ask values of its orders that hold margin, and its leverage
 * (`leverage` when the leg has none yet: a trade that opens a new symbol).
 */
export function orderLegContext(
  legs: OrderLeg[],
  positions: PreparedPosition[],
  symbol: PreparedSymbol,
  positionSide: PositionSideCode,
  mark: Decimal,
  leverage?: Decimal
): { signedNotional: Decimal; bidValue: Decimal; askValue: Decimal; leverage: Decimal; positionSide: PositionSideCode; signedQty: Decimal } | null {
  const leg = legs.find((l) => l.symbol === symbol && l.positionSide === positionSide)
  const signedQty = legSignedQuantity({ symbol, positionSide }, positions)
  const position = positions.find((p) => p.symbol === symbol && (positionSide === 'BOTH' || p.positionSide === positionSide)) ?? positions.find((p) => p.symbol === symbol)
  const L = position?.leverage ?? leg?.leverage ?? leverage
  if (!L) return null
  const m = leg ? legMargin({ ...leg, leverage: L }, signedQty, mark) : null
  return { signedNotional: signedQty.times(mark), bidValue: m?.bidValue ?? ZERO, askValue: m?.askValue ?? ZERO, leverage: L, positionSide, signedQty }
}
