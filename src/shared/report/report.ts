// The shareable report (scenario-format.md §4, ui.md "Report"): ONE self-contained HTML string
// from a scenario, its comparison, its stress grid and its sweeps. Pure: inline CSS and SVG, no
// script, no URL, every user string escaped; a CSP meta tag forbids loading anything at all.
// Reading order: verdict, both modes, positions, shocks, shock to liquidation, charts, grid,
// plan, sources and rules.
import { Decimal } from '../decimal'
import type { StressGrid } from '../engine/grid'
import type { CompareResult, PositionResult, ShockResult } from '../engine/result-types'
import type { MarginRatioSweep } from '../engine/sweep'
import { assetPlaces, formatAmount, formatLiquidationPrice, formatMove, formatPercent, groupThousands } from '../format'
import type { Scenario } from '../scenario'
import { bandWord, ratioBand } from '../present/bands'
import { delta, moveDelta, type Delta } from '../present/delta'
import { distance, moveText, pricePlaces } from '../present/figures'
import { GRID_MODE_NAME } from '../present/grid-map'
import { singleUsdTotal } from '../present/totals'
import { MODE_NAME, buildVerdict, multiRatio, worstSingleRatio } from '../present/verdict'
import { gridLegend, heatMapSvg, ratioChartSvg } from './charts'
import { html, type Markup } from './html'
import { planSection, type PlanResultLike, type PlanStepInput } from './plan'
import { REPORT_CSS } from './report-style'
import { REPORT_RULES } from './rules'

export interface ReportInput {
  scenario: Scenario
  /** compare's result; `plan` (scenario version 2) is read when present. */
  result: CompareResult & { plan?: PlanResultLike }
  /** The stress grid of the two largest exposures; null when the book has fewer than two. */
  grid: StressGrid | null
  /** Margin ratio along the move of each of the largest exposures. */
  sweeps: { asset: string; sweep: MarginRatioSweep }[]
  /** When the report was made (ISO 8601); shown, never computed here. */
  generatedAt?: string
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"

function ratio(value: string | null, liquidated: boolean): Markup {
  const band = ratioBand(value, liquidated)
  const word = bandWord(band)
  if (band === 'liquidated' && value === null) return html`<span class="band liquidated">LIQUIDATED</span>`
  return html`${formatPercent(value, 2)}${word ? html`<span class="band ${band}">${word}</span>` : ''}`
}

function deltaMark(d: Delta | null): Markup {
  if (!d) return html``
  return html`<span class="delta ${d.goodness === 'same' ? 'muted' : d.goodness}" title="${d.label}">${d.text}</span>`
}

const money = (value: string | null, asset: string): string => (value === null ? '—' : `${formatAmount(value, assetPlaces(asset))} ${asset}`)
const usd = (value: string): string => `${formatAmount(value, 2)} USD`

function switchCell(v: CompareResult['singleAsset']['switch'], current: boolean): Markup {
  if (current) return html`current mode`
  if (v.allowed) return html`<span class="better">switch allowed</span>${v.warnings.map((w) => html`<br><span class="muted">${w.message}</span>`)}`
  return html`<span class="blocked">switch blocked</span>${v.blockers.map((b) => html`<br>${b.binanceCode !== undefined ? `${b.binanceCode} ` : ''}${b.message}`)}`
}

function modesSection(s: Scenario, r: CompareResult): Markup {
  const single = r.singleAsset
  const multi = r.multiAssets
  const worst = worstSingleRatio(r)
  const multiFigure = multiRatio(r)
  const perGroup = (pick: (g: (typeof single.groups)[number]) => Markup | string): Markup =>
    html`${single.groups.map((g, k) => html`${k > 0 ? html`<br>` : ''}<span class="muted">${g.asset}</span> ${pick(g)}`)}${single.groups.length === 0 ? 'no groups' : ''}`
  const total = (pick: (g: (typeof single.groups)[number]) => string): string => singleUsdTotal(r, s, pick)
  const idle = single.idleAssets.filter((a) => !new Decimal(a.wallet).isZero())
  const triggers = multi.autoExchange.triggers
  return html`<section class="modes"><h2>Both modes side by side</h2>
<p class="lede">Each Multi-Assets figure carries its difference from Single-Asset (▲ higher, ▼ lower), marked better or worse for you; Single-Asset amounts are summed in USD at each asset's index for it.</p>
<table><thead><tr><th scope="col"></th><th scope="col">Single-Asset${s.account.mode === 'single-asset' ? ' (now)' : ''}</th><th scope="col">Multi-Assets${s.account.mode === 'multi-assets' ? ' (now)' : ''}</th></tr></thead><tbody>
<tr><th scope="row">Switch</th><td>${switchCell(single.switch, s.account.mode === 'single-asset')}</td><td>${switchCell(multi.switch, s.account.mode === 'multi-assets')}</td></tr>
<tr><th scope="row">Margin ratio</th><td class="num">${perGroup((g) => ratio(g.marginRatio, g.marginRatio === null ? !new Decimal(g.maintenanceMargin).isZero() : new Decimal(g.marginRatio).gte(1)))}</td>
<td class="num">${ratio(multi.marginRatio, multiFigure.liquidated)}${deltaMark(delta(multi.marginRatio, worst.ratio, { higherIsBetter: false, unit: 'pts', places: 1 }))}${worst.by ? html`<br><span class="muted">vs the worst group (${worst.by})</span>` : ''}</td></tr>
<tr><th scope="row">Margin balance / equity</th><td class="num">${perGroup((g) => money(g.marginBalance, g.asset))}</td><td class="num">${usd(multi.accountEquity)}${deltaMark(delta(multi.accountEquity, total((g) => g.marginBalance), { higherIsBetter: true, unit: 'USD' }))}</td></tr>
<tr><th scope="row">Maintenance margin</th><td class="num">${perGroup((g) => money(g.maintenanceMargin, g.asset))}</td><td class="num">${usd(multi.accountMaintenanceMargin)}${deltaMark(delta(multi.accountMaintenanceMargin, total((g) => g.maintenanceMargin), { higherIsBetter: false, unit: 'USD' }))}</td></tr>
<tr><th scope="row">Initial margin</th><td class="num">${perGroup((g) => money(g.initialMargin, g.asset))}</td><td class="num">${usd(multi.accountInitialMargin)}</td></tr>
<tr><th scope="row">Available for order</th><td class="num">${perGroup((g) => money(g.availableForOrder, g.asset))}</td><td class="num">${usd(multi.uniAvailableForOrder)}${deltaMark(delta(multi.uniAvailableForOrder, total((g) => g.availableForOrder), { higherIsBetter: true, unit: 'USD' }))}</td></tr>
<tr><th scope="row">Collateral</th><td>${idle.length === 0 ? 'no idle assets' : idle.map((a, k) => html`${k > 0 ? html`<br>` : ''}${money(a.wallet, a.asset)}: <span class="worse">idle, backs nothing</span>`)}</td>
<td>${multi.assets.map((a, k) => html`${k > 0 ? html`<br>` : ''}${money(a.equity, a.asset)} = <span class="num">${usd(a.equityUsd)}</span> <span class="muted">at ${groupThousands(new Decimal(a.rate).toSignificantDigits(8).toString())}</span>`)}</td></tr>
<tr><th scope="row">Auto-Exchange</th><td class="muted">not in this mode</td><td>${triggers.length === 0 ? 'no trigger' : triggers.map((t, k) => html`${k > 0 ? html`<br>` : ''}<span class="worse">${t.asset}: ${t.reason}</span>, deficit ${money(t.deficit, t.asset)}${t.sales.length > 0 ? `, sells ${t.sales.map((x) => money(x.quantity, x.asset)).join(', ')}` : ''}`)}</td></tr>
</tbody></table></section>`
}

function liqCells(p: PositionResult): Markup {
  const d = distance(p.liquidationPrice, p.markPrice)
  return html`<td class="num">${formatLiquidationPrice(p.liquidationPrice, p.side, pricePlaces(p.markPrice))}</td><td class="num">${d === null ? '' : formatMove(d, 1)}</td>`
}

function positionsSection(s: Scenario, r: CompareResult): Markup {
  return html`<section class="positions wide"><h2>Positions and liquidation prices</h2>
<p class="lede">Liquidation prices are rounded against you (up for a long, down for a short); the distance is from the mark.</p>
<table><thead><tr><th scope="col">symbol</th><th scope="col">side</th><th scope="col">type</th><th scope="col" class="num">size</th><th scope="col" class="num">entry</th><th scope="col" class="num">mark</th><th scope="col" class="num">Single-Asset liq.</th><th scope="col" class="num">dist.</th><th scope="col" class="num">Multi-Assets liq.</th><th scope="col" class="num">dist.</th></tr></thead><tbody>
${s.account.positions.map((p, k) => {
  const single = r.singleAsset.positions[k]!
  const multi = r.multiAssets.positions[k]!
  const places = pricePlaces(single.markPrice, p.entryPrice)
  return html`<tr><td>${p.symbol}</td><td>${single.positionSide === 'BOTH' ? p.side : `${p.side} (${single.positionSide})`}</td><td>${p.marginType}${p.marginType === 'isolated' ? ` ${formatAmount(p.isolatedWallet ?? '0', 2)}` : ''}</td><td class="num">${groupThousands(p.quantity)}</td><td class="num">${formatAmount(p.entryPrice, places)}</td><td class="num">${formatAmount(single.markPrice, places)}</td>${liqCells(single)}${liqCells(multi)}</tr>`
})}
</tbody></table>${s.account.positions.length === 0 ? html`<p>No open positions.</p>` : ''}</section>`
}

function shockWorst(shock: ShockResult): { ratio: string | null; liquidated: boolean } {
  if (shock.singleAsset.groups.some((g) => g.liquidated)) return { ratio: null, liquidated: true }
  let worst: string | null = null
  for (const g of shock.singleAsset.groups) if (g.marginRatio !== null && (worst === null || new Decimal(g.marginRatio).gt(worst))) worst = g.marginRatio
  return { ratio: worst, liquidated: false }
}

function shocksSection(r: CompareResult): Markup {
  if (r.shocks.length === 0) return html`<section><h2>Shocks</h2><p>The scenario names no shocks.</p></section>`
  return html`<section><h2>Shocks</h2><table><thead><tr><th scope="col">shock</th><th scope="col">moves</th><th scope="col" class="num">Single-Asset groups</th><th scope="col" class="num">Multi-Assets</th></tr></thead><tbody>
${r.shocks.map((sh) => {
  const worst = shockWorst(sh)
  return html`<tr><td>${sh.name}</td><td>${Object.entries(sh.moves).map(([a, m]) => `${a} ${formatMove(m, 1)}`).join(', ')}</td>
<td class="num">${sh.singleAsset.groups.map((g, k) => html`${k > 0 ? html`<br>` : ''}<span class="muted">${g.asset}</span> ${ratio(g.marginRatio, g.liquidated)}`)}</td>
<td class="num">${ratio(sh.multiAssets.marginRatio, sh.multiAssets.liquidated)}${worst.liquidated ? '' : deltaMark(delta(sh.multiAssets.marginRatio, worst.ratio, { higherIsBetter: false, unit: 'pts', places: 1 }))}${sh.multiAssets.autoExchange.length > 0 ? html`<br><span class="worse">Auto-Exchange: ${sh.multiAssets.autoExchange.map((t) => t.asset).join(', ')}</span>` : ''}</td></tr>`
})}</tbody></table></section>`
}

function stlSection(r: CompareResult): Markup {
  if (r.shockToLiquidation.length === 0) return html``
  const cell = (m: { move: string | null; by: string | null }): string => (m.move === null ? 'none' : `${moveText(m.move)} (${m.by})`)
  return html`<section><h2>Shock to liquidation</h2><p class="lede">The smallest move of one asset (its index and every symbol's mark) at which something reaches 100%, and what it liquidates.</p>
<table><thead><tr><th scope="col">asset</th><th scope="col" class="num">Single-Asset down</th><th scope="col" class="num">Multi-Assets down</th><th scope="col" class="num">Single-Asset up</th><th scope="col" class="num">Multi-Assets up</th></tr></thead><tbody>
${r.shockToLiquidation.map((x) => html`<tr><td>${x.asset}</td><td class="num">${cell(x.down.singleAsset)}</td><td class="num">${cell(x.down.multiAssets)}${deltaMark(moveDelta(x.down.multiAssets.move, x.down.singleAsset.move))}</td><td class="num">${cell(x.up.singleAsset)}</td><td class="num">${cell(x.up.multiAssets)}${deltaMark(moveDelta(x.up.multiAssets.move, x.up.singleAsset.move))}</td></tr>`)}
</tbody></table></section>`
}

function gridSection(input: ReportInput): Markup {
  const { grid, sweeps } = input
  const charts = sweeps.length === 0 ? '' : html`<h3>Margin ratio as the largest exposures move</h3><div class="charts">${sweeps.map((x) => ratioChartSvg(x.sweep, x.asset))}</div>`
  if (!grid) return html`<section class="grid-page"><h2>Stress grid</h2>${charts}<p>The book has fewer than two assets to move: no grid.</p></section>`
  const first = grid.x.moves[0]!
  const last = grid.x.moves[grid.x.moves.length - 1]!
  return html`<section class="grid-page"><h2>Stress grid: ${grid.x.asset} × ${grid.y.asset}</h2>${charts}
<p class="lede">Each cell is the comparison with ${grid.x.asset} moved across (${formatMove(first, 0)} to ${formatMove(last, 0)}) and ${grid.y.asset} moved up, both at once, in ${grid.x.moves.length} steps: the two base assets with the largest exposure. Same colour scale in both maps.</p>
<div class="maps">${(['singleAsset', 'multiAssets'] as const).map((mode) => html`<figure>${heatMapSvg(grid, mode, GRID_MODE_NAME[mode])}<figcaption><strong>${GRID_MODE_NAME[mode]}</strong>: ${gridSummary(grid, mode)}</figcaption></figure>`)}</div>
${gridLegend()}</section>`
}

function gridSummary(grid: StressGrid, mode: 'singleAsset' | 'multiAssets'): string {
  const cells = grid.cells.flat()
  const dead = cells.filter((c) => (mode === 'singleAsset' ? c.singleAsset.liquidated : c.multiAssets.liquidated)).length
  return dead === 0 ? 'no cell is liquidated.' : `${dead} of ${cells.length} cells liquidated.`
}

function sourcesSection(s: Scenario, generatedAt: string | undefined): Markup {
  return html`<section class="rules"><h2>Market data, rules and decisions</h2>
<p>Market as of <strong>${s.market.asOf}</strong>. Source: ${(s.market.source ?? 'not stated in the portfolio').replace(/[.\s]+$/, '')}.</p>
<p class="muted">Figures are exact decimals (40 significant digits), rounded only for display. Prepared by Margin Planner${generatedAt ? ` on ${generatedAt}` : ''}; nothing here was fetched live.</p>
<ol class="rules">${REPORT_RULES.map((r) => html`<li>${r.rule} <span class="src">(${r.source})</span></li>`)}</ol></section>`
}

export function renderReport(input: ReportInput): string {
  const { scenario: s, result: r } = input
  const verdict = buildVerdict(r, s)
  const tagClass = verdict.overall === 'helps' ? 'better' : verdict.overall === 'hurts' ? 'worse' : 'muted'
  const body = html`<header><h1>${s.name}</h1>
<p class="meta">Margin Planner report · Single-Asset vs Multi-Assets Mode · now in ${MODE_NAME[s.account.mode]} Mode · ${s.account.positionMode} · ${s.account.positions.length} position${s.account.positions.length === 1 ? '' : 's'} · market as of ${s.market.asOf}</p>
${s.notes ? html`<p class="muted">${s.notes}</p>` : ''}</header>
<div class="verdict" role="note"><span class="tag ${tagClass}">${verdict.overall}</span>${verdict.segments.map((seg) => (seg.tone === 'neutral' ? seg.text : html`<span class="${seg.tone}">${seg.text}</span>`))}</div>
${modesSection(s, r)}
${positionsSection(s, r)}
${shocksSection(r)}
${stlSection(r)}
${gridSection(input)}
${planSection(r.plan, (s as { plan?: PlanStepInput[] }).plan)}
${sourcesSection(s, input.generatedAt)}`
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Margin Planner">
<title>${html`${s.name}`.text} · Margin Planner report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body.text}
</body>
</html>
`
}
