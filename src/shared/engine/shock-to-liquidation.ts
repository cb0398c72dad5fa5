// Shock to liquidation (margin-rules.md §4): for each base asset, the smallest move down and up
// (its index and the marks of all its symbols together) at which a Single-Asset group or
// isolated position, or the Multi-Assets account, reaches 100%. Solved exactly on each piece of
// the shock line (linear in Single-Asset, at most quadratic in Multi-Assets).
import { Decimal, MINUS_ONE, TWO, ZERO, compare } from '../decimal'
import { OwnedCache } from './owned-cache'
import type { PreparedAccount } from './prepare'
import type { MoveToLiquidation, ShockToLiquidation } from './result-types'
import { ShockLine, evalPoly, subtractPoly, type Entity, type Piece, type PieceList, type Poly } from './shock-line'

export const SHOCK_TO_LIQUIDATION_METHOD = 'exact: roots of the piecewise linear (Single-Asset) and quadratic (Multi-Assets) margin functions, piece by piece'

/**
 * The assets a shock to liquidation is reported for (Decision): the base asset of every
 * position's symbol, then every asset held that margins no symbol (collateral such as ETH or BNB).
 */
export function shockAssets(account: PreparedAccount): string[] {
  const out = new Set<string>()
  for (const p of account.positions) out.add(p.symbol.baseAsset)
  for (const b of account.scenario.account.balances) {
    if (!account.marginAssets.has(b.asset) && !new Decimal(b.wallet).isZero()) out.add(b.asset)
  }
  return [...out]
}

export function shocksToLiquidation(account: PreparedAccount): ShockToLiquidation[] {
  if (account.positions.length === 0) return []
  return shockAssets(account).map((asset) => {
    const line = new ShockLine(account, new Set([asset]))
    return { asset, down: moveToLiquidation(line, -1), up: moveToLiquidation(line, 1) }
  })
}

export function moveToLiquidation(line: ShockLine, direction: 1 | -1): { singleAsset: MoveToLiquidation; multiAssets: MoveToLiquidation } {
  const concave = direction > 0 ? line.concaveGoingUp() : null
  const found = concave?.single && concave.multi ? searchUp(line) : walk(line, direction).found
  const flag = (m: MoveToLiquidation | null): MoveToLiquidation => {
    if (m === null) return NONE
    return m.move !== null && line.beyondLastCap(new Decimal(m.move)) ? { ...m, beyondLastBracket: true } : m
  }
  return { singleAsset: flag(found.single), multiAssets: flag(found.multi) }
}

const NONE: MoveToLiquidation = { move: null, by: null }

/** Null: not found on the pieces looked at. */
interface Found {
  single: MoveToLiquidation | null
  multi: MoveToLiquidation | null
}

const bothFound = (found: Found): boolean => found.single !== null && found.multi !== null

/** Looks on one piece for the root of each mode still to find (`single`/`multi` false: not yet that mode's turn). */
function lookAt(piece: Piece, found: Found, direction: 1 | -1, single = true, multi = true): void {
  if (single && found.single === null) found.single = firstInPiece([...piece.groups, ...piece.isolated], piece.start, piece.end, direction)
  if (multi && found.multi === null) found.multi = firstInPiece([piece.multi], piece.start, piece.end, direction)
}

/** Piece by piece from x = 0 until both modes have their root (or cannot have one), or after `limit` pieces. */
function walk(line: ShockLine, direction: 1 | -1, limit = Infinity): { found: Found; walked: number } {
  const found: Found = { single: null, multi: null }
  let walked = 0
  for (const piece of line.pieces(direction)) {
    lookAt(piece, found, direction)
    // Above MM all along the first piece, and never falling back (concave, not falling far up): no root at all.
    if (walked === 0 && direction > 0 && !bothFound(found)) {
      const stays = line.staysAboveGoingUp()
      if (found.single === null && stays.single) found.single = NONE
      if (found.multi === null && stays.multi) found.multi = NONE
    }
    walked++
    if (bothFound(found) || walked === limit) break
  }
  return { found, walked }
}

/**
 * Pieces a walk up takes one by one before it halves the rest: a carried piece costs less than
 * one summed afresh, and most roots are near (the 50-position example finds all of its within
 * five; the 1,000-position test book's lie ~15 floors up).
 */
const WALK_FIRST = 5

/**
 * Going up on a line where both modes are concave (issue 10): a mode above its MM where a piece
 * ends stayed above it on every piece before (one root at most past x = 0), so past the first
 * few pieces its root is found by halving the rest of the walk instead of entering every floor.
 * The walk then goes on from that piece as the plain walk would. A piece whose end is not
 * clearly above MM (`clearlyAbove`: a root on a floor) counts as at or below, so the plain
 * walk's own arithmetic decides on which side of the floor the root lies.
 */
function searchUp(line: ShockLine): Found {
  const { found, walked } = walk(line, 1, WALK_FIRST)
  // Both found, or the walk's last piece (no end) looked at: nothing left to halve.
  if (bothFound(found) || walked < WALK_FIRST) return found
  const list = line.upwardPieces()
  const fromSingle = found.single === null ? firstEndingAtOrBelow(list, walked, (p) => [...p.groups, ...p.isolated]) : list.count
  const fromMulti = found.multi === null ? firstEndingAtOrBelow(list, walked, (p) => [p.multi]) : list.count
  for (let j = Math.min(fromSingle, fromMulti); j < list.count && !bothFound(found); j++) {
    lookAt(list.at(j), found, 1, j >= fromSingle, j >= fromMulti)
  }
  return found
}

/** The first piece from `from` on whose end some entity is at or below MM, or too near it to tell; the last piece (no end) if none. */
function firstEndingAtOrBelow(list: PieceList, from: number, entitiesOf: (piece: Piece) => Entity[]): number {
  const atOrBelow = (j: number): boolean => {
    const piece = list.at(j)
    return entitiesOf(piece).some((e) => {
      const gap = gapOf(e)
      return gap !== null && !clearlyAbove(gap.h, piece.end!, evalPoly(gap.h, piece.end!))
    })
  }
  let lo = from
  let hi = list.count - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (atOrBelow(mid)) hi = mid
    else lo = mid + 1
  }
  return lo
}

function firstInPiece(entities: Entity[], start: Decimal, end: Decimal | null, direction: 1 | -1): MoveToLiquidation | null {
  let best: { x: Decimal; by: string } | null = null
  for (const entity of entities) {
    const gap = gapOf(entity)
    if (gap === null) continue // no positions: nothing to liquidate
    const x = firstRoot(gap, start, end, direction)
    if (x !== null && (best === null || x.minus(start).abs().lt(best.x.minus(start).abs()))) best = { x, by: entity.name }
    // Already at or below MM where the piece starts: no later entity is nearer (ties keep the first).
    if (x === start) break
  }
  return best === null ? null : { move: best.x.isZero() ? ZERO.toString() : best.x.toString(), by: best.by }
}

/** An entity's margin balance − MM, c0 + c1·x + c2·x², and the x where it is 0. */
interface Gap {
  h: Poly
  /** h does not move with x (a position that does not move): whether it stays above 0; null when it moves. */
  constantAbove: boolean | null
  /** Where h is 0, solved when a walk first needs them. */
  roots?: Decimal[]
}

/** Kept per entity: a shock line hands the same entity to every piece it does not change on. */
const gaps = new OwnedCache<Entity, Gap | null>('gap')

function gapOf(entity: Entity): Gap | null {
  let gap = gaps.get(entity)
  if (gap === undefined) {
    if (entity.maintenance.every((c) => c.isZero())) gap = null
    else {
      const h = subtractPoly(entity.balance, entity.maintenance)
      gap = { h, constantAbove: h[1].isZero() && h[2].isZero() ? h[0].gt(ZERO) : null }
    }
    gaps.set(entity, gap)
  }
  return gap
}

function rootsOf([c0, c1, c2]: Poly): Decimal[] {
  const roots: Decimal[] = []
  if (c2.isZero()) {
    if (!c1.isZero()) roots.push(c0.neg().div(c1))
  } else {
    const disc = c1.times(c1).minus(c2.times(c0).times(FOUR))
    if (!disc.isNeg()) {
      const sq = disc.sqrt()
      roots.push(c1.neg().plus(sq).div(c2.times(TWO)), c1.neg().minus(sq).div(c2.times(TWO)))
    }
  }
  return roots
}

/**
 * A line's root −c0 / c1 lies on the side of 0 its coefficients' signs say, exactly (rounding
 * keeps a sign): on the side the walk does not go (or at 0), it is behind every piece of the
 * walk, and the division is not needed.
 */
function lineRootBehind([c0, c1, c2]: Poly, direction: 1 | -1): boolean {
  if (!c2.isZero() || c1.isZero()) return false
  if (c0.isZero()) return true
  const positive = c0.isNeg() !== c1.isNeg()
  return direction > 0 ? !positive : positive
}

const FOUR = new Decimal(4)

/** Digits under h's largest term at x that a value must reach to be clearly above 0 (rounding is at the 40th). */
const CLEAR_DIGITS = 30

/**
 * Whether h(x), computed as `value`, is above 0 by far more than 40-digit rounding could move it
 * or the root the plain walk computes: at most 30 orders of magnitude under h's largest term at x.
 * Nearer 0 (a liquidation at a bracket floor exactly, where a round balance often lands), the
 * sign of h at the floor and the plain walk's rounded root can disagree on which side of the
 * floor the root lies, so a shortcut that trusts the sign would lose the root (found by
 * stays-above.test.ts): the caller then solves as the plain walk does.
 */
function clearlyAbove(h: Poly, x: Decimal, value: Decimal): boolean {
  if (!(compare(value, ZERO) > 0)) return false
  let largest = -Infinity
  if (!h[0].isZero()) largest = h[0].e
  if (!x.isZero()) {
    if (!h[1].isZero()) largest = Math.max(largest, h[1].e + x.e + 1)
    if (!h[2].isZero()) largest = Math.max(largest, h[2].e + 2 * x.e + 2)
  }
  return value.e >= largest - CLEAR_DIGITS
}

/** First x from `start` towards `end` with h(x) ≤ 0 (margin balance at or below MM). */
function firstRoot(gap: Gap, start: Decimal, end: Decimal | null, direction: 1 | -1): Decimal | null {
  const { h, constantAbove } = gap
  if (constantAbove !== null) return constantAbove ? null : start
  const atStart = evalPoly(h, start)
  if (!(compare(atStart, ZERO) > 0)) return start
  if (lineRootBehind(h, direction)) return null
  // A line clearly above MM at both ends of the piece has no root on it, so no division (issue 10).
  if (gap.roots === undefined && end !== null && h[2].isZero() && clearlyAbove(h, start, atStart) && clearlyAbove(h, end, evalPoly(h, end))) return null
  const within = (x: Decimal): boolean => {
    // Comparisons that copy nothing (decimal.ts compare): a walk makes thousands.
    if (!(direction * compare(x, start) > 0)) return false
    return end === null || direction * compare(x, end) <= 0
  }
  const inPiece = (gap.roots ??= rootsOf(h)).filter(within).sort((a, b) => (direction > 0 ? a.cmp(b) : b.cmp(a)))
  const x = inPiece[0] ?? null
  // Going down, a root at x = −1 is a price of 0: no positive price liquidates.
  if (x !== null && direction < 0 && !x.gt(MINUS_ONE)) return null
  return x
}
