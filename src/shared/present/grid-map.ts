// The stress grid as a heat map (ui.md "Stress grid"), shared by the app's Stress grid tab and
// the HTML report: one colour scale for both modes (the bands of bands.ts, shaded by 10-point
// steps within a band), the liquidation boundary as line segments between a liquidated cell and
// a surviving neighbour, and today's market (both moves 0) marked. Rises are drawn at the top.
import { Decimal } from '../decimal'
import type { GridCell, StressGrid } from '../engine/grid'
import { formatMove, formatPercent } from '../format'
import { bandWord, ratioBand, type Band } from './bands'

export type GridMode = 'singleAsset' | 'multiAssets'

export const GRID_MODE_NAME: Record<GridMode, string> = { singleAsset: 'Single-Asset (worst group)', multiAssets: 'Multi-Assets (account)' }

/** Light to deep within each band; liquidated is one dark red, never shaded. */
const PALETTE: Record<Exclude<Band, 'liquidated' | 'none'>, string[]> = {
  calm: ['#e3f2e5', '#c7e6cb', '#a6d7ad', '#86c78f', '#66b672'],
  amber: ['#ffe08a', '#ffcb3d', '#f5ab00'],
  red: ['#ec7a72', '#d9382c']
}
export const LIQUIDATED_FILL = '#6e1410'
export const NONE_FILL = '#dfe3e8'

export function cellFigure(cell: GridCell, mode: GridMode): { ratio: string | null; liquidated: boolean } {
  return mode === 'singleAsset'
    ? { ratio: cell.singleAsset.worstMarginRatio, liquidated: cell.singleAsset.liquidated }
    : { ratio: cell.multiAssets.marginRatio, liquidated: cell.multiAssets.liquidated }
}

export function heatFill(ratio: string | null, liquidated: boolean): string {
  const band = ratioBand(ratio, liquidated)
  if (band === 'liquidated') return LIQUIDATED_FILL
  if (band === 'none') return NONE_FILL
  const floor = { calm: '0', amber: '0.5', red: '0.8' }[band]
  // 10-point steps from the band's floor (Decimal: no float on a ratio).
  const step = new Decimal(ratio!).minus(floor).div('0.1').floor().toNumber()
  const shades = PALETTE[band]
  return shades[Math.min(Math.max(step, 0), shades.length - 1)]!
}

/** "43.2% calm", "LIQUIDATED", "nothing to maintain". */
export function cellText(cell: GridCell, mode: GridMode): string {
  const { ratio, liquidated } = cellFigure(cell, mode)
  const band = ratioBand(ratio, liquidated)
  if (band === 'liquidated') return 'LIQUIDATED'
  if (band === 'none') return 'nothing to maintain'
  return `${formatPercent(ratio, 1)} ${bandWord(band)}`
}

export function moveLabel(move: string): string {
  return new Decimal(move).isZero() ? '0%' : formatMove(move, new Decimal(move).times(100).isInteger() ? 0 : 1)
}

export interface MapCell {
  i: number
  j: number
  /** Column and row on the map (row 0 at the top: the largest y move). */
  col: number
  row: number
  fill: string
  liquidated: boolean
  /** "ETH −10%, BTC +20%: 43.2% calm" */
  label: string
}

export interface Segment {
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface HeatMapGeometry {
  columns: number
  rows: number
  cells: MapCell[]
  /** Between a liquidated cell and a surviving neighbour, in cell units. */
  boundary: Segment[]
  /** Today's market (both moves 0) in cell units from the top left; null when 0 is outside the range. */
  today: { x: number; y: number } | null
}

/** Where move 0 falls along an axis, in cell units (cell k spans k … k + 1). */
function zeroAt(moves: string[]): number | null {
  const first = new Decimal(moves[0]!)
  const last = new Decimal(moves[moves.length - 1]!)
  if (first.gt(0) || last.lt(0)) return null
  if (moves.length === 1) return 0.5
  return first.neg().div(last.minus(first)).times(moves.length - 1).plus('0.5').toNumber()
}

export function heatMapGeometry(grid: StressGrid, mode: GridMode): HeatMapGeometry {
  const columns = grid.x.moves.length
  const rows = grid.y.moves.length
  const liquidated = (i: number, j: number): boolean => cellFigure(grid.cells[j]![i]!, mode).liquidated
  const cells: MapCell[] = []
  const boundary: Segment[] = []
  for (let j = 0; j < rows; j++) {
    const row = rows - 1 - j
    for (let i = 0; i < columns; i++) {
      const cell = grid.cells[j]![i]!
      const { ratio, liquidated: liq } = cellFigure(cell, mode)
      cells.push({
        i,
        j,
        col: i,
        row,
        fill: heatFill(ratio, liq),
        liquidated: liq,
        label: `${grid.x.asset} ${moveLabel(grid.x.moves[i]!)}, ${grid.y.asset} ${moveLabel(grid.y.moves[j]!)}: ${cellText(cell, mode)}`
      })
      if (!liq) continue
      if (i + 1 < columns && !liquidated(i + 1, j)) boundary.push({ x1: i + 1, y1: row, x2: i + 1, y2: row + 1 })
      if (i > 0 && !liquidated(i - 1, j)) boundary.push({ x1: i, y1: row, x2: i, y2: row + 1 })
      if (j + 1 < rows && !liquidated(i, j + 1)) boundary.push({ x1: i, y1: row, x2: i + 1, y2: row })
      if (j > 0 && !liquidated(i, j - 1)) boundary.push({ x1: i, y1: row + 1, x2: i + 1, y2: row + 1 })
    }
  }
  const zx = zeroAt(grid.x.moves)
  const zy = zeroAt(grid.y.moves)
  return { columns, rows, cells, boundary, today: zx === null || zy === null ? null : { x: zx, y: rows - zy } }
}

/** The legend of the shared scale, in reading order. */
export const GRID_LEGEND: { fill: string; text: string }[] = [
  { fill: PALETTE.calm[0]!, text: 'calm, below 50%' },
  { fill: PALETTE.amber[1]!, text: 'caution, 50–80%' },
  { fill: PALETTE.red[1]!, text: 'danger, 80% and above' },
  { fill: LIQUIDATED_FILL, text: 'LIQUIDATED (≥ 100%)' },
  { fill: NONE_FILL, text: 'nothing to maintain' }
]
