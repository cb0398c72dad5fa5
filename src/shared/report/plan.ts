// The plan section (scenario version 2, scenario-format.md §3). Version 2 is built in parallel,
// so the report reads the plan through structural types of its own that follow §3: it lights up
// when `compare` returns `plan`, and is left out when it does not.
import { formatAmount, formatPercent } from '../format'
import { html, type Markup } from './html'

export interface PlanStepInput {
  kind: string
  symbol?: string
  side?: string
  positionSide?: string
  quantity?: string
  price?: string
  liquidity?: string
  leverage?: number
  asset?: string
  amount?: string
  hours?: number
  moves?: Record<string, string>
}

export interface PlanModeOutcome {
  accepted?: boolean
  code?: string
  binanceCode?: number
  message?: string
  cost?: string
  commission?: string
  realizedPnl?: string
  funding?: { asset: string; amount: string }[]
}

export interface PlanResultLike {
  steps: { index: number; kind: string; singleAsset?: PlanModeOutcome; multiAssets?: PlanModeOutcome }[]
  after?: {
    singleAsset?: { groups?: { asset: string; marginRatio: string | null }[] }
    multiAssets?: { marginRatio?: string | null }
  }
}

/** "Sell 2 ETHUSDT at 3,050, taker", "Transfer −500 USDC", "72 hours of funding". */
export function stepSentence(step: PlanStepInput | undefined, kind: string): string {
  if (!step) return kind
  const n = (v: string | undefined): string => (v === undefined ? '' : formatAmount(v, Math.min(8, v.split('.')[1]?.length ?? 0)))
  switch (step.kind) {
    case 'trade': {
      const verb = step.side === 'sell' ? 'Sell' : 'Buy'
      const at = step.price === undefined ? 'at mark' : `at ${n(step.price)}`
      const extras = [step.positionSide, step.liquidity ?? 'taker', step.leverage ? `${step.leverage}×` : undefined].filter(Boolean).join(', ')
      return `${verb} ${n(step.quantity)} ${step.symbol ?? ''} ${at}, ${extras}`
    }
    case 'transfer':
      return step.amount?.startsWith('-') ? `Withdraw ${n(step.amount.slice(1))} ${step.asset ?? ''}` : `Deposit ${n(step.amount)} ${step.asset ?? ''}`
    case 'funding':
      return `${step.hours ?? 0} hours of funding`
    case 'move':
      return `Market moves: ${Object.entries(step.moves ?? {})
        .map(([a, m]) => `${a} ${m.startsWith('-') ? '' : '+'}${formatPercent(m, 1)}`)
        .join(', ')}`
    case 'cancelOrders':
      return 'Cancel every open order'
    default:
      return step.kind
  }
}

function outcome(o: PlanModeOutcome | undefined): Markup {
  if (!o) return html`<span class="muted">—</span>`
  if (o.funding) return html`✓ ${o.funding.map((f, k) => `${k > 0 ? ', ' : ''}${formatAmount(f.amount, 2)} ${f.asset}`).join('')}`
  if (o.accepted === false) return html`<span class="worse">✗ refused</span>${o.binanceCode !== undefined ? ` (${o.binanceCode})` : ''}: ${o.message ?? o.code ?? ''}`
  return html`<span class="better">✓ accepted</span>${o.cost !== undefined ? ` · cost ${formatAmount(o.cost, 2)}` : ''}${o.commission !== undefined ? ` · fee ${formatAmount(o.commission, 2)}` : ''}`
}

function worstAfter(plan: PlanResultLike): string {
  const ratios = (plan.after?.singleAsset?.groups ?? []).map((g) => `${g.asset} ${formatPercent(g.marginRatio, 1)}`)
  return ratios.length > 0 ? ratios.join(', ') : '—'
}

export function planSection(plan: PlanResultLike | undefined, steps: PlanStepInput[] | undefined): Markup {
  if (!plan || plan.steps.length === 0) return html``
  return html`<section class="plan"><h2>The plan, step by step</h2>
<p class="lede">Each step is applied in order to a copy of the account, separately in each mode; a refused step changes nothing in that mode.</p>
<table><thead><tr><th scope="col">#</th><th scope="col">step</th><th scope="col">Single-Asset</th><th scope="col">Multi-Assets</th></tr></thead><tbody>
${plan.steps.map((s) => html`<tr><td class="num">${s.index + 1}</td><td>${stepSentence(steps?.[s.index], s.kind)}</td><td>${outcome(s.singleAsset)}</td><td>${outcome(s.multiAssets)}</td></tr>`)}
</tbody></table>
${plan.after ? html`<p>After the plan: Single-Asset margin ratio ${worstAfter(plan)}; Multi-Assets ${formatPercent(plan.after.multiAssets?.marginRatio ?? null, 1)}.</p>` : ''}
</section>`
}
