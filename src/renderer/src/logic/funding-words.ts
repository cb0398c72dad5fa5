// The funding horizon in sentences (ui.md "Funding horizon"): one per asset at risk, with the
// date as well as the days, "never" stated plainly. Days are the engine's exact decimals; the
// sentence counts whole days, rounded down (it warns a day early rather than late), from the
// market snapshot's asOf (the prices the horizon holds).
import { Decimal } from '../../../shared/decimal'
import type { CompareResult } from '../../../shared/engine'
import type { Scenario } from '../../../shared/scenario'
import { assetPlaces, formatAmount, formatPercent, groupThousands } from '../../../shared/format'

/** Beyond a century a horizon says nothing useful: worded as never in practice. */
const FAR_DAYS = 36500
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "8 January" (and the year when it is not asOf's). */
export function dateAfter(asOf: string, days: string): string {
  const start = new Date(asOf)
  if (Number.isNaN(start.getTime())) return ''
  const whole = new Decimal(days).floor().toNumber()
  const d = new Date(start.getTime() + whole * 86_400_000)
  const year = d.getUTCFullYear() === start.getUTCFullYear() ? '' : ` ${d.getUTCFullYear()}`
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${year}`
}

/** "on 8 January, in 38 days" / "now" / "in over 100 years". */
export function whenWords(asOf: string, days: string): string {
  const d = new Decimal(days)
  if (d.isZero()) return 'already'
  if (d.gt(FAR_DAYS)) return 'in over 100 years'
  const whole = d.floor()
  const n = whole.isZero() ? 'within a day' : `in ${formatAmount(whole.toString(), 0)} day${whole.eq(1) ? '' : 's'}`
  return `on ${dateAfter(asOf, days)}, ${n}`
}

export interface FundingLine {
  asset: string
  kind: 'threshold' | 'safe'
  text: string
  days: string | null
  perDay: string
  wallet: string | null
  threshold: string | null
}

export function fundingLines(result: CompareResult, scenario: Scenario): FundingLine[] {
  const h = result.fundingHorizon
  if (!h) return []
  const asOf = scenario.market.asOf
  const out: FundingLine[] = []
  for (const p of h.perDay) {
    const places = assetPlaces(p.asset)
    const perDay = new Decimal(p.amount)
    const wallet = result.multiAssets.assets.find((a) => a.asset === p.asset)?.walletBalance ?? null
    const threshold = result.multiAssets.autoExchange.thresholds?.find((t) => t.asset === p.asset)?.threshold ?? null
    const days = h.multiAssets.autoExchange.find((a) => a.asset === p.asset)?.daysToThreshold ?? null
    const base = { asset: p.asset, perDay: p.amount, wallet, threshold, days }
    if (!perDay.isNeg()) {
      out.push({ ...base, kind: 'safe', text: `${p.asset} ${perDay.isZero() ? 'pays no funding' : `receives ${formatAmount(p.amount, places)} a day`}: funding never drives it to the Auto-Exchange threshold.` })
      continue
    }
    const pays = `your ${p.asset} pays ${formatAmount(perDay.abs().toString(), places)} a day`
    const limit = threshold ? `the ${groupThousands(new Decimal(threshold).toString()).replace(/^-/, '−')} threshold` : 'its threshold'
    if (days === null) {
      out.push({ ...base, kind: 'safe', text: `At today’s funding ${pays} but never reaches ${limit} in Multi-Assets Mode.` })
      continue
    }
    const when = whenWords(asOf, days)
    const sold = collateralSold(scenario, p.asset)
    const verb = when === 'already' ? 'is already at or below' : 'reaches'
    out.push({
      ...base,
      kind: 'threshold',
      text: `At today’s funding ${pays} and ${verb} ${limit}${when === 'already' ? '' : ` ${when}`} in Multi-Assets Mode${sold ? `: ${sold}` : ''}.`
    })
  }
  return out
}

/** "BTC would be sold with a 2.5% haircut" — the collateral Auto-Exchange sells (margin-rules.md §5). */
function collateralSold(scenario: Scenario, negative: string): string {
  const held = scenario.account.balances.filter((b) => b.asset !== negative && new Decimal(b.wallet).gt(0))
  if (held.length === 0) return 'there is no collateral to sell'
  const parts = held.map((b) => `${b.asset} with a ${formatPercent(scenario.market.assets[b.asset]?.autoExchangeBidBuffer ?? '0', 2)} haircut`)
  return `${parts.length === 1 ? parts[0]!.replace(' with', ' would be sold with') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]} would be sold`}`
}

/** "the USDT group: never" / "the account: on 3 May, in 120 days". */
export function liquidationWords(asOf: string, days: string | null): string {
  return days === null ? 'never' : whenWords(asOf, days)
}
