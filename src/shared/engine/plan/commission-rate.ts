// Commission rates (margin-rules.md §8, FAQ 360033544231): the scenario's own `account.commission`,
// else the fee tier's maker/taker (regular when no tier is stated).
// TODO(plan-v2): replace with their commission-defaults module once it lands.
import { Decimal } from '../../decimal'
import type { FeeTier, Liquidity, Scenario } from '../../scenario/types'

const TIER_RATES: Record<FeeTier, { maker: string; taker: string }> = {
  regular: { maker: '0.0002', taker: '0.0005' },
  vip1: { maker: '0.00016', taker: '0.0004' },
  'vip2-plus': { maker: '0.00014', taker: '0.00035' }
}

export function commissionRate(s: Scenario, liquidity: Liquidity): { rate: Decimal; source: 'scenario' | FeeTier } {
  const own = s.account.commission
  if (own) return { rate: new Decimal(own[liquidity]), source: 'scenario' }
  const tier = s.account.feeTier ?? 'regular'
  return { rate: new Decimal(TIER_RATES[tier][liquidity]), source: tier }
}
