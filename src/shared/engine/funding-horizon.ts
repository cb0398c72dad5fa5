// Funding horizon (margin-rules.md §9) [FAQ 360033525031]: prices and positions held, funding
// alone, each margin asset's wallet moves linearly, wallet(t) = wallet + f × t, f its positions'
// funding per day. Decision: funding is treated as continuous (f per day); settlements are
// discrete, so the event happens at the first settlement at or after the day reported.
// Days are exact: Single-Asset groups and thresholds are linear in t; the Multi-Assets equity
// is piecewise linear, each asset's rate switching from bid to ask where its equity crosses 0.
import { Decimal, ZERO, str } from '../decimal'
import { assetEquity, crossMarginBalance, isLiquidated, usdValue, type AccountState, type AssetState } from './account-state'
import { thresholdFor } from './auto-exchange'
import { fundingIntervalHours, fundingPerSettlement } from './plan/funding-step'
import type { PreparedAccount } from './prepare'
import type { FundingHorizon } from './result-types'
import { singleAssetGroupAssets } from './single-asset'


const HOURS_PER_DAY = new Decimal(24)

/** Present when any symbol has a funding rate (scenario-format.md §3). */
export function fundingHorizon(account: PreparedAccount, state: AccountState): FundingHorizon | undefined {
  const s = account.scenario
  if (!Object.values(s.market.symbols).some((m) => m.fundingRate !== undefined)) return undefined
  const all = new Map<string, Decimal>()
  const cross = new Map<string, Decimal>()
  for (const p of s.account.positions) {
    const m = s.market.symbols[p.symbol]!
    if (m.fundingRate === undefined) continue
    const perDay = fundingPerSettlement(s, p).times(HOURS_PER_DAY.div(fundingIntervalHours(s, p.symbol)))
    all.set(m.marginAsset, (all.get(m.marginAsset) ?? ZERO).plus(perDay))
    // Decision (as in a plan's funding step): an isolated position's funding moves its own margin, not the group's.
    if (p.marginType === 'cross') cross.set(m.marginAsset, (cross.get(m.marginAsset) ?? ZERO).plus(perDay))
  }
  const groups = singleAssetGroupAssets(account, state).map((a) => ({
    asset: a.asset,
    daysToLiquidation: str(daysToReach(a.crossMaintenanceMargin, crossMarginBalance(a), cross.get(a.asset) ?? ZERO))
  }))
  const assets = [...state.assets.values()]
  return {
    perDay: [...all].map(([asset, amount]) => ({ asset, amount: str(amount) })),
    singleAsset: { groups },
    multiAssets: {
      daysToLiquidation: str(multiAssetsDaysToLiquidation(state, assets, all)),
      autoExchange: assets.map((a) => ({ asset: a.asset, daysToThreshold: str(daysToThreshold(account, a, all.get(a.asset) ?? ZERO)) }))
    }
  }
}

/** First t ≥ 0 with balance + f·t ≤ maintenance: 0 when already liquidated, null when never. */
function daysToReach(maintenance: Decimal, balance: Decimal, f: Decimal): Decimal | null {
  if (maintenance.isZero()) return null
  if (isLiquidated(maintenance, balance)) return ZERO
  if (!f.isNeg()) return null
  return maintenance.minus(balance).div(f)
}

/** §5 trigger 1 reached by funding alone: (threshold − wallet) / f when f < 0 and wallet > threshold. */
function daysToThreshold(account: PreparedAccount, a: AssetState, f: Decimal): Decimal | null {
  const { threshold } = thresholdFor(account, a.asset, a.index)
  if (a.wallet.isNeg() && a.wallet.lte(threshold)) return ZERO
  if (!f.isNeg()) return null
  return threshold.minus(a.wallet).div(f)
}

/**
 * Account equity(t) = Σ usdValue(equity_A + f_A·t) against a constant account MM: walk the pieces
 * between the days where some asset's equity crosses 0, solve the linear piece that reaches MM.
 */
function multiAssetsDaysToLiquidation(state: AccountState, assets: AssetState[], perDay: Map<string, Decimal>): Decimal | null {
  const { maintenanceMargin, equity } = state.multi
  if (maintenanceMargin.isZero()) return null
  if (isLiquidated(maintenanceMargin, equity)) return ZERO
  const legs = assets.map((a) => ({ a, e: assetEquity(a), f: perDay.get(a.asset) ?? ZERO }))
  const crossings = legs
    .filter((l) => !l.f.isZero())
    .map((l) => l.e.neg().div(l.f))
    .filter((t) => t.gt(ZERO))
    .sort((x, y) => x.comparedTo(y))
  let t0 = ZERO
  for (const t1 of [...crossings, null]) {
    let value = ZERO
    let slope = ZERO
    // The rate inside the piece, read at its middle (no asset crosses 0 there; its ends may be off by rounding).
    const middle = t1 === null ? t0.plus(1) : t0.plus(t1).div(2)
    for (const l of legs) {
      value = value.plus(usdValue(l.e.plus(l.f.times(t0)), l.a))
      const debt = l.e.plus(l.f.times(middle)).isNeg()
      slope = slope.plus(l.f.times(debt ? l.a.askRate : l.a.bidRate))
    }
    if (slope.isNeg()) {
      const t = t0.plus(maintenanceMargin.minus(value).div(slope))
      if (t1 === null || t.lte(t1)) return t
    }
    if (t1 === null) return null
    t0 = t1
  }
  return null
}
