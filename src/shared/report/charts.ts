// The report's charts as inline SVG (no script, nothing loaded): the stress grid heat maps and
// the margin ratio along one asset's move. Decimals become numbers only here, for coordinates.
import { Decimal } from '../decimal'
import type { MarginRatioSweep, RatioPoint } from '../engine/sweep'
import type { StressGrid } from '../engine/grid'
import { GRID_LEGEND, heatMapGeometry, moveLabel, type GridMode } from '../present/grid-map'
import { html, type Markup } from './html'

const CELL = 13
const LEFT = 46
const TOP = 6
const BOTTOM = 34

/** Which of n moves get a tick label: both ends, the middle and the quarters. */
function tickIndexes(n: number): number[] {
  const picks = new Set([0, n - 1, Math.round((n - 1) / 2), Math.round((n - 1) / 4), Math.round((3 * (n - 1)) / 4)])
  return [...picks].sort((a, b) => a - b)
}

export function heatMapSvg(grid: StressGrid, mode: GridMode, title: string): Markup {
  const g = heatMapGeometry(grid, mode)
  const width = LEFT + g.columns * CELL + 8
  const height = TOP + g.rows * CELL + BOTTOM
  const px = (c: number): number => LEFT + c * CELL
  const py = (r: number): number => TOP + r * CELL
  const cells = g.cells.map((c) => html`<rect x="${px(c.col)}" y="${py(c.row)}" width="${CELL}" height="${CELL}" fill="${c.fill}"><title>${c.label}</title></rect>`)
  const boundary = g.boundary.map((s) => html`<line x1="${px(s.x1)}" y1="${py(s.y1)}" x2="${px(s.x2)}" y2="${py(s.y2)}" class="boundary"/>`)
  const xTicks = tickIndexes(g.columns).map((i) => html`<text x="${px(i + 0.5)}" y="${py(g.rows) + 12}" text-anchor="middle">${moveLabel(grid.x.moves[i]!)}</text>`)
  const yTicks = tickIndexes(g.rows).map((j) => html`<text x="${LEFT - 4}" y="${py(g.rows - 1 - j + 0.5) + 3}" text-anchor="end">${moveLabel(grid.y.moves[j]!)}</text>`)
  const today = g.today
    ? html`<circle cx="${px(g.today.x)}" cy="${py(g.today.y)}" r="4" class="today"><title>today's market</title></circle>`
    : ''
  return html`<svg class="heat" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}: ${grid.x.asset} move across, ${grid.y.asset} move up">
<rect x="${LEFT}" y="${TOP}" width="${g.columns * CELL}" height="${g.rows * CELL}" class="frame"/>
${cells}${boundary}${today}
<g class="ticks">${xTicks}${yTicks}</g>
<text x="${LEFT + (g.columns * CELL) / 2}" y="${height - 4}" text-anchor="middle" class="axis">${grid.x.asset} move →</text>
<text transform="translate(11 ${TOP + (g.rows * CELL) / 2}) rotate(-90)" text-anchor="middle" class="axis">${grid.y.asset} move →</text>
</svg>`
}

export function gridLegend(): Markup {
  return html`<ul class="legend">${GRID_LEGEND.map((l) => html`<li><span class="swatch" style="background:${l.fill}"></span>${l.text}</li>`)}<li><span class="swatch line"></span>liquidation boundary</li><li><span class="swatch dot"></span>today's market</li></ul>`
}

const CW = 340
const CH = 170
const PAD_L = 40
const PAD_B = 24
const Y_MAX = new Decimal('1.5')

/** One series' path; a liquidated point is drawn at the 150% clip, a point with nothing to maintain breaks the line. */
function seriesPath(xs: Decimal[], points: RatioPoint[], x: (d: Decimal) => number, y: (d: Decimal) => number): string {
  let d = ''
  let pen = false
  points.forEach((p, k) => {
    const r = p.liquidated ? Y_MAX : p.ratio === null ? null : Decimal.min(p.ratio, Y_MAX)
    if (r === null) {
      pen = false
      return
    }
    d += `${pen ? 'L' : 'M'}${x(xs[k]!).toFixed(1)} ${y(r).toFixed(1)} `
    pen = true
  })
  return d.trim()
}

export function ratioChartSvg(sweep: MarginRatioSweep, asset: string): Markup {
  const lo = sweep.xs[0]!
  const hi = sweep.xs[sweep.xs.length - 1]!
  const x = (d: Decimal): number => PAD_L + d.minus(lo).div(hi.minus(lo)).times(CW - PAD_L - 18).toNumber()
  const y = (d: Decimal): number => 6 + Y_MAX.minus(d).div(Y_MAX).times(CH - PAD_B - 6).toNumber()
  const yTicks = ['0', '0.5', '0.8', '1', '1.5'].map((t) => new Decimal(t))
  const xTicks = [lo, lo.div(2), new Decimal(0), hi.div(2), hi]
  const series = [
    ...sweep.groups.map((g, k) => ({ name: `Single-Asset ${g.asset}`, cls: `single s${k % 3}`, d: seriesPath(sweep.xs, g.points, x, y) })),
    { name: 'Multi-Assets account', cls: 'multi', d: seriesPath(sweep.xs, sweep.multi, x, y) }
  ]
  return html`<figure class="chart"><svg viewBox="0 0 ${CW} ${CH}" width="${CW}" height="${CH}" role="img" aria-label="Margin ratio as ${asset} moves, both modes">
<g class="ticks">${yTicks.map((t) => html`<line x1="${PAD_L}" x2="${CW - 18}" y1="${y(t)}" y2="${y(t)}" class="${t.eq('0.8') || t.eq(1) ? 'ref' : 'grid'}"/><text x="${PAD_L - 4}" y="${y(t) + 3}" text-anchor="end">${t.times(100).toString()}%</text>`)}
${xTicks.map((t) => html`<text x="${x(t)}" y="${CH - 8}" text-anchor="middle">${moveLabel(t.toString())}</text>`)}</g>
<line x1="${x(new Decimal(0))}" x2="${x(new Decimal(0))}" y1="6" y2="${CH - PAD_B}" class="now"/>
${series.map((s) => html`<path d="${s.d}" class="${s.cls}"><title>${s.name}</title></path>`)}
</svg><figcaption><strong>${asset}</strong> moves (its index and every ${asset} symbol's mark): ${series.map((s, k) => html`${k > 0 ? ' · ' : ''}<span class="key ${s.cls}"></span>${s.name}`)}. Dashed: 80% and 100%; above 150% clipped.</figcaption></figure>`
}
