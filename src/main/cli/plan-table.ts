// The version 2 sections of `compare` without --json: MAX OPEN, FUNDING HORIZON and PLAN
// (scenario-format.md §3), each mode side by side like the rest of the table.
import { Decimal } from '../../shared/decimal'
import type { CompareResult, PlanStepModeResult } from '../../shared/engine/result-types'
import { assetPlaces, formatAmount, formatMove, formatPercent, groupThousands } from '../../shared/format'
import type { PlanStep, Scenario } from '../../shared/scenario'

type Table = (rows: string[][], rightAligned?: (col: number) => boolean) => string

/** A maximum rounded down for display: showing more than the engine allows would mislead. */
function formatMaxQuantity(q: string): string {
  return groupThousands(new Decimal(q).toFixed(6, Decimal.ROUND_DOWN))
}

function days(d: string | null): string {
  if (d === null) return 'never'
  return d === '0' ? 'now' : `${formatAmount(d, 1)} d`
}

function signed(value: string, asset: string): string {
  const text = `${formatAmount(value, assetPlaces(asset))} ${asset}`
  return new Decimal(value).gt(0) ? `+${text}` : text
}

function describeStep(step: PlanStep): string {
  switch (step.kind) {
    case 'trade':
      return [
        `${step.side} ${step.quantity} ${step.symbol}`,
        step.positionSide ? step.positionSide.toUpperCase() : '',
        `@ ${step.price ?? 'mark'}`,
        step.leverage ? `${step.leverage}x` : '',
        step.liquidity === 'maker' ? 'maker' : ''
      ]
        .filter(Boolean)
        .join(' ')
    case 'transfer':
      return `${new Decimal(step.amount).isNeg() ? 'withdraw' : 'deposit'} ${new Decimal(step.amount).abs().toString()} ${step.asset}`
    case 'funding':
      return `funding ${step.hours} h`
    case 'move':
      return `move ${Object.entries(step.moves).map(([a, m]) => `${a} ${formatMove(m)}`).join(', ')}`
    case 'cancelOrders':
      return 'cancel all orders'
  }
}

function outcomeCells(o: PlanStepModeResult, asset: string | null): string[] {
  const amount = (v: string | undefined): string => (v === undefined || asset === null ? '' : `${formatAmount(v, assetPlaces(asset))} ${asset}`)
  return [
    o.accepted ? '✓' : '✗',
    o.code ? `${o.code}${o.binanceCode ? ` (${o.binanceCode})` : ''}` : '',
    amount(o.cost),
    amount(o.availableBefore),
    o.realizedPnl === undefined || asset === null ? '' : signed(o.realizedPnl, asset),
    amount(o.commission),
    (o.funding ?? []).map((f) => signed(f.amount, f.asset)).join(', ')
  ]
}

export function formatPlanSections(s: Scenario, r: CompareResult, table: Table): string[] {
  const out: string[] = []
  const sa = r.singleAsset.maxOpen ?? []
  const ma = r.multiAssets.maxOpen ?? []
  if (sa.length > 0) {
    out.push('')
    out.push('MAX OPEN: the largest quantity at mark each mode allows, and what limits it')
    out.push(
      table([
        ['symbol', 'side', 'mark', 'single-asset', 'multi-assets'],
        ...sa.map((e, i) => {
          const m = ma[i]!
          return [e.symbol, e.positionSide === 'BOTH' ? e.side : `${e.side} ${e.positionSide}`, formatAmount(e.price, 4), `${formatMaxQuantity(e.quantity)} (${e.limitedBy})`, `${formatMaxQuantity(m.quantity)} (${m.limitedBy})`]
        })
      ], (c) => c > 1)
    )
  }
  const h = r.fundingHorizon
  if (h) {
    out.push('')
    out.push('FUNDING HORIZON: funding alone, prices and positions held')
    const assets = [...new Set([...h.perDay.map((p) => p.asset), ...h.singleAsset.groups.map((g) => g.asset)])]
    out.push(
      table([
        ['asset', 'funding per day', 'single-asset liquidation', 'multi-assets Auto-Exchange threshold'],
        ...assets.map((asset) => {
          const perDay = h.perDay.find((p) => p.asset === asset)
          const group = h.singleAsset.groups.find((g) => g.asset === asset)
          const threshold = h.multiAssets.autoExchange.find((a) => a.asset === asset)
          return [asset, perDay ? signed(perDay.amount, asset) : '', group ? days(group.daysToLiquidation) : 'no group', threshold ? days(threshold.daysToThreshold) : '']
        })
      ])
    )
    out.push(`multi-assets liquidation: ${days(h.multiAssets.daysToLiquidation)}`)
  }
  const plan = r.plan
  if (plan && s.plan) {
    out.push('')
    out.push('PLAN: each step applied in order, in each mode separately (a refused step changes nothing)')
    const rows: string[][] = [['#', 'step', 'mode', 'ok', 'refused', 'cost', 'available before', 'realized PnL', 'commission', 'funding']]
    plan.steps.forEach((step, i) => {
      const def = s.plan![i]!
      const asset = def.kind === 'trade' ? s.market.symbols[def.symbol]!.marginAsset : def.kind === 'transfer' ? def.asset : null
      rows.push([String(step.index + 1), describeStep(def), 'single-asset', ...outcomeCells(step.singleAsset, asset)])
      rows.push(['', '', 'multi-assets', ...outcomeCells(step.multiAssets, asset)])
    })
    out.push(table(rows, (c) => c > 4))
    const after = plan.after
    out.push(`after the plan, single-asset: ${after.singleAsset.groups.map((g) => `${g.asset} ${formatPercent(g.marginRatio)} (available ${formatAmount(g.availableForOrder, assetPlaces(g.asset))})`).join(', ')}`)
    const triggers = after.multiAssets.autoExchange.triggers.map((t) => `${t.reason} ${t.asset}`).join(', ')
    out.push(`after the plan, multi-assets: ${formatPercent(after.multiAssets.marginRatio)} (available ${formatAmount(after.multiAssets.uniAvailableForOrder)} USD); Auto-Exchange: ${triggers || 'no trigger'}`)
  }
  return out
}
