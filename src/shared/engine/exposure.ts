// Exposure per base asset (Decision, scenario-format.md §4 "the two largest exposures"):
// Σ |notional| at mark of the positions whose symbol has that base asset, valued in USD at the
// margin asset's index (a BTC-margined notional is in BTC), longs and shorts alike: a hedge of
// two legs is exposed twice, since each leg's margin moves with the price.
import { ZERO, type Decimal } from '../decimal'
import type { PreparedAccount } from './prepare'
import { shockAssets } from './shock-to-liquidation'

export interface Exposure {
  asset: string
  /** USD, ≥ 0. */
  exposure: Decimal
}

/** Every asset a shock can move (shockAssets), largest exposure first; ties keep shockAssets' order. */
export function exposures(account: PreparedAccount): Exposure[] {
  const byAsset = new Map<string, Decimal>(shockAssets(account).map((a) => [a, ZERO]))
  for (const p of account.positions) {
    const index = account.assets.get(p.symbol.marginAsset)?.index ?? ZERO
    const usd = p.quantity.times(p.symbol.mark).times(index)
    byAsset.set(p.symbol.baseAsset, (byAsset.get(p.symbol.baseAsset) ?? ZERO).plus(usd))
  }
  // A held collateral asset (no position) is exposed by its holding: |wallet| × index.
  for (const [asset, total] of byAsset) {
    if (!total.isZero()) continue
    const wallet = account.wallets.get(asset) ?? ZERO
    byAsset.set(asset, wallet.abs().times(account.assets.get(asset)?.index ?? ZERO))
  }
  const order = [...byAsset.keys()]
  return [...byAsset]
    .map(([asset, exposure]) => ({ asset, exposure }))
    .sort((a, b) => b.exposure.cmp(a.exposure) || order.indexOf(a.asset) - order.indexOf(b.asset))
}

/** The default grid axes: the two base assets with the largest exposure (null: fewer than two). */
export function defaultGridAxes(account: PreparedAccount): { x: string; y: string } | null {
  const [x, y] = exposures(account)
  return x && y ? { x: x.asset, y: y.asset } : null
}
