// Named shocks (scenario-format.md §1 `shocks`): the account re-evaluated in both modes at
// moved prices.
import { Decimal, str } from '../decimal'
import { crossMarginBalance, evaluateAccount, isLiquidated, marginRatio } from './account-state'
import { autoExchange } from './auto-exchange'
import { movedPrices } from './prices'
import type { PreparedAccount } from './prepare'
import type { ShockResult } from './result-types'
import { isolatedMarginBalance, singleAssetGroupAssets } from './single-asset'

export function evaluateShock(account: PreparedAccount, name: string, moves: Record<string, string>): ShockResult {
  const state = evaluateAccount(account, movedPrices(account, new Map(Object.entries(moves).map(([a, m]) => [a, new Decimal(m)]))))
  const groups = singleAssetGroupAssets(account, state).map((a) => {
    const balance = crossMarginBalance(a)
    return {
      asset: a.asset,
      marginRatio: str(marginRatio(a.crossMaintenanceMargin, balance)),
      liquidated: isLiquidated(a.crossMaintenanceMargin, balance),
      marginBalance: str(balance),
      maintenanceMargin: str(a.crossMaintenanceMargin)
    }
  })
  const isolated = state.positions
    .filter((st) => st.position.marginType === 'isolated')
    .map((st) => {
      const balance = isolatedMarginBalance(st)
      return {
        symbol: st.position.symbol.symbol,
        positionSide: st.position.positionSide,
        marginRatio: str(marginRatio(st.maintenanceMargin, balance)),
        liquidated: isLiquidated(st.maintenanceMargin, balance)
      }
    })
  const { equity, maintenanceMargin } = state.multi
  return {
    name,
    moves: { ...moves },
    singleAsset: { groups, isolated },
    multiAssets: {
      marginRatio: str(marginRatio(maintenanceMargin, equity)),
      liquidated: isLiquidated(maintenanceMargin, equity),
      autoExchange: autoExchange(account, state).triggers,
      accountEquity: str(equity),
      accountMaintenanceMargin: str(maintenanceMargin)
    }
  }
}
