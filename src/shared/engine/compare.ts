// The comparison of both modes for one scenario: the `compare --json` document
// (scenario-format.md §2). Pure: the CLI, the main process and the renderer all call this.
import type { Scenario } from '../scenario/types'
import { evaluateAccount } from './account-state'
import { autoExchange } from './auto-exchange'
import { multiAssetsPositions, multiAssetsTotals } from './multi-assets'
import { prepareAccount, type PreparedAccount } from './prepare'
import { marketPrices } from './prices'
import type { CompareResult } from './result-types'
import { evaluateShock } from './shocks'
import { groupResult, idleAssets, singleAssetGroupAssets, singleAssetPositions } from './single-asset'
import { SHOCK_TO_LIQUIDATION_METHOD, shocksToLiquidation } from './shock-to-liquidation'
import { switchToMulti, switchToSingle } from './switching'
import { checkedMode, readBinanceExtension, withBinanceCheck } from './binance-check'
import { openOrderListing, openOrderMargins } from './open-order-result'
import { fundingHorizon } from './funding-horizon'
import { maxOpen } from './max-open'
import { runPlan } from './plan/run-plan'

export interface CompareOptions {
  /** Skip the shock-to-liquidation search (a slider step recomputes the columns only). */
  shockToLiquidation?: boolean
  /** Skip the named shocks (they do not change while a slider moves). */
  namedShocks?: boolean
  /** Skip the plan, max open and the funding horizon (version 2 sections). */
  plan?: boolean
}

export function compareScenario(scenario: Scenario, options: CompareOptions = {}): CompareResult {
  return compareAccount(prepareAccount(scenario), options)
}

/** The same for an account already prepared (the app's worker also reads its shock assets). */
export function compareAccount(account: PreparedAccount, options: CompareOptions = {}): CompareResult {
  const { scenario } = account
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
  // Version 2 (scenario-format.md §3): max open, funding horizon, the plan (each mode's end state without its own plan).
  if (options.plan !== false) {
    result.singleAsset.maxOpen = maxOpen('singleAsset', account, state)
    result.multiAssets.maxOpen = maxOpen('multiAssets', account, state)
    const horizon = fundingHorizon(account, state)
    if (horizon) result.fundingHorizon = horizon
    if (scenario.plan && scenario.plan.length > 0) result.plan = runPlan(scenario, (end) => compareScenario(end, { shockToLiquidation: false, namedShocks: false }))
  }
  return result
}
