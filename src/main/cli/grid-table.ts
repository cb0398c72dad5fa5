// The readable view of `grid` without --json: one text heat map per mode, the y asset's moves
// down the side (rises at the top, as on a chart), the x asset's along the top; each cell the
// margin ratio in whole percent, LIQ where liquidated, · where nothing is maintained.
import { Decimal } from '../../shared/decimal'
import type { StressGrid } from '../../shared/engine/grid'
import { formatMove } from '../../shared/format'
import type { Scenario } from '../../shared/scenario'

function ratioCell(ratio: string | null, liquidated: boolean): string {
  if (liquidated) return 'LIQ'
  if (ratio === null) return '·'
  // Up, against the user: 79.2% shows as 80, never as a calmer figure.
  return new Decimal(ratio).times(100).toFixed(0, Decimal.ROUND_UP)
}

function moveLabel(move: string, places: number): string {
  return new Decimal(move).isZero() ? '0%' : formatMove(move, places)
}

function heatMap(grid: StressGrid, cell: (i: number, j: number) => string): string[] {
  const whole = grid.x.moves.every((m) => new Decimal(m).times(100).isInteger())
  const places = whole ? 0 : 1
  const xs = grid.x.moves.map((m) => moveLabel(m, places))
  const rows: string[][] = [[`${grid.y.asset} \\ ${grid.x.asset}`, ...xs]]
  for (let j = grid.y.moves.length - 1; j >= 0; j--) {
    rows.push([moveLabel(grid.y.moves[j]!, places), ...grid.x.moves.map((_, i) => cell(i, j))])
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  return rows.map((r) => r.map((text, c) => (c === 0 ? text.padEnd(widths[c]!) : text.padStart(widths[c]!))).join(' ').trimEnd())
}

export function formatGridTable(scenario: Scenario, grid: StressGrid): string {
  const out: string[] = []
  out.push(scenario.name)
  out.push(`stress grid: ${grid.x.asset} move across, ${grid.y.asset} move by row (rises at the top) · market as of ${scenario.market.asOf}`)
  out.push('margin ratio in % (rounded up); LIQ liquidated (≥ 100% or nothing left); · nothing to maintain')
  out.push('')
  out.push('SINGLE-ASSET MODE: the worst group')
  out.push(...heatMap(grid, (i, j) => ratioCell(grid.cells[j]![i]!.singleAsset.worstMarginRatio, grid.cells[j]![i]!.singleAsset.liquidated)))
  out.push('')
  out.push('MULTI-ASSETS MODE: the account')
  out.push(...heatMap(grid, (i, j) => ratioCell(grid.cells[j]![i]!.multiAssets.marginRatio, grid.cells[j]![i]!.multiAssets.liquidated)))
  return `${out.join('\n')}\n`
}
