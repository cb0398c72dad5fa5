// Multi-Assets Mode (margin-rules.md §4) [FAQ 29b45c48…, c983a926…]: USDⓈ-M, cross only, every
// margin asset pooled in USD; isolated positions are computed as if converted to cross.
import { ZERO, maxDec, str } from '../decimal'
import { assetEquity, marginRatio, usdValue, type AccountState } from './account-state'
import { liquidationPrice, type LiquidationPrice } from './liquidation'
import { positionResult } from './position-result'
import { legOf, legsBySymbol } from './single-asset'
import type { AssetResult, PositionResult } from './result-types'

export interface MultiAssetsTotals {
  assets: AssetResult[]
  accountEquity: string
  accountMaintenanceMargin: string
  accountInitialMargin: string
  marginRatio: string | null
  uniAvailableForOrder: string
  accountOpenOrderInitialMargin: string
}

export function multiAssetsTotals(state: AccountState): MultiAssetsTotals {
  const { equity, maintenanceMargin, initialMargin } = state.multi
  const uniAvailable = equity.minus(initialMargin)
  const assets = [...state.assets.values()].map((a): AssetResult => {
    const own = assetEquity(a)
    return {
      asset: a.asset,
      walletBalance: str(a.wallet),
      unrealizedPnl: str(a.unrealizedPnl),
      equity: str(own),
      rate: str(own.isNeg() ? a.askRate : a.bidRate),
      equityUsd: str(usdValue(own, a)),
      // availableForOrder(A) = uni / askRate(A), clamped at 0 like every shown available.
      availableForOrder: str(a.askRate.isZero() ? ZERO : maxDec(ZERO, uniAvailable.div(a.askRate)))
    }
  })
  return {
    assets,
    accountEquity: str(equity),
    accountMaintenanceMargin: str(maintenanceMargin),
    accountInitialMargin: str(initialMargin),
    marginRatio: str(marginRatio(maintenanceMargin, equity)),
    uniAvailableForOrder: str(uniAvailable),
    accountOpenOrderInitialMargin: str(state.multi.openOrderInitialMargin)
  }
}

/**
 * Decision (§4, Binance publishes no formula): the mark of that symbol alone, every other price
 * and index held, at which accountMM = accountEquity. Hedge legs share it.
 */
export function multiAssetsLiquidationPrices(state: AccountState): LiquidationPrice[] {
  const bySymbol = new Map<string, LiquidationPrice>()
  const legsOf = legsBySymbol(state.positions)
  // V and M of margin asset q: the other assets' USD equity and USD MM.
  const usdEquity = new Map([...state.assets.values()].map((a) => [a.asset, usdValue(assetEquity(a), a)]))
  const usdMaintenance = new Map([...state.assets.values()].map((a) => [a.asset, a.maintenanceMargin.times(a.askRate)]))
  const { equity, maintenanceMargin } = state.multi
  return state.positions.map((st) => {
    const symbol = st.position.symbol
    const cached = bySymbol.get(symbol.symbol)
    if (cached) return cached
    const legs = legsOf.get(symbol.symbol)!
    const q = state.assets.get(symbol.marginAsset)!
    const otherUsdEquity = equity.minus(usdEquity.get(q.asset)!)
    const otherUsdMaintenance = maintenanceMargin.minus(usdMaintenance.get(q.asset)!)
    const lp = liquidationPrice({
      legs: legs.map(legOf),
      mark: st.mark,
      wallet: q.wallet,
      otherUnrealizedPnl: q.unrealizedPnl.minus(legs.reduce((s, l) => s.plus(l.unrealizedPnl), ZERO)),
      otherMaintenance: q.maintenanceMargin.minus(legs.reduce((s, l) => s.plus(l.maintenanceMargin), ZERO)),
      otherUsdEquity,
      otherUsdMaintenance,
      bidRate: q.bidRate,
      askRate: q.askRate
    })
    bySymbol.set(symbol.symbol, lp)
    return lp
  })
}

export function multiAssetsPositions(state: AccountState): PositionResult[] {
  const lps = multiAssetsLiquidationPrices(state)
  return state.positions.map((st, i) => positionResult(st, 'cross', lps[i]!))
}
