// The comparison of both modes for one scenario: the `compare --json` document
// (scenario-format.md §2). Pure: the CLI, the main process and the renderer all call this.
import type { Scenario } from '../scenario/types'
import { evaluateAccount } from './account-state'
import { autoExchange } from './auto-exchange'
import { multiAssetsPositions, multiAssetsTotals } from './multi-assets'
import { prepareAccount } from './prepare'
import { marketPrices } from './prices'
import type { CompareResult } from './result-types'
import { evaluateShock } from './shocks'
import { groupResult, idleAssets, singleAssetGroupAssets, singleAssetPositions } from './single-asset'
import { SHOCK_TO_LIQUIDATION_METHOD, shocksToLiquidation } from './shock-to-liquidation'
import { switchToMulti, switchToSingle } from './switching'
import { checkedMode, readBinanceExtension, withBinanceCheck } from './binance-check'
import { openOrderListing, openOrderMargins } from './open-order-result'

export interface CompareOptions {
  /** Skip the shock-to-liquidation search (a slider step recomputes the columns only). */
  shockToLiquidation?: boolean
  /** Skip the named shocks (they do not change while a slider moves). */
  namedShocks?: boolean
}

export function compareScenario(scenario: Scenario, options: CompareOptions = {}): CompareResult {
  const account = prepareAccount(scenario)
  const state = evaluateAccount(account, marketPrices(account))
  const exchange = autoExchange(account, state)
  const result: CompareResult = {
    scenario: scenario.name,
    singleAsset: {
      switch: switchToSingle(account, state),
      groups: singleAssetGroupAssets(account, state).map(groupResult),
      idleAssets: idleAssets(account),
      positions: singleAssetPositions(state)
    },
    multiAssets: {
      switch: switchToMulti(account, state, exchange),
      ...multiAssetsTotals(state),
      autoExchange: exchange,
      positions: multiAssetsPositions(state)
    },
    shocks: (options.namedShocks === false ? [] : (scenario.shocks ?? [])).map((s) => evaluateShock(account, s.name, s.moves)),
    shockToLiquidation: options.shockToLiquidation === false ? [] : shocksToLiquidation(account),
    shockToLiquidationMethod: SHOCK_TO_LIQUIDATION_METHOD
  }
  // Version 2: the open orders and the margin they hold in each mode (margin-rules.md §7).
  if (account.openOrders.length > 0) {
    result.openOrders = openOrderListing(account)
    result.singleAsset.openOrders = openOrderMargins(state, false)
    result.multiAssets.openOrders = openOrderMargins(state, true)
  }
  // Binance's own liquidation prices (an imported account), beside ours in the current mode.
  const binance = readBinanceExtension(scenario)
  if (binance) {
    const mode = checkedMode(scenario)
    result[mode].positions = withBinanceCheck(scenario, result[mode].positions, binance)
  }
  return result
}
