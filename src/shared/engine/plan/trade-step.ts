// A trade in a plan (margin-rules.md §8) [FAQ 360033544231, 5d62f8be…]. A trade that opens
// exposure must fit the leverage's bracket (−2027) and its cost (increase of MR, §7, + open loss)
// must fit available for order in that mode (−2019); reducing trades always pass. Realized PnL and
// commission move the margin asset's wallet. A refused trade changes nothing.
import { Decimal, ZERO, minDec, str } from '../../decimal'
import { assetPlaces, formatAmount } from '../../format'
import type { Position, Side, TradeStep } from '../../scenario/types'
import { commissionRates, tradeCommission } from '../commission'
import { maxNotionalForLeverage, orderCost, sideBook } from './order-cost'
import { availableForOrder } from '../available-for-order'
import { creditWallet, evaluatePlanState, plain, type PlanState } from './plan-state'
import type { PlanStepModeResult as StepOutcome } from '../result-types'

const MODE_NAME = { singleAsset: 'Single-Asset Mode', multiAssets: 'Multi-Assets Mode' } as const

export function applyTrade(s: PlanState, step: TradeStep): StepOutcome {
  const sc = s.scenario
  const market = sc.market.symbols[step.symbol]!
  const asset = market.marginAsset
  const mark = new Decimal(market.markPrice)
  const price = step.price === undefined ? mark : new Decimal(step.price)
  const q = new Decimal(step.quantity)
  const hedge = sc.account.positionMode === 'hedge'
  const positionSide: Side | undefined = hedge ? step.positionSide : undefined
  const at = sc.account.positions.findIndex((p) => p.symbol === step.symbol && (!hedge || p.side === positionSide))
  const position = at < 0 ? undefined : sc.account.positions[at]!
  const held = position ? new Decimal(position.quantity) : ZERO
  const buy = step.side === 'buy'
  // One-way: a trade opens exposure unless it only reduces the position; hedge: buys open LONG, sells open SHORT.
  const opening = hedge ? buy === (positionSide === 'long') : !position || (position.side === 'long') === buy || q.gt(held)

  const e = evaluatePlanState(s)
  const availableBefore = availableForOrder(s.mode, e.account, e.state, asset)
  const liquidity = step.liquidity ?? 'taker'
  const rates = commissionRates(sc.account)
  const rate = liquidity === 'maker' ? rates.maker : rates.taker
  const refused = (code: string, binanceCode: number | undefined, message: string, cost: Decimal | null): StepOutcome => ({
    accepted: false,
    code,
    ...(binanceCode === undefined ? {} : { binanceCode }),
    message,
    ...(cost === null ? {} : { cost: str(cost) }),
    availableBefore: str(availableBefore),
    price: str(price),
    commissionRate: str(rate)
  })
  const fmt = (d: Decimal): string => `${formatAmount(str(d), assetPlaces(asset))} ${asset}`

  if (!opening && q.gt(held)) {
    return refused('REDUCE_EXCEEDS_POSITION', -2022, `${step.side} ${step.quantity} ${step.symbol} ${positionSide?.toUpperCase() ?? ''} would close more than the ${held.toString()} held on that side: Binance rejects it (ReduceOnly).`, ZERO)
  }
  // One leverage per symbol (Binance; the reader refuses a trade that would change it): the
  // position's, else the one an order or an earlier trade set, else the trade's own.
  const known = position?.leverage ?? s.leverages.get(step.symbol)
  const leverage = known ?? step.leverage
  let cost = ZERO
  if (opening) {
    if (leverage === undefined) {
      return refused('LEVERAGE_REQUIRED', undefined, `${step.symbol} has no position and no leverage: give the trade a leverage.`, null)
    }
    const book = sideBook(e.state, step.symbol, hedge ? (positionSide === 'long' ? 'LONG' : 'SHORT') : 'BOTH')
    cost = orderCost(book, new Decimal(leverage), step.side, q, price, mark, hedge)
    const signedAfter = signedQuantity(position).plus(buy ? q : q.neg())
    const notionalAfter = (hedge ? held.plus(q) : signedAfter.abs()).times(mark)
    const cap = maxNotionalForLeverage(e.account.symbols.get(step.symbol)!.brackets, leverage)
    if (cap === null || notionalAfter.gt(cap)) {
      return refused('MAX_NOTIONAL', -2027, `${step.symbol} would hold ${fmt(notionalAfter)} of notional at mark; at ${leverage}x its brackets allow ${cap === null ? 'none' : fmt(cap)}.`, cost)
    }
    if (cost.gt(availableBefore)) {
      return refused('INSUFFICIENT_MARGIN', -2019, `${step.side} ${step.quantity} ${step.symbol} needs ${fmt(cost)} of margin; ${MODE_NAME[s.mode]} has ${fmt(availableBefore)} available for order.`, cost)
    }
  }

  // A reducing trade has a position, so a leverage.
  const realized = fill(s, at, step, q, price, leverage!)
  const commission = tradeCommission(rates, liquidity, q, price)
  // §8: realized PnL and commission settle in the margin asset's wallet (2022 FAQ: wallet balance).
  creditWallet(s, asset, realized.minus(commission))
  return { accepted: true, cost: str(cost), availableBefore: str(availableBefore), realizedPnl: str(realized), commission: str(commission), price: str(price), commissionRate: str(rate) }
}

function signedQuantity(p: Position | undefined): Decimal {
  if (!p) return ZERO
  return p.side === 'long' ? new Decimal(p.quantity) : new Decimal(p.quantity).neg()
}

/**
 * Applies the fill to the position list and returns the realized PnL (§8): the increasing part
 * moves the entry to the quantity-weighted average; the reducing part realizes
 * q_reduced × (P − E) × s; a one-way trade larger than the position closes it and opens the rest
 * on the other side at P. Decision: an isolated position keeps its margin in proportion to what
 * is left and receives the initial margin (q × P / L) of what is added.
 */
function fill(s: PlanState, at: number, step: TradeStep, q: Decimal, price: Decimal, leverage: number): Decimal {
  const positions = s.scenario.account.positions
  const tradeSide: Side = step.side === 'buy' ? 'long' : 'short'
  const p = at < 0 ? undefined : positions[at]!
  if (!p) {
    const side: Side = step.positionSide ?? tradeSide
    positions.push({ symbol: step.symbol, side, quantity: plain(q), entryPrice: plain(price), leverage, marginType: 'cross' })
    s.leverages.set(step.symbol, leverage)
    return ZERO
  }
  const held = new Decimal(p.quantity)
  const entry = new Decimal(p.entryPrice)
  const isolated = p.marginType === 'isolated'
  const isolatedWallet = isolated ? new Decimal(p.isolatedWallet ?? 0) : ZERO
  const increases = s.scenario.account.positionMode === 'hedge' ? (p.side === 'long') === (step.side === 'buy') : p.side === tradeSide
  if (increases) {
    const quantity = held.plus(q)
    p.entryPrice = plain(held.times(entry).plus(q.times(price)).div(quantity))
    p.quantity = plain(quantity)
    if (isolated) p.isolatedWallet = plain(isolatedWallet.plus(q.times(price).div(leverage)))
    return ZERO
  }
  const reduced = minDec(q, held)
  const realized = reduced.times(price.minus(entry)).times(p.side === 'long' ? 1 : -1)
  const left = held.minus(reduced)
  const rest = q.minus(reduced)
  if (left.gt(ZERO)) {
    p.quantity = plain(left)
    if (isolated) p.isolatedWallet = plain(isolatedWallet.times(left).div(held))
  } else if (rest.gt(ZERO)) {
    // One-way: closed, and the rest opens on the other side at P.
    p.side = tradeSide
    p.quantity = plain(rest)
    p.entryPrice = plain(price)
    if (isolated) p.isolatedWallet = plain(rest.times(price).div(leverage))
  } else {
    positions.splice(at, 1)
  }
  return realized
}
