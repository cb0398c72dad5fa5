// A transfer in a plan (scenario-format.md §3): a deposit (> 0) or a withdrawal (< 0) of one asset.
// Decision (Binance publishes the limit only as "max withdrawable"): a withdrawal larger than what
// the asset can give in that mode is refused: Single-Asset, the group's max withdrawable (§3, FAQ
// 360038447311) or, for an asset that margins nothing, its wallet; Multi-Assets, the smaller of
// its wallet and its available for order (§4): a transfer never makes a wallet negative.
import { Decimal, ZERO, maxDec, minDec, str } from '../../decimal'
import type { TransferStep } from '../../scenario/types'
import { groupResult, singleAssetGroupAssets } from '../single-asset'
import { availableForOrder } from '../available-for-order'
import { creditWallet, evaluatePlanState, walletIn, type PlanState } from './plan-state'
import type { PlanStepModeResult as StepOutcome } from '../result-types'

export function applyTransfer(s: PlanState, step: TransferStep): StepOutcome {
  const amount = new Decimal(step.amount)
  if (amount.gte(ZERO)) {
    creditWallet(s, step.asset, amount)
    return { accepted: true }
  }
  const withdrawable = withdrawableIn(s, step.asset)
  if (amount.neg().gt(withdrawable)) {
    return {
      accepted: false,
      code: 'INSUFFICIENT_WITHDRAWABLE',
      message: `withdrawing ${amount.neg().toString()} ${step.asset} exceeds the ${withdrawable.toString()} ${step.asset} it can give in this mode.`,
      withdrawable: str(withdrawable)
    }
  }
  creditWallet(s, step.asset, amount)
  return { accepted: true, withdrawable: str(withdrawable) }
}

function withdrawableIn(s: PlanState, asset: string): Decimal {
  const e = evaluatePlanState(s)
  const wallet = maxDec(ZERO, walletIn(s, asset))
  if (s.mode === 'multiAssets') return minDec(wallet, availableForOrder('multiAssets', e.account, e.state, asset))
  const group = singleAssetGroupAssets(e.account, e.state).find((a) => a.asset === asset)
  return group ? new Decimal(groupResult(group).maxWithdrawable) : wallet
}
