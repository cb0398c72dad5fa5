// The state a plan folds over in one mode: a copy of the scenario (positions, wallets, orders and
// prices as the steps leave them) and the leverage Binance keeps per symbol. Every step reads the
// account through the same prepare and evaluate as `compare`, so a figure checked during the plan
// is the figure `compare` shows for that state.
import { Decimal, ZERO } from '../../decimal'
import type { Scenario } from '../../scenario/types'
import { evaluateAccount, type AccountState } from '../account-state'
import { prepareAccount, type PreparedAccount } from '../prepare'
import { marketPrices } from '../prices'
import type { PlanMode } from './plan-types'

export interface PlanState {
  mode: PlanMode
  /** This mode's own copy; `plan` removed, `account.mode` as in the file. */
  scenario: Scenario
  /** Binance keeps a leverage per symbol: a closed position's leverage serves the next trade. */
  leverages: Map<string, number>
}

export function initialPlanState(scenario: Scenario, mode: PlanMode): PlanState {
  const copy = structuredClone(scenario)
  delete copy.plan
  const leverages = new Map<string, number>()
  for (const o of copy.account.openOrders ?? []) if (o.leverage !== undefined) leverages.set(o.symbol, o.leverage)
  for (const p of copy.account.positions) leverages.set(p.symbol, p.leverage)
  return { mode, scenario: copy, leverages }
}

export interface EvaluatedPlanState {
  account: PreparedAccount
  state: AccountState
}

export function evaluatePlanState(s: PlanState): EvaluatedPlanState {
  const account = prepareAccount(s.scenario)
  return { account, state: evaluateAccount(account, marketPrices(account)) }
}

export function walletIn(s: PlanState, asset: string): Decimal {
  const b = s.scenario.account.balances.find((x) => x.asset === asset)
  return b ? new Decimal(b.wallet) : ZERO
}

/** Adds `amount` to the asset's wallet balance (a new balance line when the asset had none). */
export function creditWallet(s: PlanState, asset: string, amount: Decimal): void {
  if (amount.isZero()) return
  const balances = s.scenario.account.balances
  const b = balances.find((x) => x.asset === asset)
  if (b) b.wallet = plain(new Decimal(b.wallet).plus(amount))
  else balances.push({ asset, wallet: plain(amount) })
}

/** A decimal string for the scenario copy (no "-0"). */
export function plain(d: Decimal): string {
  return d.isZero() ? '0' : d.toString()
}
