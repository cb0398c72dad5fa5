// Single-Asset Mode (margin-rules.md §3) [FAQ 29b45c48…, b3c689c1…]: one group per margin asset;
// each asset backs only the contracts it margins; isolated positions stand alone.
import { Decimal, ONE, ZERO, maxDec, minDec, str } from '../decimal'
import { crossMarginBalance, marginRatio, type AccountState, type AssetState, type PositionState } from './account-state'
import { liquidationPrice, type LiquidationLeg, type LiquidationPrice } from './liquidation'
import { positionResult } from './position-result'
import type { PreparedAccount } from './prepare'
import type { GroupResult, PositionResult } from './result-types'

/** Margin assets that margin a position or hold a balance and margin some symbol (§2 of the format). */
export function singleAssetGroupAssets(account: PreparedAccount, state: AccountState): AssetState[] {
  return account.accountAssets.filter((asset) => account.marginAssets.has(asset)).map((asset) => state.assets.get(asset)!)
}

export function idleAssets(account: PreparedAccount): { asset: string; wallet: string }[] {
  return account.scenario.account.balances.filter((b) => !account.marginAssets.has(b.asset)).map((b) => ({ asset: b.asset, wallet: b.wallet }))
}

export function groupResult(a: AssetState): GroupResult {
  const marginBalance = crossMarginBalance(a)
  // FAQ 5d62f8be…: available = crossWallet + Σ cross uPnL − Σ cross IM, never shown negative.
  const available = marginBalance.minus(a.crossInitialMargin)
  // FAQ 360038447311: unrealized profit is never withdrawable.
  const withdrawable = minDec(a.crossWallet.minus(a.crossMaintenanceMargin), available)
  return {
    asset: a.asset,
    walletBalance: str(a.wallet),
    crossWalletBalance: str(a.crossWallet),
    unrealizedPnl: str(a.crossUnrealizedPnl),
    marginBalance: str(marginBalance),
    maintenanceMargin: str(a.crossMaintenanceMargin),
    initialMargin: str(a.crossInitialMargin),
    marginRatio: str(marginRatio(a.crossMaintenanceMargin, marginBalance)),
    availableForOrder: str(maxDec(ZERO, available)),
    maxWithdrawable: str(maxDec(ZERO, withdrawable)),
    openOrderInitialMargin: str(a.crossOpenOrderInitialMargin)
  }
}

/** Positions grouped by symbol (a hedge symbol has two legs), in file order. */
export function legsBySymbol(positions: PositionState[]): Map<string, PositionState[]> {
  const out = new Map<string, PositionState[]>()
  for (const st of positions) {
    const legs = out.get(st.position.symbol.symbol)
    if (legs) legs.push(st)
    else out.set(st.position.symbol.symbol, [st])
  }
  return out
}

export function legOf(st: PositionState): LiquidationLeg {
  const p = st.position
  return { quantity: p.quantity, signedQty: p.signedQty, signedCost: p.signedCost, brackets: p.symbol.brackets }
}

/** Binance's USDⓈ-M liquidation price for every position, in file order. */
export function singleAssetLiquidationPrices(state: AccountState): LiquidationPrice[] {
  const bySymbol = new Map<string, LiquidationPrice>()
  const crossLegs = legsBySymbol(state.positions.filter((o) => o.position.marginType === 'cross'))
  return state.positions.map((st) => {
    const p = st.position
    if (p.marginType === 'isolated') {
      // Isolated: WB = isolatedWallet, TMM1 = UPNL1 = 0, only this side's terms.
      return liquidationPrice({
        legs: [legOf(st)],
        mark: st.mark,
        wallet: p.isolatedWallet,
        otherUnrealizedPnl: ZERO,
        otherMaintenance: ZERO,
        otherUsdEquity: ZERO,
        otherUsdMaintenance: ZERO,
        bidRate: ONE,
        askRate: ONE
      })
    }
    // Cross: both hedge legs of a symbol share one LP; the group's other symbols held at mark.
    const cached = bySymbol.get(p.symbol.symbol)
    if (cached) return cached
    const legs = crossLegs.get(p.symbol.symbol)!
    const group = state.assets.get(p.symbol.marginAsset)!
    const legsPnl = legs.reduce((s, l) => s.plus(l.unrealizedPnl), ZERO)
    const legsMm = legs.reduce((s, l) => s.plus(l.maintenanceMargin), ZERO)
    const lp = liquidationPrice({
      legs: legs.map(legOf),
      mark: st.mark,
      wallet: group.crossWallet,
      otherUnrealizedPnl: group.crossUnrealizedPnl.minus(legsPnl),
      otherMaintenance: group.crossMaintenanceMargin.minus(legsMm),
      otherUsdEquity: ZERO,
      otherUsdMaintenance: ZERO,
      bidRate: ONE,
      askRate: ONE
    })
    bySymbol.set(p.symbol.symbol, lp)
    return lp
  })
}

export function singleAssetPositions(state: AccountState): PositionResult[] {
  const lps = singleAssetLiquidationPrices(state)
  return state.positions.map((st, i) => positionResult(st, st.position.marginType, lps[i]!))
}

/** An isolated position's own margin: isolatedWallet + uPnL against its MM. */
export function isolatedMarginBalance(st: PositionState): Decimal {
  return st.position.isolatedWallet.plus(st.unrealizedPnl)
}
