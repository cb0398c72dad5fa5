// Explain panels for the scenario version 2 figures (ui.md "Explain (ⓘ)"): open-order margin,
// plan steps, max open and the funding horizon. Formula, numbers, source (margin-rules.md §7–10
// and the Binance FAQ they cite), and the Decision mark where the figure rests on ours.
import type { MaxOpenEntry, OpenOrderMarginResult, PlanStepModeResult } from '../../../shared/engine'
import type { PlanStep } from '../../../shared/scenario'
import type { Explanation, Source } from './explain'

export const PLAN_SOURCES = {
  openOrders: { faq: '87fa7ee33b574f7084d42bd2ce2e463b', label: 'Binance FAQ: Initial margin of open orders (margin-rules.md §7)' },
  openLoss: { faq: '4f83b65d83654b5e933f85ef12bf769d', label: 'Binance FAQ: Cost to open and open loss (margin-rules.md §7)' },
  commission: { faq: '360033544231', label: 'Binance FAQ: Trading fees (margin-rules.md §8)' },
  pnl: { faq: '5d62f8be18d24544b5b6156094c16bf7', label: 'Binance FAQ: Realized PnL and wallet balance (margin-rules.md §8)' },
  funding: { faq: '360033525031', label: 'Binance FAQ: Funding rates (margin-rules.md §9)' },
  autoExchange: { faq: 'f80415bea8124f6494566f23c0bf9c38', label: 'Binance FAQ: Auto-Exchange in Multi-Assets Mode (margin-rules.md §5)' }
} satisfies Record<string, Source>

export function explainOpenOrderMargin(o: OpenOrderMarginResult, mode: 'Single-Asset' | 'Multi-Assets'): Explanation {
  return {
    title: `Margin held by ${o.symbol} ${o.positionSide === 'BOTH' ? '' : `${o.positionSide} `}open orders (${mode})`,
    shown: '',
    full: mode === 'Multi-Assets' && o.heldUsd !== undefined ? o.heldUsd : o.held,
    formula: 'MR = max(|N + BidValue|, |N − AskValue|) / L;  open-order IM = MR − |N| / L;  held = open-order IM + Σ open loss, open loss = q × |min(0, d × (mark − price))|',
    plugged: [
      `BidValue = Σ buy quantity × price = ${o.bidValue} ${o.marginAsset};  AskValue = ${o.askValue} ${o.marginAsset}`,
      `L = ${o.leverage}x;  MR = ${o.marginRequirement} ${o.marginAsset}`,
      `open-order IM = ${o.initialMargin} ${o.marginAsset};  open loss = ${o.openLoss} ${o.marginAsset}`,
      `held = ${o.held} ${o.marginAsset}` + (o.heldUsd !== undefined ? ` = ${o.heldUsd} USD at the askRate` : ''),
      `${o.orders} order(s) counted; ${o.stopOrders} stop order(s) listed, holding nothing until they trigger`
    ],
    sources: [PLAN_SOURCES.openOrders, PLAN_SOURCES.openLoss],
    note: 'It reduces available for order in both modes; it never enters maintenance margin, the margin ratio or the liquidation price (margin-rules.md §7).'
  }
}

export function explainStepOutcome(step: PlanStep, o: PlanStepModeResult, mode: 'Single-Asset' | 'Multi-Assets', asset: string | null, sentence: string): Explanation {
  const unit = asset ?? ''
  const plugged: string[] = []
  if (o.price !== undefined) plugged.push(`price = ${o.price}` + (o.commissionRate !== undefined ? `;  commission rate = ${o.commissionRate}` : ''))
  if (o.cost !== undefined) plugged.push(`cost = increase of MR + open loss = ${o.cost} ${unit}`)
  if (o.availableBefore !== undefined) plugged.push(`available for order before the step = ${o.availableBefore} ${unit}` + (mode === 'Multi-Assets' ? ' (uni available / askRate)' : ' (the group’s)'))
  if (o.realizedPnl !== undefined) plugged.push(`realized PnL = q_reduced × (P − E) × s = ${o.realizedPnl} ${unit}`)
  if (o.commission !== undefined) plugged.push(`commission = q × P × rate = ${o.commission} ${unit}`)
  for (const f of o.funding ?? []) plugged.push(`funding ${f.asset} = Σ mark × Q × rate per settlement = ${f.amount} ${f.asset}`)
  if (o.withdrawable !== undefined) plugged.push(`withdrawable in this mode = ${o.withdrawable} ${unit}`)
  if (o.cancelledOrders !== undefined) plugged.push(`${o.cancelledOrders} order(s) removed`)
  if (!o.accepted) plugged.push(`refused: ${o.code ?? ''}${o.binanceCode !== undefined ? ` (${o.binanceCode})` : ''} ${o.message ?? ''}`.trim())
  const isTrade = step.kind === 'trade'
  return {
    title: `${sentence} — ${mode} Mode`,
    shown: '',
    full: o.cost ?? o.commission ?? null,
    formula: isTrade
      ? 'accepted when it only reduces, or when cost ≤ available for order (else −2019) and the notional after stays within the bracket its leverage allows (else −2027); wallet += realized PnL − commission'
      : step.kind === 'funding'
        ? 'at each settlement a position pays mark × Q × rate from its margin asset’s wallet (long pays a positive rate)'
        : step.kind === 'transfer'
          ? 'wallet += amount; a withdrawal may not exceed what the mode lets the asset give'
          : step.kind === 'move'
            ? 'index and marks of the asset’s symbols × (1 + move), kept for the later steps'
            : 'every open order removed: their margin is released and the switch is no longer blocked by them',
    plugged,
    sources: isTrade ? [PLAN_SOURCES.openOrders, PLAN_SOURCES.commission, PLAN_SOURCES.pnl] : step.kind === 'funding' ? [PLAN_SOURCES.funding] : [PLAN_SOURCES.pnl],
    decision: 'Each step is applied to a copy of the account in each mode separately; a refused step changes nothing in that mode and the later steps still run (scenario-format.md §3).'
  }
}

export function explainMaxOpen(e: MaxOpenEntry, mode: 'Single-Asset' | 'Multi-Assets', marginAsset: string): Explanation {
  return {
    title: `Max open ${e.side} ${e.symbol}${e.positionSide === 'BOTH' ? '' : ` ${e.positionSide}`} (${mode})`,
    shown: '',
    full: e.quantity,
    formula: 'the largest q whose cost max(|X + q·P|, |Y|) / L − MR₀ fits available for order, and whose position notional after stays at or under the largest cap whose bracket allows the leverage',
    plugged: [
      `price P = mark = ${e.price} ${marginAsset}` + (e.leverage !== undefined ? `;  leverage ${e.leverage}x` : ''),
      `quantity = ${e.quantity};  notional = ${e.notional} ${marginAsset}`,
      `limited by: ${e.limitedBy === 'margin' ? 'margin (available for order)' : 'the bracket (max notional at this leverage)'}`,
      mode === 'Multi-Assets' ? 'available = uni available for order in USD / the margin asset’s askRate' : `available = the ${marginAsset} group’s available for order`
    ],
    sources: [PLAN_SOURCES.openOrders],
    decision: 'Binance publishes no Max Open formula: derived from margin-rules.md §7 and the bracket table (§10), at mark (no open loss); shown rounded down.'
  }
}

export function explainFundingPerDay(asset: string, amount: string, rates: { symbol: string; rate: string; hours: number }[]): Explanation {
  return {
    title: `Funding per day, ${asset}`,
    shown: '',
    full: amount,
    formula: 'per day = Σ over positions of −s × mark × Q × rate × 24 / interval (a long pays a positive rate, a short receives it)',
    plugged: [...rates.map((r) => `${r.symbol}: rate ${r.rate} every ${r.hours} h`), `= ${amount} ${asset} a day`],
    sources: [PLAN_SOURCES.funding],
    decision: 'Funding is treated as continuous over the horizon, prices and positions held (margin-rules.md §9).'
  }
}

export function explainDaysToThreshold(asset: string, days: string | null, wallet: string | null, threshold: string | null, perDay: string | null): Explanation {
  return {
    title: `Days until ${asset} reaches its Auto-Exchange threshold (Multi-Assets)`,
    shown: '',
    full: days,
    formula: 'days = (threshold − wallet) / f, when f < 0 and wallet > threshold; never otherwise',
    plugged: [`wallet = ${wallet ?? '—'} ${asset}`, `threshold = ${threshold ?? '—'} ${asset}`, `f = ${perDay ?? '0'} ${asset} a day`, `days = ${days ?? 'never'}`],
    sources: [PLAN_SOURCES.funding, PLAN_SOURCES.autoExchange],
    decision: 'Funding alone, prices and positions held; the date counts whole days from the market snapshot’s asOf, rounded down (margin-rules.md §9).'
  }
}

export function explainDaysToLiquidation(who: string, mode: 'Single-Asset' | 'Multi-Assets', days: string | null): Explanation {
  return {
    title: `Days until funding alone liquidates ${who} (${mode})`,
    shown: '',
    full: days,
    formula: mode === 'Single-Asset' ? 'first t with MM = cross wallet + f·t + uPnL (the group’s margin ratio at 100%)' : 'first t with account MM = account equity(t), equity piecewise linear in t (bid → ask where an asset’s equity crosses 0)',
    plugged: [`days = ${days ?? 'never'}`],
    sources: [PLAN_SOURCES.funding],
    decision: 'Funding alone, prices and positions held (margin-rules.md §9).'
  }
}
