// The shock explorer's chart data: the engine's sweep (Decimals) turned into plain numbers at
// the last step, clipped at 150%, with where each line first crosses 100% on each side of 0.
import type { MarginRatioSweep, RatioPoint } from '../../../shared/engine'

export const Y_CLIP = 1.5
export const SWEEP_POINTS = 201
export const SWEEP_RANGE = 0.5

export interface Series {
  label: string
  /** Margin ratio in percent, clipped at 150; null where there is nothing to maintain. */
  ys: (number | null)[]
  /** Moves (percent) where the line reaches 100%: the nearest below 0 and above 0. */
  crossings: number[]
}

export interface SweepSeries {
  xs: number[]
  lines: Series[]
}

function toPercent(p: RatioPoint): number | null {
  if (p.liquidated && p.ratio === null) return Y_CLIP * 100
  if (p.ratio === null) return null
  return Math.min(p.ratio.toNumber(), Y_CLIP) * 100
}

/** Nearest crossing of 100% on each side of x = 0, linearly interpolated between grid points. */
export function crossings(xs: number[], ys: (number | null)[]): number[] {
  const zero = xs.findIndex((x) => x >= 0)
  const out: number[] = []
  const at = (i: number): number => ys[i] ?? -1
  if (zero >= 0 && at(zero) >= 100) return [xs[zero]!]
  for (const dir of [-1, 1]) {
    for (let i = zero + dir; i >= 0 && i < xs.length; i += dir) {
      if (at(i) >= 100) {
        const j = i - dir
        const y0 = at(j)
        const y1 = at(i)
        const t = y1 === y0 || y0 < 0 ? 1 : (100 - y0) / (y1 - y0)
        out.push(xs[j]! + (xs[i]! - xs[j]!) * Math.min(1, Math.max(0, t)))
        break
      }
    }
  }
  return out
}

export function toSeries(sweep: MarginRatioSweep): SweepSeries {
  const xs = sweep.xs.map((x) => x.toNumber() * 100)
  const lines: Series[] = sweep.groups.map((g) => {
    const ys = g.points.map(toPercent)
    return { label: `Single-Asset ${g.asset}`, ys, crossings: crossings(xs, ys) }
  })
  const multi = sweep.multi.map(toPercent)
  lines.push({ label: 'Multi-Assets', ys: multi, crossings: crossings(xs, multi) })
  return { xs, lines }
}
