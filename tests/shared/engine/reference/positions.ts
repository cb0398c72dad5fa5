// The liquidation prices of both modes' position lists as single-asset.ts and multi-assets.ts
// computed them before issue 10's speed work, over the reference liquidation search: the oracle
// of tests/shared/engine/engine-speed.test.ts.
import { ONE, ZERO } from '../../../../src/shared/decimal'
import { assetEquity, usdValue, type AccountState } from '../../../../src/shared/engine/account-state'
import { legOf, legsBySymbol } from '../../../../src/shared/engine/single-asset'
import { liquidationPrice, type LiquidationPrice } from './liquidation'

export function singleAssetLiquidationPrices(state: AccountState): LiquidationPrice[] {
  const bySymbol = new Map<string, LiquidationPrice>()
  const crossLegs = legsBySymbol(state.positions.filter((o) => o.position.marginType === 'cross'))
  return state.positions.map((st) => {
    const p = st.position
    if (p.marginType === 'isolated') {
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

export function multiAssetsLiquidationPrices(state: AccountState): LiquidationPrice[] {
  const bySymbol = new Map<string, LiquidationPrice>()
  const legsOf = legsBySymbol(state.positions)
  const usdEquity = new Map([...state.assets.values()].map((a) => [a.asset, usdValue(assetEquity(a), a)]))
  const usdMaintenance = new Map([...state.assets.values()].map((a) => [a.asset, a.maintenanceMargin.times(a.askRate)]))
  const { equity, maintenanceMargin } = state.multi
  return state.positions.map((st) => {
    const symbol = st.position.symbol
    const cached = bySymbol.get(symbol.symbol)
    if (cached) return cached
    const legs = legsOf.get(symbol.symbol)!
    const q = state.assets.get(symbol.marginAsset)!
    const lp = liquidationPrice({
      legs: legs.map(legOf),
      mark: st.mark,
      wallet: q.wallet,
      otherUnrealizedPnl: q.unrealizedPnl.minus(legs.reduce((s, l) => s.plus(l.unrealizedPnl), ZERO)),
      otherMaintenance: q.maintenanceMargin.minus(legs.reduce((s, l) => s.plus(l.maintenanceMargin), ZERO)),
      otherUsdEquity: equity.minus(usdEquity.get(q.asset)!),
      otherUsdMaintenance: maintenanceMargin.minus(usdMaintenance.get(q.asset)!),
      bidRate: q.bidRate,
      askRate: q.askRate
    })
    bySymbol.set(symbol.symbol, lp)
    return lp
  })
}
