// Auto-Exchange in Multi-Assets Mode (margin-rules.md §5) [FAQ f80415be…; the 2022 FAQ].
// Triggers are per asset, never summed across assets.
import { Decimal, ONE, ZERO, str } from '../decimal'
import { assetEquity as equityOf, isLiquidated, type AccountState, type AssetState } from './account-state'
import type { PreparedAccount } from './prepare'
import type { AutoExchangeResult, AutoExchangeSale, AutoExchangeTrigger } from './result-types'

type ThresholdSource = 'scenario' | 'fee-tier' | 'faq-2022'

/** The 2022 FAQ: −10,000 USD for every asset, fixed. */
const FAQ_2022_THRESHOLD_USD = new Decimal(-10000)
/** Binance's current text: LTV ≥ 0.995 with a fee tier stated, the 2022 FAQ's LTV ≥ 1 otherwise. */
const LTV_TRIGGER_CURRENT = new Decimal('0.995')

export function thresholdFor(account: PreparedAccount, asset: string, index: Decimal): { threshold: Decimal; source: ThresholdSource } {
  const own = account.assets.get(asset)?.autoExchangeThreshold
  if (own) return { threshold: own, source: 'scenario' }
  const tier = account.scenario.account.feeTier
  if (tier) {
    // Binance's schedule: regular and VIP1 −5,000 USDT/USDC or −0.1 BTC; VIP2+ −10,000, −0.1 BTC.
    const stable = new Decimal(tier === 'vip2-plus' ? -10000 : -5000)
    if (asset === 'USDT' || asset === 'USDC') return { threshold: stable, source: 'fee-tier' }
    if (asset === 'BTC') return { threshold: new Decimal('-0.1'), source: 'fee-tier' }
    // Decision: another asset's threshold is the USDT figure valued at USDT's index, in units of the asset.
    const usdtIndex = account.assets.get('USDT')?.index ?? ONE
    return { threshold: stable.times(usdtIndex).div(index), source: 'fee-tier' }
  }
  return { threshold: FAQ_2022_THRESHOLD_USD.div(index), source: 'faq-2022' }
}

export interface Holding {
  asset: string
  quantity: Decimal
  index: Decimal
  /** autoExchangeBidRate = index × (1 − autoExchangeBidBuffer). */
  sellRate: Decimal
}

export function autoExchange(account: PreparedAccount, state: AccountState): AutoExchangeResult {
  const assets = [...state.assets.values()]
  // Trigger 3 waits while the account has positions or open orders (margin-rules.md §7).
  const positionsOrOrders = state.positions.length > 0 || account.openOrders.length > 0
  const thresholds = assets.map((a) => ({ asset: a.asset, ...thresholdFor(account, a.asset, a.index) }))

  // Decision (§5): LTV = Σ |negative equities| × askRate / Σ positive equities × bidRate.
  let debt = ZERO
  let collateral = ZERO
  for (const a of assets) {
    const e = equityOf(a)
    if (e.isNeg()) debt = debt.plus(e.neg().times(a.askRate))
    else collateral = collateral.plus(e.times(a.bidRate))
  }
  const anyNegative = debt.gt(ZERO)
  const ltv = anyNegative && collateral.gt(ZERO) ? debt.div(collateral) : null
  const ltvTrigger = account.scenario.account.feeTier ? LTV_TRIGGER_CURRENT : ONE

  const triggers: { asset: AssetState; reason: AutoExchangeTrigger['reason']; deficit: Decimal; threshold?: Decimal }[] = []
  const triggered = new Set<string>()
  // 1. THRESHOLD: the wallet balance (no unrealized PnL) at or below the asset's threshold.
  for (const a of assets) {
    const t = thresholds.find((x) => x.asset === a.asset)!.threshold
    if (a.wallet.isNeg() && a.wallet.lte(t)) {
      triggers.push({ asset: a, reason: 'THRESHOLD', deficit: a.wallet.neg(), threshold: t })
      triggered.add(a.asset)
    }
  }
  // 2. LIQUIDATION: at liquidation the positions close at these prices; an asset whose balance
  //    then stays negative cannot cover its deficit (Decision: its equity becomes its balance).
  const liquidated = isLiquidated(state.multi.maintenanceMargin, state.multi.equity)
  if (liquidated) {
    for (const a of assets) {
      if (!triggered.has(a.asset) && equityOf(a).isNeg()) {
        triggers.push({ asset: a, reason: 'LIQUIDATION', deficit: equityOf(a).neg() })
        triggered.add(a.asset)
      }
    }
  }
  // 3. LTV: a negative balance, no positions (nor orders), and LTV at or above the trigger;
  //    with a debt and nothing positive LTV is unbounded and it triggers.
  if (!positionsOrOrders && anyNegative && (ltv === null || ltv.gte(ltvTrigger))) {
    for (const a of assets) {
      if (!triggered.has(a.asset) && a.wallet.isNeg()) {
        triggers.push({ asset: a, reason: 'LTV', deficit: a.wallet.neg() })
        triggered.add(a.asset)
      }
    }
  }

  // Collateral sold: positive balances (after liquidation: positive equities), reduced sale by sale.
  const holdings: Holding[] = assets
    .map((a) => {
      const m = account.assets.get(a.asset)
      return {
        asset: a.asset,
        quantity: liquidated ? equityOf(a) : a.wallet,
        index: a.index,
        sellRate: a.index.times(ONE.minus(m?.autoExchangeBidBuffer ?? ZERO))
      }
    })
    .filter((h) => h.quantity.gt(ZERO))

  return {
    ltv: ltv === null ? null : str(ltv),
    triggers: triggers.map((t) => {
      const m = account.assets.get(t.asset.asset)
      const buyRate = t.asset.index.times(ONE.plus(m?.autoExchangeAskBuffer ?? ZERO))
      const { sales, remaining } = sellProRata(holdings, t.deficit, buyRate, t.asset.asset)
      const out: AutoExchangeTrigger = { asset: t.asset.asset, reason: t.reason, deficit: str(t.deficit), sales }
      if (t.threshold) out.threshold = str(t.threshold)
      if (remaining.gt(ZERO)) out.remainingDeficit = str(remaining)
      return out
    }),
    thresholds: thresholds.map((t) => ({ asset: t.asset, threshold: str(t.threshold), source: t.source })),
    ltvTrigger: str(ltvTrigger)
  }
}

/**
 * Decision (§5, Binance says only "in proportion to holdings"): the deficit is bought at the
 * negative asset's autoExchangeAskRate; every positive collateral asset sells the same fraction
 * of its holding at its autoExchangeBidRate so the proceeds cover the deficit exactly; if they
 * cannot, everything is sold and the rest of the deficit is reported.
 */
export function sellProRata(holdings: Holding[], deficit: Decimal, buyRate: Decimal, deficitAsset: string): { sales: AutoExchangeSale[]; remaining: Decimal } {
  const sellers = holdings.filter((h) => h.asset !== deficitAsset && h.quantity.gt(ZERO))
  const needed = deficit.times(buyRate)
  const available = sellers.reduce((s, h) => s.plus(h.quantity.times(h.sellRate)), ZERO)
  if (!available.gt(ZERO)) return { sales: [], remaining: deficit }
  const short = needed.gt(available)
  const fraction = short ? ONE : needed.div(available)
  let covered = ZERO
  const sales = sellers.map((h): AutoExchangeSale => {
    const quantity = h.quantity.times(fraction)
    const proceedsUsd = quantity.times(h.sellRate)
    const proceeds = proceedsUsd.div(buyRate)
    covered = covered.plus(proceeds)
    h.quantity = h.quantity.minus(quantity)
    return { asset: h.asset, quantity: str(quantity), proceeds: str(proceeds), haircutCost: str(quantity.times(h.index).minus(proceedsUsd)) }
  })
  return { sales, remaining: short ? deficit.minus(covered) : ZERO }
}
