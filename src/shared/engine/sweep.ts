// Margin ratios of both modes along a shock line at many points (the shock explorer's chart):
// per-position work is done once by ShockLine; each point costs O(assets).
import { Decimal, ZERO } from '../decimal'
import type { PreparedAccount } from './prepare'
import { ShockLine, evalPoly, type Entity, type Piece } from './shock-line'

export interface RatioPoint {
  /** MM / margin balance; null when there is nothing to maintain or nothing left. */
  ratio: Decimal | null
  liquidated: boolean
}

export interface MarginRatioSweep {
  xs: Decimal[]
  /** One line per Single-Asset group that holds cross positions. */
  groups: { asset: string; points: RatioPoint[] }[]
  multi: RatioPoint[]
}

function ratioAt(e: Entity, x: Decimal): RatioPoint {
  const mm = evalPoly(e.maintenance, x)
  const balance = evalPoly(e.balance, x)
  if (mm.isZero()) return { ratio: null, liquidated: false }
  if (!balance.gt(ZERO)) return { ratio: null, liquidated: true }
  const ratio = mm.div(balance)
  return { ratio, liquidated: ratio.gte(1) }
}

export function sweepMarginRatios(account: PreparedAccount, movingAssets: Set<string>, xs: Decimal[]): MarginRatioSweep {
  const line = new ShockLine(account, movingAssets)
  const groupNames = new Set(account.positions.filter((p) => p.marginType === 'cross').map((p) => p.symbol.marginAsset))
  const groups = new Map<string, RatioPoint[]>()
  for (const name of account.accountAssets) if (groupNames.has(name)) groups.set(name, new Array<RatioPoint>(xs.length))
  const multi = new Array<RatioPoint>(xs.length)

  for (const direction of [-1, 1] as const) {
    const order = xs
      .map((x, i) => i)
      .filter((i) => (direction < 0 ? xs[i]!.lt(ZERO) : !xs[i]!.lt(ZERO)))
      .sort((a, b) => (direction < 0 ? xs[b]!.cmp(xs[a]!) : xs[a]!.cmp(xs[b]!)))
    const pieces = line.pieces(direction)
    let piece: Piece | undefined
    for (const i of order) {
      const x = xs[i]!
      if (direction < 0 && !x.gt(-1)) {
        // A price at or below 0 does not exist: show it as liquidated wherever something is held.
        for (const [, pts] of groups) pts[i] = { ratio: null, liquidated: true }
        multi[i] = { ratio: null, liquidated: account.positions.length > 0 }
        continue
      }
      while (piece === undefined || (piece.end !== null && (direction > 0 ? x.gt(piece.end) : x.lt(piece.end)))) {
        const next = pieces.next()
        if (next.done) break
        piece = next.value
      }
      for (const g of piece!.groups) groups.get(g.name)?.splice(i, 1, ratioAt(g, x))
      multi[i] = ratioAt(piece!.multi, x)
    }
  }
  return { xs, groups: [...groups].map(([asset, points]) => ({ asset, points })), multi }
}
