// Available for order in units of one margin asset, as `compare` shows it: Single-Asset, the
// asset's group (no group: 0, §3, FAQ 5d62f8be…); Multi-Assets, uni available over the asset's
// askRate, clamped at 0 (§4). Plan trades (§8) and max open (§10) check against this one figure.
import { Decimal, ZERO, maxDec } from '../decimal'
import type { AccountState } from './account-state'
import { multiAssetsTotals } from './multi-assets'
import type { PreparedAccount } from './prepare'
import { askRate } from './prices'
import { groupResult, singleAssetGroupAssets } from './single-asset'

export type ModeKey = 'singleAsset' | 'multiAssets'

export function availableForOrder(mode: ModeKey, account: PreparedAccount, state: AccountState, asset: string): Decimal {
  if (mode === 'singleAsset') {
    const group = singleAssetGroupAssets(account, state).find((a) => a.asset === asset)
    return group ? new Decimal(groupResult(group).availableForOrder) : ZERO
  }
  const uni = new Decimal(multiAssetsTotals(state).uniAvailableForOrder)
  const m = account.assets.get(asset)!
  const ask = state.assets.get(asset)?.askRate ?? askRate(m.index, m.askBuffer)
  return ask.isZero() ? ZERO : maxDec(ZERO, uni.div(ask))
}
