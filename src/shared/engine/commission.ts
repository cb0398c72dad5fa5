// Trading commission (margin-rules.md §8) [FAQ 360033544231]: q × P × rate, paid from the
// symbol's margin asset wallet. Rates by fee tier unless the scenario sets account.commission.
import { Decimal } from '../decimal'
import type { Account, FeeTier, Liquidity } from '../scenario/types'

export interface CommissionRates {
  maker: Decimal
  taker: Decimal
}

/** USDⓈ-M rates: regular 0.02% / 0.05%, VIP 1 0.016% / 0.04%, VIP 2 (and up, as VIP 2) 0.014% / 0.035%. */
export const COMMISSION_BY_FEE_TIER: Record<FeeTier, { maker: string; taker: string }> = {
  regular: { maker: '0.0002', taker: '0.0005' },
  vip1: { maker: '0.00016', taker: '0.0004' },
  'vip2-plus': { maker: '0.00014', taker: '0.00035' }
}

/** account.commission, else the fee tier's rates, else regular. */
export function commissionRates(account: Pick<Account, 'commission' | 'feeTier'>): CommissionRates {
  const rates = account.commission ?? COMMISSION_BY_FEE_TIER[account.feeTier ?? 'regular']
  return { maker: new Decimal(rates.maker), taker: new Decimal(rates.taker) }
}

/** Commission of a fill of `quantity` at `price` (a maker rebate, a negative rate, gives < 0). */
export function tradeCommission(rates: CommissionRates, liquidity: Liquidity, quantity: Decimal, price: Decimal): Decimal {
  return quantity.times(price).times(liquidity === 'maker' ? rates.maker : rates.taker)
}
