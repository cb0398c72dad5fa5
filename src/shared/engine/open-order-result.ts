// The open orders in the compare document (scenario-format.md §3): the file's orders as listed,
// and what each symbol's (position side's) orders hold in each mode (margin-rules.md §7).
import { ZERO, str } from '../decimal'
import type { AccountState } from './account-state'
import { holdsMargin, legSignedQuantity, openLoss, openingQuantity } from './open-orders'
import type { PreparedAccount } from './prepare'
import type { OpenOrderListing, OpenOrderMarginResult } from './result-types'

/** The orders at the market's marks (now). */
export function openOrderListing(account: PreparedAccount): OpenOrderListing[] {
  return account.openOrders.map((o) => {
    const mark = o.symbol.mark
    const signedQty = legSignedQuantity(o, account.positions)
    return {
      symbol: o.symbol.symbol,
      side: o.side,
      positionSide: o.positionSide,
      type: o.type,
      quantity: str(o.quantity),
      price: str(o.price),
      reduceOnly: o.reduceOnly,
      openLoss: str(holdsMargin(o) ? openLoss(o.side, openingQuantity(o.side, o.quantity, o.positionSide, signedQty), o.price, mark) : ZERO)
    }
  })
}

/** Per leg with orders; `usd` adds the held amount at the margin asset's askRate (Multi-Assets). */
export function openOrderMargins(state: AccountState, usd: boolean): OpenOrderMarginResult[] {
  return state.orderMargins.map((m) => {
    const r: OpenOrderMarginResult = {
      symbol: m.leg.symbol.symbol,
      positionSide: m.leg.positionSide,
      marginAsset: m.leg.symbol.marginAsset,
      leverage: m.leg.leverage === null ? null : m.leg.leverage.toNumber(),
      bidValue: str(m.bidValue),
      askValue: str(m.askValue),
      marginRequirement: str(m.marginRequirement),
      initialMargin: str(m.initialMargin),
      openLoss: str(m.openLoss),
      held: str(m.held),
      orders: m.leg.orders.length,
      stopOrders: m.leg.orders.filter((o) => o.type === 'stop').length
    }
    if (usd) r.heldUsd = str(m.held.times(state.assets.get(m.leg.symbol.marginAsset)!.askRate))
    return r
  })
}
