// Funding in a plan (margin-rules.md §9) [FAQ 360033525031]: at each settlement a position pays
// mark × Q × rate (a long pays a positive rate, a short receives it) to or from its margin
// asset's wallet. `hours` holds floor(hours / interval) settlements of each symbol (default 8 h);
// prices are those of the plan at that step.
import { Decimal, ZERO, str } from '../../decimal'
import type { FundingStep, Position, Scenario } from '../../scenario/types'
import { creditWallet, plain, type PlanState } from './plan-state'
import type { PlanStepModeResult as StepOutcome } from '../result-types'

export const DEFAULT_FUNDING_INTERVAL_HOURS = 8

/** One settlement of one position, signed for its wallet (negative: it pays). */
export function fundingPerSettlement(s: Scenario, p: Position): Decimal {
  const m = s.market.symbols[p.symbol]!
  if (m.fundingRate === undefined) return ZERO
  const paid = new Decimal(m.markPrice).times(p.quantity).times(m.fundingRate)
  return p.side === 'long' ? paid.neg() : paid
}

export function fundingIntervalHours(s: Scenario, symbol: string): number {
  return s.market.symbols[symbol]!.fundingIntervalHours ?? DEFAULT_FUNDING_INTERVAL_HOURS
}

export function applyFunding(s: PlanState, step: FundingStep): StepOutcome {
  const byAsset = new Map<string, Decimal>()
  for (const p of s.scenario.account.positions) {
    const settlements = Math.floor(step.hours / fundingIntervalHours(s.scenario, p.symbol))
    const amount = fundingPerSettlement(s.scenario, p).times(settlements)
    if (amount.isZero()) continue
    const asset = s.scenario.market.symbols[p.symbol]!.marginAsset
    byAsset.set(asset, (byAsset.get(asset) ?? ZERO).plus(amount))
    // Decision: an isolated position's funding settles into its isolated margin, as on Binance.
    if (p.marginType === 'isolated') p.isolatedWallet = plain(new Decimal(p.isolatedWallet ?? 0).plus(amount))
  }
  const funding: { asset: string; amount: string }[] = []
  for (const [asset, amount] of byAsset) {
    creditWallet(s, asset, amount)
    funding.push({ asset, amount: str(amount) })
  }
  return { accepted: true, funding }
}
