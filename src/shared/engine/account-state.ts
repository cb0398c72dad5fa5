// The account at one set of prices: every position's figures (§1), each margin asset's
// Single-Asset group (§3) and the Multi-Assets totals (§4). compare, shocks and liquidation all
// read this one evaluation.
import { Decimal, ZERO } from '../decimal'
import { beyondLastCap, bracketIndex, maintenanceMargin, type Bracket } from './brackets'
import { legMargin, legSignedQuantity, type OrderLegMargin } from './open-orders'
import { askRate, bidRate, type Prices } from './prices'
import { walletOf, type PreparedAccount, type PreparedPosition } from './prepare'

export interface PositionState {
  position: PreparedPosition
  mark: Decimal
  notional: Decimal
  unrealizedPnl: Decimal
  initialMargin: Decimal
  maintenanceMargin: Decimal
  bracket: Bracket
  beyondLastBracket: boolean
}

export interface AssetState {
  asset: string
  wallet: Decimal
  /** wallet − Σ isolatedWallet of the asset's isolated positions (§3). */
  crossWallet: Decimal
  crossUnrealizedPnl: Decimal
  crossMaintenanceMargin: Decimal
  crossInitialMargin: Decimal
  crossPositions: number
  /** Open-order IM + open loss of the asset's orders (margin-rules.md §7); in crossInitialMargin. */
  crossOpenOrderInitialMargin: Decimal
  /** Over every position margined in the asset (Multi-Assets treats isolated as cross). */
  unrealizedPnl: Decimal
  maintenanceMargin: Decimal
  initialMargin: Decimal
  /** Open-order IM + open loss of every order margined in the asset (Multi-Assets); in initialMargin. */
  openOrderInitialMargin: Decimal
  positions: number
  index: Decimal
  bidRate: Decimal
  askRate: Decimal
}

export interface AccountState {
  positions: PositionState[]
  assets: Map<string, AssetState>
  /** Version 2: what each symbol's (position side's) open orders hold at these prices. */
  orderMargins: OrderLegMargin[]
  multi: { equity: Decimal; maintenanceMargin: Decimal; initialMargin: Decimal; openOrderInitialMargin: Decimal }
}

export function positionState(position: PreparedPosition, mark: Decimal): PositionState {
  const brackets = position.symbol.brackets
  const notional = position.quantity.times(mark)
  const bracket = brackets[bracketIndex(brackets, notional)]!
  return {
    position,
    mark,
    notional,
    // uPnL = s × Q × (MP − EP)   [FAQ 5d62f8be…]
    unrealizedPnl: position.signedQty.times(mark).minus(position.signedCost),
    initialMargin: notional.div(position.leverage),
    maintenanceMargin: maintenanceMargin(bracket, notional),
    bracket,
    beyondLastBracket: beyondLastCap(brackets, notional)
  }
}

export function evaluateAccount(account: PreparedAccount, prices: Prices): AccountState {
  const assets = new Map<string, AssetState>()
  const assetState = (asset: string): AssetState => {
    let a = assets.get(asset)
    if (!a) {
      const m = account.assets.get(asset)
      const index = prices.indexes.get(asset) ?? m?.index ?? ZERO
      const wallet = walletOf(account, asset)
      a = {
        asset,
        wallet,
        crossWallet: wallet,
        crossUnrealizedPnl: ZERO,
        crossMaintenanceMargin: ZERO,
        crossInitialMargin: ZERO,
        crossPositions: 0,
        crossOpenOrderInitialMargin: ZERO,
        unrealizedPnl: ZERO,
        maintenanceMargin: ZERO,
        initialMargin: ZERO,
        openOrderInitialMargin: ZERO,
        positions: 0,
        index,
        bidRate: m ? bidRate(index, m.bidBuffer) : index,
        askRate: m ? askRate(index, m.askBuffer) : index
      }
      assets.set(asset, a)
    }
    return a
  }
  for (const asset of account.accountAssets) assetState(asset)

  const positions = account.positions.map((p) => {
    const st = positionState(p, prices.marks.get(p.symbol.symbol)!)
    const a = assetState(p.symbol.marginAsset)
    a.unrealizedPnl = a.unrealizedPnl.plus(st.unrealizedPnl)
    a.maintenanceMargin = a.maintenanceMargin.plus(st.maintenanceMargin)
    a.initialMargin = a.initialMargin.plus(st.initialMargin)
    a.positions++
    if (p.marginType === 'isolated') {
      a.crossWallet = a.crossWallet.minus(p.isolatedWallet)
    } else {
      a.crossUnrealizedPnl = a.crossUnrealizedPnl.plus(st.unrealizedPnl)
      a.crossMaintenanceMargin = a.crossMaintenanceMargin.plus(st.maintenanceMargin)
      a.crossInitialMargin = a.crossInitialMargin.plus(st.initialMargin)
      a.crossPositions++
    }
    return st
  })

  // margin-rules.md §7: orders hold initial margin (available for order), never MM. In
  // Single-Asset Mode they take it from the group's cross balance, an isolated symbol's too.
  const orderMargins = account.orderLegs.map((leg) => {
    const m = legMargin(leg, legSignedQuantity(leg, account.positions), prices.marks.get(leg.symbol.symbol)!)
    const a = assetState(leg.symbol.marginAsset)
    a.initialMargin = a.initialMargin.plus(m.held)
    a.openOrderInitialMargin = a.openOrderInitialMargin.plus(m.held)
    a.crossInitialMargin = a.crossInitialMargin.plus(m.held)
    a.crossOpenOrderInitialMargin = a.crossOpenOrderInitialMargin.plus(m.held)
    return m
  })

  // §4: equity at bid (a debt at ask), MM and IM at the margin asset's ask rate.
  let equity = ZERO
  let maintenance = ZERO
  let initial = ZERO
  let openOrders = ZERO
  for (const a of assets.values()) {
    equity = equity.plus(usdValue(assetEquity(a), a))
    maintenance = maintenance.plus(a.maintenanceMargin.times(a.askRate))
    initial = initial.plus(a.initialMargin.times(a.askRate))
    openOrders = openOrders.plus(a.openOrderInitialMargin.times(a.askRate))
  }
  return { positions, assets, orderMargins, multi: { equity, maintenanceMargin: maintenance, initialMargin: initial, openOrderInitialMargin: openOrders } }
}

/** assetEquity(A) = wallet(A) + Σ uPnL of every position margined in A (§4). */
export function assetEquity(a: AssetState): Decimal {
  return a.wallet.plus(a.unrealizedPnl)
}

/** A Single-Asset group's margin balance: cross wallet + Σ cross uPnL (§3). */
export function crossMarginBalance(a: AssetState): Decimal {
  return a.crossWallet.plus(a.crossUnrealizedPnl)
}

/** min(equity × bidRate, equity × askRate): a holding at bid (the haircut), a debt at ask. */
export function usdValue(equity: Decimal, a: { bidRate: Decimal; askRate: Decimal }): Decimal {
  return equity.times(equity.isNeg() ? a.askRate : a.bidRate)
}

/** MM / margin balance; null with no MM, or with positions and a margin balance ≤ 0 (liquidated). */
export function marginRatio(maintenance: Decimal, balance: Decimal): Decimal | null {
  if (maintenance.isZero() || !balance.gt(ZERO)) return null
  return maintenance.div(balance)
}

/** Liquidated at ≥ 100%, or with positions and nothing left (§3, §4). */
export function isLiquidated(maintenance: Decimal, balance: Decimal): boolean {
  if (maintenance.isZero()) return false
  return !balance.gt(ZERO) || maintenance.gte(balance)
}
