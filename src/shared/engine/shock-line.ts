// The account along one shock line: a set of assets moving together by x (their indexes and
// the marks of every symbol they are the base of, scaled by 1 + x).
//
// Along such a line every figure is piecewise polynomial in x: uPnL and IM are linear, MM is
// linear between bracket floors (continuous at them, §2), Single-Asset margin balances are
// linear, and Multi-Assets USD figures are at most quadratic (a moving asset's rate times its
// moving equity), with a break where an asset's equity changes sign (bid ↔ ask). So the work per
// position is done once; a sweep point or a root then costs O(assets), not O(positions).
//
// Speed at scale (issue 10): what does not move with the shocked assets is summed once per
// account (ShockBase, kept with the PreparedAccount): per margin asset the uPnL and the MM of each
// base asset's positions (and their total), and the Multi-Assets contribution of every asset
// with nothing moving in it. A line then only follows its "live" assets (the margin assets of
// its moving positions and the moving assets held). The sums are carried from piece to piece (a
// floor crossing replaces one position's MM), so a piece costs O(live assets + floors crossed at
// its start), and a floor's move is only computed when a walk reaches it (floor-events.ts). A
// search up a concave line halves the rest of the walk instead (`upwardPieces`: each piece it
// reads is summed afresh from its brackets). The sums are exact (40 significant digits hold
// every amount the format allows), so the order they are taken in does not change a digit;
// tests/shared/engine/shock-line-aggregated.test.ts compares every piece with the plain version.
import { Decimal, MINUS_ONE, ONE, ZERO, minus, plus, times } from '../decimal'
import { bracketIndex, convexMaintenance } from './brackets'
import type { PreparedAccount } from './prepare'
import { FloorEvents } from './floor-events'
import { OwnedCache } from './owned-cache'
import { askRate, bidRate } from './prices'

/** c0 + c1·x + c2·x² */
export type Poly = [Decimal, Decimal, Decimal]

export interface Entity {
  /** "USDT" for a Single-Asset group, "ETHUSDT SHORT" for an isolated position, "account" for Multi-Assets. */
  name: string
  balance: Poly
  maintenance: Poly
}

export interface Piece {
  /** The piece runs from `start` (nearer 0) to `end` (null: no end) in the walk's direction. */
  start: Decimal
  end: Decimal | null
  groups: Entity[]
  /**
   * Isolated positions that move, and those that do not move but are already at or below their
   * MM at x = 0 (in file order): any other isolated position keeps its surplus along the line.
   */
  isolated: Entity[]
  multi: Entity
}

/** A walk's pieces by index (0: the piece from x = 0), built when asked for. */
export interface PieceList {
  count: number
  at(j: number): Piece
}

/** One position's figures at x = 0; a moving position's MM is recomputed per piece. */
interface Line {
  index: number
  /** s·Q·mark − s·Q·EP: uPnL at x = 0. */
  u0: Decimal
  /** s·Q·mark: uPnL's slope when the position moves. */
  slope: Decimal
  notional0: Decimal
  bracket: number
  /** MM at x = 0: notional0·MMR − cum of the bracket at the mark. */
  maintenance0: Decimal
  baseAsset: string
  marginAsset: string
  isolated: boolean
  isolatedWallet: Decimal
  brackets: PreparedAccount['positions'][number]['symbol']['brackets']
  name: string
}

interface AssetLine {
  asset: string
  wallet: Decimal
  bid0: Decimal
  ask0: Decimal
  isGroup: boolean
}

/** Per margin asset: sums over positions that do not depend on which assets move. */
interface StaticSums {
  /** Σ uPnL at x = 0 over all, and over cross positions; Σ isolated wallets; cross count. */
  u0: Decimal
  cu0: Decimal
  iso: Decimal
  cross: number
  /** A Single-Asset group's balance at x = 0: wallet − Σ isolated wallets + Σ cross uPnL (§3). */
  groupBalance0: Decimal
  /** The asset's equity at x = 0: wallet + Σ uPnL. */
  e0: Decimal
  /** Σ MM at x = 0 (all and cross) per base asset, and over every position. */
  m0ByBase: Decimal[]
  cm0ByBase: Decimal[]
  m0: Decimal
  cm0: Decimal
}

/** A moving position's MM in one bracket: notional0·(1 + x)·MMR − cum = m0 + m1·x. */
interface BracketMaintenance {
  m0: Decimal
  m1: Decimal
}

/** One asset's USD equity and USD MM along a line (Multi-Assets, §4). */
type Contribution = [Poly, Poly]

const ZERO_POLY: Poly = [ZERO, ZERO, ZERO]
const HALF = new Decimal('0.5')

/** The account's shock-independent part, computed once per PreparedAccount. */
class ShockBase {
  readonly lines: Line[]
  readonly assets: AssetLine[]
  /** The assets that are Single-Asset groups (margin some symbol), in account order. */
  readonly groupAssets: AssetLine[]
  /** Base assets in order of first appearance, and each one's positions (file order). */
  readonly bases: string[]
  readonly baseOrder = new Map<string, number>()
  readonly linesByBase = new Map<string, number[]>()
  readonly sums = new Map<string, StaticSums>()
  /** Isolated positions at or below their MM at x = 0, in file order. */
  readonly isolatedAtRisk: number[] = []

  constructor(account: PreparedAccount) {
    this.lines = account.positions.map((p, index) => {
      const mark = p.symbol.mark
      const notional0 = p.quantity.times(mark)
      const bracket = bracketIndex(p.symbol.brackets, notional0)
      const b = p.symbol.brackets[bracket]!
      return {
        index,
        u0: p.signedQty.times(mark).minus(p.signedCost),
        slope: p.signedQty.times(mark),
        notional0,
        bracket,
        maintenance0: notional0.times(b.mmr).minus(b.cum),
        baseAsset: p.symbol.baseAsset,
        marginAsset: p.symbol.marginAsset,
        isolated: p.marginType === 'isolated',
        isolatedWallet: p.isolatedWallet,
        brackets: p.symbol.brackets,
        name: `${p.symbol.symbol} ${p.positionSide === 'BOTH' ? p.side : p.positionSide}`
      }
    })
    this.assets = account.accountAssets.map((asset) => {
      const m = account.assets.get(asset)
      const index = m?.index ?? ONE
      return {
        asset,
        wallet: account.wallets.get(asset) ?? ZERO,
        bid0: m ? bidRate(index, m.bidBuffer) : index,
        ask0: m ? askRate(index, m.askBuffer) : index,
        isGroup: account.marginAssets.has(asset)
      }
    })
    this.groupAssets = this.assets.filter((a) => a.isGroup)
    this.bases = []
    for (const l of this.lines) {
      let list = this.linesByBase.get(l.baseAsset)
      if (!list) {
        list = []
        this.linesByBase.set(l.baseAsset, list)
        this.baseOrder.set(l.baseAsset, this.bases.length)
        this.bases.push(l.baseAsset)
      }
      list.push(l.index)
    }
    // Only the assets some position is margined in carry per-base sums (a collateral coin has none).
    const margined = new Set(this.lines.map((l) => l.marginAsset))
    const n = this.bases.length
    const zeros = (k: number): Decimal[] => new Array<Decimal>(k).fill(ZERO)
    for (const a of this.assets) {
      const k = margined.has(a.asset) ? n : 0
      this.sums.set(a.asset, {
        u0: ZERO, cu0: ZERO, iso: ZERO, cross: 0, groupBalance0: ZERO, e0: ZERO,
        m0ByBase: zeros(k), cm0ByBase: zeros(k), m0: ZERO, cm0: ZERO
      })
    }
    for (const l of this.lines) {
      const s = this.sums.get(l.marginAsset)!
      const g = this.baseOrder.get(l.baseAsset)!
      s.u0 = plus(s.u0, l.u0)
      s.m0ByBase[g] = plus(s.m0ByBase[g]!, l.maintenance0)
      if (l.isolated) {
        s.iso = plus(s.iso, l.isolatedWallet)
        if (!l.maintenance0.isZero() && !l.isolatedWallet.plus(l.u0).minus(l.maintenance0).gt(ZERO)) this.isolatedAtRisk.push(l.index)
      } else {
        s.cu0 = plus(s.cu0, l.u0)
        s.cm0ByBase[g] = plus(s.cm0ByBase[g]!, l.maintenance0)
        s.cross++
      }
    }
    for (const a of this.assets) {
      const s = this.sums.get(a.asset)!
      s.groupBalance0 = a.wallet.minus(s.iso).plus(s.cu0)
      s.e0 = a.wallet.plus(s.u0)
      s.m0 = s.m0ByBase.reduce((sum, m) => sum.plus(m), ZERO)
      s.cm0 = s.cm0ByBase.reduce((sum, m) => sum.plus(m), ZERO)
    }
  }

  private readonly moves: Decimal[][] = []

  /** x at which position i's notional reaches bracket k's floor: floor / notional0 − 1 (read once, when a walk gets there). */
  floorMove(i: number, k: number): Decimal {
    const byBracket = (this.moves[i] ??= [])
    let out = byBracket[k]
    if (!out) {
      const l = this.lines[i]!
      out = l.brackets[k]!.floor.div(l.notional0).minus(ONE)
      byBracket[k] = out
    }
    return out
  }

  private readonly bracketMaintenance: BracketMaintenance[][] = []

  /** Position i's MM in bracket k when it moves, m0 + m1·x (kept: a line walks each floor once per direction). */
  maintenanceIn(i: number, k: number): BracketMaintenance {
    const byBracket = (this.bracketMaintenance[i] ??= [])
    let out = byBracket[k]
    if (!out) {
      const l = this.lines[i]!
      const b = l.brackets[k]!
      const m1 = l.notional0.times(b.mmr)
      out = { m0: m1.minus(b.cum), m1 }
      byBracket[k] = out
    }
    return out
  }

  /** Position i's MM in x is convex: MMR never falls from one bracket to the next and MM is continuous at every floor (§2). */
  convexMaintenance(i: number): boolean {
    return convexMaintenance(this.lines[i]!.brackets)
  }

  private readonly isolatedEntities: Entity[][] = []

  /** The isolated position i as a Single-Asset entity while it moves, in bracket k. */
  movingIsolated(i: number, k: number): Entity {
    const byBracket = (this.isolatedEntities[i] ??= [])
    let out = byBracket[k]
    if (!out) {
      const l = this.lines[i]!
      const m = this.maintenanceIn(i, k)
      out = { name: l.name, balance: [l.isolatedWallet.plus(l.u0), l.slope, ZERO], maintenance: [m.m0, m.m1, ZERO] }
      byBracket[k] = out
    }
    return out
  }

  private readonly heldIsolated = new Map<number, Entity>()

  /** An isolated position at risk that does not move: constant along the line. */
  restingIsolated(i: number): Entity {
    return kept(this.heldIsolated, i, () => {
      const l = this.lines[i]!
      return { name: l.name, balance: [l.isolatedWallet.plus(l.u0), ZERO, ZERO], maintenance: [l.maintenance0, ZERO, ZERO] }
    })
  }

  private readonly restingGroups = new Map<string, Entity>()

  /** A Single-Asset group no moving position is in: constant along the line. */
  restingGroup(a: AssetLine): Entity {
    return kept(this.restingGroups, a.asset, () => {
      const h = this.sums.get(a.asset)!
      return { name: a.asset, balance: [h.groupBalance0, ZERO, ZERO], maintenance: h.cross > 0 ? [this.totalMaintenance(h, true), ZERO, ZERO] : ZERO_POLY }
    })
  }

  private readonly restingContributions = new Map<string, Contribution>()

  /** An asset's Multi-Assets contribution when it does not move and no position margined in it moves. */
  restingContribution(a: AssetLine): Contribution {
    return kept(this.restingContributions, a.asset, () => {
      // Nothing moves in it: its equity's sign is that of wallet + uPnL at x = 0.
      const s = this.sums.get(a.asset)!
      return [equityLine(s.e0.isNeg() ? a.ask0 : a.bid0, s.e0, ZERO, false), maintenanceLine(a, this.totalMaintenance(s, false), ZERO, false)]
    })
  }

  private restingSum: Contribution | null = null

  /** Σ of every asset's resting contribution (a line takes its live assets' parts back out). */
  restingTotal(): Contribution {
    if (!this.restingSum) {
      let equity = ZERO_POLY
      let maintenance = ZERO_POLY
      for (const a of this.assets) {
        const [e, mm] = this.restingContribution(a)
        equity = addPoly(equity, e)
        maintenance = addPoly(maintenance, mm)
      }
      this.restingSum = [equity, maintenance]
    }
    return this.restingSum
  }

  /** Σ MM at x = 0 (all, or cross only) of one margin asset's positions. */
  totalMaintenance(s: StaticSums, cross: boolean): Decimal {
    return cross ? s.cm0 : s.m0
  }

  /** Σ MM at x = 0 (all, or cross only) of one margin asset's positions whose base asset does not move. */
  heldMaintenance(s: StaticSums, movingAssets: Set<string>, cross: boolean): Decimal {
    const byBase = cross ? s.cm0ByBase : s.m0ByBase
    const moving = [...movingAssets].filter((a) => this.baseOrder.has(a))
    if (moving.length === 0 || byBase.length === 0) return this.totalMaintenance(s, cross)
    // One asset shocked (the shock to liquidation): every base but its own.
    if (moving.length === 1) return this.totalMaintenance(s, cross).minus(byBase[this.baseOrder.get(moving[0]!)!]!)
    let sum = ZERO
    byBase.forEach((m, g) => {
      if (!movingAssets.has(this.bases[g]!)) sum = sum.plus(m)
    })
    return sum
  }
}

/**
 * An asset's USD equity along a line at one rate, (1 + d·x)·rate·(e0 + u1·x) (§4: at bid, a debt
 * at ask; a moving asset's rate scales by 1 + x).
 */
function equityLine(rate: Decimal, e0: Decimal, u1: Decimal, moving: boolean): Poly {
  return scaleLine(rate.times(e0), rate.times(u1), moving ? ONE : ZERO)
}

/** The USD MM of (part of) an asset's positions, m0 + m1·x in the asset, at ask (§4), scaled by 1 + x when it moves. */
function maintenanceLine(a: AssetLine, m0: Decimal, m1: Decimal, moving: boolean): Poly {
  return scaleLine(a.ask0.times(m0), a.ask0.times(m1), moving ? ONE : ZERO)
}

const bases = new OwnedCache<PreparedAccount, ShockBase>('shock base')

/** The shock-independent sums of a prepared account, computed on first use and kept with it. */
function shockBase(account: PreparedAccount): ShockBase {
  return kept(bases, account, () => new ShockBase(account))
}

/** The value kept under `key`, made and kept on first use. */
function kept<K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = map.get(key)
  if (value === undefined) {
    value = make()
    map.set(key, value)
  }
  return value
}

/** An asset whose figures move along the line: a margin asset of a moving position, or a moving asset held. */
interface LiveAsset {
  asset: AssetLine
  sums: StaticSums
  moving: boolean
  /** Σ uPnL slope over moving positions (all and cross), file order, and how many are margined in it. */
  u1: Decimal
  cu1: Decimal
  movingCount: number
  /** Σ MM at x = 0 over positions that do not move (all and cross). */
  heldM0: Decimal
  heldCm0: Decimal
  /** Its USD equity at bid and at ask along the line (the rate is chosen per piece). */
  equityAt: { bid?: Poly; ask?: Poly }
}

/** A live asset's cross MM on a piece, c0 + c1·x (its Single-Asset group's MM). */
interface CrossMaintenance {
  cm0: Decimal
  cm1: Decimal
}

/** An isolated position a Single-Asset search looks at: moving (its bracket per piece) or resting. */
type IsolatedSlot = { slot: number } | { entity: Entity }

export class ShockLine {
  private readonly base: ShockBase
  /** Indexes of the moving positions, in file order. */
  private readonly moving: number[]
  /** The live assets in account order, and each one's position in that list by name. */
  private readonly live: LiveAsset[] = []
  private readonly liveAt = new Map<string, number>()
  /** Σ of the other assets' contributions: the same on every piece. */
  private readonly restingTotal: Contribution
  /** The resting equity plus that of the live assets whose equity does not move (one rate on the whole line). */
  private readonly steadyEquity: Poly
  /** The live assets whose equity moves: the rate they are valued at is read per piece. */
  private readonly swinging: LiveAsset[]
  private readonly isolatedSlots: IsolatedSlot[] = []
  private readonly groupsOf = new WeakMap<CrossMaintenance[], Entity[]>()

  constructor(account: PreparedAccount, readonly movingAssets: Set<string>) {
    this.base = shockBase(account)
    const moving: number[] = []
    for (const asset of movingAssets) moving.push(...(this.base.linesByBase.get(asset) ?? []))
    if (movingAssets.size > 1) moving.sort((a, b) => a - b)
    this.moving = moving
    const touched = new Set(moving.map((i) => this.base.lines[i]!.marginAsset))
    for (const a of this.base.assets) {
      if (!touched.has(a.asset) && !movingAssets.has(a.asset)) continue
      const s = this.base.sums.get(a.asset)!
      this.liveAt.set(a.asset, this.live.length)
      this.live.push({
        asset: a,
        sums: s,
        moving: movingAssets.has(a.asset),
        u1: ZERO,
        cu1: ZERO,
        movingCount: 0,
        heldM0: this.base.heldMaintenance(s, movingAssets, false),
        heldCm0: this.base.heldMaintenance(s, movingAssets, true),
        equityAt: {}
      })
    }
    for (const i of moving) {
      const l = this.base.lines[i]!
      const m = this.live[this.liveAt.get(l.marginAsset)!]!
      m.u1 = plus(m.u1, l.slope)
      m.movingCount++
      if (!l.isolated) m.cu1 = plus(m.cu1, l.slope)
    }
    // Every other asset adds the same to each piece's account figures: its resting contribution.
    let [equity, maintenance] = this.base.restingTotal()
    for (const m of this.live) {
      const [e, mm] = this.base.restingContribution(m.asset)
      equity = subtractPoly(equity, e)
      maintenance = subtractPoly(maintenance, mm)
    }
    this.restingTotal = [equity, maintenance]
    this.swinging = this.live.filter((m) => !m.u1.isZero())
    for (const m of this.live) if (m.u1.isZero()) equity = addPoly(equity, this.liveEquity(m, ZERO))
    this.steadyEquity = equity
    // The isolated positions a Single-Asset search looks at, in file order.
    const slotOf = new Map<number, number>()
    moving.forEach((i, slot) => {
      if (this.base.lines[i]!.isolated) slotOf.set(i, slot)
    })
    const involved = new Set([...slotOf.keys(), ...this.base.isolatedAtRisk])
    for (const i of [...involved].sort((x, y) => x - y)) {
      const slot = slotOf.get(i)
      this.isolatedSlots.push(slot === undefined ? { entity: this.base.restingIsolated(i) } : { slot })
    }
  }

  /** The pieces from x = 0 outward: direction −1 down to x = −1 (price 0), +1 up without end. */
  *pieces(direction: 1 | -1): Generator<Piece> {
    const lines = this.base.lines
    // Where a moving position's notional crosses a bracket floor: x = floor / notional − 1.
    const floors = new FloorEvents(
      this.moving.map((i) => ({ brackets: lines[i]!.brackets.length, bracket: lines[i]!.bracket, move: (k: number) => this.base.floorMove(i, k) })),
      direction
    )
    const signBreaks = this.signBreaks(direction)
    const order = (a: Decimal, b: Decimal): number => (direction > 0 ? a.cmp(b) : b.cmp(a))

    // Carried from piece to piece: the moving positions' brackets, each live asset's cross MM
    // (its group's) and every live asset's USD MM together (a floor crossing replaces one term).
    const brackets = this.moving.map((i) => lines[i]!.bracket)
    let { maintenance, cross } = this.atZero()
    let start = ZERO
    let nextBreak = 0
    for (;;) {
      // Entering a piece: every floor at its start is crossed (one position's MM replaced).
      let crossed = false
      while (floors.peek()?.x.eq(start)) {
        const { slot, bracket } = floors.pop()
        const i = this.moving[slot]!
        const l = lines[i]!
        const at = this.liveAt.get(l.marginAsset)!
        const was = this.base.maintenanceIn(i, brackets[slot]!)
        const now = this.base.maintenanceIn(i, bracket)
        const d0 = now.m0.minus(was.m0)
        const d1 = now.m1.minus(was.m1)
        maintenance = addPoly(maintenance, this.liveMaintenance(this.live[at]!, d0, d1))
        if (!l.isolated) {
          if (!crossed) cross = cross.map((c) => ({ ...c }))
          crossed = true
          const c = cross[at]!
          c.cm0 = c.cm0.plus(d0)
          c.cm1 = c.cm1.plus(d1)
        }
        brackets[slot] = bracket
      }
      // The piece ends at the nearer of the next floor and the next sign change (else at a price of 0, or never).
      while (nextBreak < signBreaks.length && signBreaks[nextBreak]!.eq(start)) nextBreak++
      const floor = floors.peek()?.x ?? null
      const sign = signBreaks[nextBreak] ?? null
      const last = floor === null && sign === null
      const end = last ? (direction < 0 ? MINUS_ONE : null) : floor !== null && (sign === null || order(floor, sign) <= 0) ? floor : sign!
      yield this.piece(start, end, maintenance, cross, this.isolatedNow(brackets))
      if (last) return
      start = end!
    }
  }

  /** Where an asset's equity (wallet + uPnL, linear in x) changes sign (its USD rate switches), nearest first. */
  private signBreaks(direction: 1 | -1): Decimal[] {
    const out: Decimal[] = []
    for (const m of this.swinging) {
      // x = −e0 / u1 has the sign the signs of e0 and u1 give it (a quotient rounds to 0 never):
      // only a break on the walk's side of 0 is divided out.
      const e0 = m.sums.e0
      if (e0.isZero() || (e0.isNeg() === m.u1.isNeg()) !== direction < 0) continue
      const x = e0.neg().div(m.u1)
      if (direction > 0 || x.gt(MINUS_ONE)) out.push(x)
    }
    return out.sort((a, b) => (direction > 0 ? a.cmp(b) : b.cmp(a)))
  }

  private zero: { maintenance: Poly; cross: CrossMaintenance[] } | null = null

  /** The account's USD MM and each live asset's cross MM at x = 0 (both walks start there). */
  private atZero(): { maintenance: Poly; cross: CrossMaintenance[] } {
    return (this.zero ??= this.sumsAt(this.moving.map((i) => this.base.lines[i]!.bracket)))
  }

  /**
   * The account's USD MM and each live asset's cross MM with the moving positions in the given
   * brackets. Summed afresh, these are the very polynomials the walk carries floor by floor (the
   * sums are exact, see the top of this file).
   */
  private sumsAt(brackets: number[]): { maintenance: Poly; cross: CrossMaintenance[] } {
    const lines = this.base.lines
    const sums: MaintenanceSums[] = this.live.map((m) => ({ m0: m.heldM0, m1: ZERO, cm0: m.heldCm0, cm1: ZERO }))
    this.moving.forEach((i, slot) => {
      const l = lines[i]!
      const s = sums[this.liveAt.get(l.marginAsset)!]!
      const m = this.base.maintenanceIn(i, brackets[slot]!)
      s.m0 = plus(s.m0, m.m0)
      s.m1 = plus(s.m1, m.m1)
      if (!l.isolated) {
        s.cm0 = plus(s.cm0, m.m0)
        s.cm1 = plus(s.cm1, m.m1)
      }
    })
    let maintenance = this.restingTotal[1]
    this.live.forEach((m, at) => {
      maintenance = addPoly(maintenance, this.liveMaintenance(m, sums[at]!.m0, sums[at]!.m1))
    })
    return { maintenance, cross: sums.map(({ cm0, cm1 }) => ({ cm0, cm1 })) }
  }

  /**
   * The walk up as a list: the same pieces as `pieces(1)`, each built from its brackets when
   * asked for (issue 10: a search over a concave line reads a few pieces, not every one).
   */
  upwardPieces(): PieceList {
    const lines = this.base.lines
    // Each moving position's floors above its notional (x > 0, rising with the floor), with the bracket past each.
    const floors = this.moving.map((i) => {
      const l = lines[i]!
      const out: { x: Decimal; bracket: number }[] = []
      for (let k = l.bracket + 1; k < l.brackets.length; k++) {
        const x = this.base.floorMove(i, k)
        if (x.gt(ZERO)) out.push({ x, bracket: k })
      }
      return out
    })
    const ends = [...floors.flatMap((f) => f.map((e) => e.x)), ...this.signBreaks(1)].sort((a, b) => a.cmp(b))
    const bounds = ends.filter((x, k) => k === 0 || !x.eq(ends[k - 1]!))
    // Kept by index: the searches of both modes look at the same pieces.
    const built = new Map<number, Piece>()
    return {
      count: bounds.length + 1,
      at: (j) => {
        const seen = built.get(j)
        if (seen) return seen
        const start = j === 0 ? ZERO : bounds[j - 1]!
        // Past every floor at or below the piece's start (the walk crosses the floors at a start on entering).
        const brackets = this.moving.map((i, slot) => {
          let bracket = lines[i]!.bracket
          for (const f of floors[slot]!) {
            if (f.x.gt(start)) break
            bracket = f.bracket
          }
          return bracket
        })
        const { maintenance, cross } = this.sumsAt(brackets)
        const piece = this.piece(start, bounds[j] ?? null, maintenance, cross, this.isolatedNow(brackets))
        built.set(j, piece)
        return piece
      }
    }
  }

  /** The isolated entities on a piece, given the moving positions' brackets there. */
  private isolatedNow(brackets: number[]): Entity[] {
    return this.isolatedSlots.map((s) => ('entity' in s ? s.entity : this.base.movingIsolated(this.moving[s.slot]!, brackets[s.slot]!)))
  }

  /**
   * Going up, whether each mode stays above its MM for good once it is above it at x = 0 (issue
   * 10: the walk then stops asking, instead of crossing every floor to the last one). With every
   * moving position's MM convex in x and no x² term, margin balance − MM is concave: above 0 at
   * x = 0 and not falling on the last piece, it never falls back to 0. Single-Asset: every group
   * and moving isolated position; Multi-Assets: the account (USD, §4: a rate of ask below 0 and
   * bid above keeps the equity concave, ask ≥ bid). Like the reordered sums, this rests on exact
   * arithmetic: the plain walk could only differ where balance − MM at x = 0 is positive by less
   * than the rounding of a 40-digit product (it would then read a rounding error as a root).
   */
  staysAboveGoingUp(): { single: boolean; multi: boolean } {
    const lines = this.base.lines
    const concave = this.concaveGoingUp()
    if (!concave.single) return { single: false, multi: false }
    // On the last piece every moving position is in its last bracket: the slope of its MM is m1 there.
    const lastSlope = (i: number): Decimal => this.base.maintenanceIn(i, lines[i]!.brackets.length - 1).m1
    const slopes = this.live.map(() => ({ all: ZERO, cross: ZERO }))
    let single = true
    for (const i of this.moving) {
      const l = lines[i]!
      const s = slopes[this.liveAt.get(l.marginAsset)!]!
      const m1 = lastSlope(i)
      s.all = plus(s.all, m1)
      if (l.isolated) single &&= !l.slope.minus(m1).isNeg()
      else s.cross = plus(s.cross, m1)
    }
    let multiSlope = ZERO
    this.live.forEach((m, at) => {
      const s = slopes[at]!
      if (m.asset.isGroup && m.sums.cross > 0) single &&= !m.cu1.minus(s.cross).isNeg()
      const d = m.moving ? ONE : ZERO
      // Its equity's rate far up: the sign of its slope there (its equity's sign when it has none).
      const rate = (m.u1.isZero() ? m.sums.e0.isNeg() : m.u1.isNeg()) ? m.asset.ask0 : m.asset.bid0
      const equitySlope = times(rate, plus(m.u1, times(d, m.sums.e0)))
      const maintenanceSlope = times(m.asset.ask0, plus(s.all, times(d, m.heldM0)))
      multiSlope = minus(plus(multiSlope, equitySlope), maintenanceSlope)
    })
    return { single, multi: concave.multi && !multiSlope.isNeg() }
  }

  /**
   * Going up, whether margin balance − MM is concave in x in each mode: every moving position's
   * MM convex (§2); Multi-Assets also without an x² term (no moving asset has a moving position
   * margined in it) and valued at ask below 0 and bid above with ask ≥ bid (§4: the smaller of
   * two lines). Then a mode above its MM at x = 0 is above it up to one root and below after.
   */
  concaveGoingUp(): { single: boolean; multi: boolean } {
    if (!this.moving.every((i) => this.base.convexMaintenance(i))) return { single: false, multi: false }
    const multi = this.live.every((m) => !(m.moving && m.movingCount > 0) && (m.u1.isZero() || !m.asset.ask0.lt(m.asset.bid0)))
    return { single: true, multi }
  }

  /** Whether a moving position's notional at move x is beyond its last bracket's cap (§3: flagged). */
  beyondLastCap(x: Decimal): boolean {
    const factor = ONE.plus(x)
    return this.moving.some((i) => {
      const l = this.base.lines[i]!
      return l.notional0.times(factor).gt(l.brackets[l.brackets.length - 1]!.cap)
    })
  }

  /**
   * A piece, given the account's USD MM and each live asset's cross MM on it. The Single-Asset
   * groups and the Multi-Assets entity are built on first use: the search for a shock to
   * liquidation stops asking for one mode once it has found that mode's root.
   */
  private piece(start: Decimal, end: Decimal | null, maintenance: Poly, cross: CrossMaintenance[], isolated: Entity[]): Piece {
    return new LinePiece(this, start, end, maintenance, cross, isolated)
  }

  /** The Single-Asset groups given each live asset's cross MM: the same objects until a cross position crosses a floor. */
  groupsOn(cross: CrossMaintenance[]): Entity[] {
    let groups = this.groupsOf.get(cross)
    if (!groups) {
      groups = this.base.groupAssets.map((a) => {
        const at = this.liveAt.get(a.asset)
        if (at === undefined) return this.base.restingGroup(a)
        const m = this.live[at]!
        const h = m.sums
        const c = cross[at]!
        return { name: a.asset, balance: [h.groupBalance0, m.cu1, ZERO], maintenance: h.cross > 0 ? [c.cm0, c.cm1, ZERO] : [ZERO, ZERO, ZERO] }
      })
      this.groupsOf.set(cross, groups)
    }
    return groups
  }

  /** The Multi-Assets account on a piece, given its USD MM there. */
  accountOn(start: Decimal, end: Decimal | null, maintenance: Poly): Entity {
    let equity = this.steadyEquity
    if (this.swinging.length > 0) {
      // A point inside the piece tells each asset's equity sign there (constant on the piece);
      // × ½ is the same correctly rounded number as ÷ 2.
      const inside = end === null ? start.plus(ONE) : start.plus(end).times(HALF)
      for (const m of this.swinging) equity = addPoly(equity, this.liveEquity(m, inside))
    }
    return { name: 'account', balance: equity, maintenance }
  }

  /**
   * A live asset's USD equity on a piece, (1 + d·x)·rate·(e0 + u1·x): §4 at bid, a debt at ask;
   * a moving asset's rate scales by (1 + x). `inside`: a point of the piece, where the sign of
   * its equity (constant on the piece) is read.
   */
  private liveEquity(m: LiveAsset, inside: Decimal): Poly {
    const e0 = m.sums.e0
    if (e0.plus(m.u1.times(inside)).isNeg()) return (m.equityAt.ask ??= equityLine(m.asset.ask0, e0, m.u1, m.moving))
    return (m.equityAt.bid ??= equityLine(m.asset.bid0, e0, m.u1, m.moving))
  }

  /** USD MM of (part of) a live asset's positions, m0 + m1·x in the asset. */
  private liveMaintenance(m: LiveAsset, m0: Decimal, m1: Decimal): Poly {
    return maintenanceLine(m.asset, m0, m1, m.moving)
  }
}

/** One piece of a walk; its entities are built when first asked for. */
class LinePiece implements Piece {
  private account: Entity | null = null

  constructor(
    private readonly line: ShockLine,
    readonly start: Decimal,
    readonly end: Decimal | null,
    private readonly maintenance: Poly,
    private readonly cross: CrossMaintenance[],
    readonly isolated: Entity[]
  ) {}

  get groups(): Entity[] {
    return this.line.groupsOn(this.cross)
  }

  get multi(): Entity {
    return (this.account ??= this.line.accountOn(this.start, this.end, this.maintenance))
  }
}

/** A live asset's MM at the start of a walk, c0 + c1·x (all positions, and cross only). */
interface MaintenanceSums {
  m0: Decimal
  m1: Decimal
  cm0: Decimal
  cm1: Decimal
}

/** (1 + d·x)·(c0 + c1·x) */
function scaleLine(c0: Decimal, c1: Decimal, d: Decimal): Poly {
  return [c0, plus(c1, times(d, c0)), times(d, c1)]
}

// The polynomial helpers use decimal.ts's plus/minus/times: the same Decimals as decimal.js's,
// without its work on the zero coefficients of a line (most of them).
function addPoly(a: Poly, b: Poly): Poly {
  return [plus(a[0], b[0]), plus(a[1], b[1]), plus(a[2], b[2])]
}

export function subtractPoly(a: Poly, b: Poly): Poly {
  return [minus(a[0], b[0]), minus(a[1], b[1]), minus(a[2], b[2])]
}

export function evalPoly(p: Poly, x: Decimal): Decimal {
  return plus(p[0], times(x, plus(p[1], times(x, p[2]))))
}
