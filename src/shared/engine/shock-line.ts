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
// account (ShockBase, cached on the PreparedAccount), so a line over one asset costs O(its own
// positions + account assets) per piece instead of O(every position): the shock to liquidation
// of every asset is O(n log n) overall, not O(assets × positions). The sums are exact (40
// significant digits hold every amount the format allows), so the order they are taken in does
// not change a digit; tests/shared/engine/shock-line-aggregated.test.ts checks it on random books.
import { Decimal, ONE, ZERO } from '../decimal'
import { bracketIndex } from './brackets'
import type { PreparedAccount } from './prepare'
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
  /** wallet + Σ uPnL at x = 0, summed in file order (where the asset's equity changes sign). */
  equity0: Decimal
  /** Σ MM at x = 0 (all and cross) per base asset, and prefix sums of both over the bases. */
  m0ByBase: Decimal[]
  cm0ByBase: Decimal[]
  m0Before: Decimal[]
  cm0Before: Decimal[]
  m0After: Decimal[]
  cm0After: Decimal[]
}

/** The account's shock-independent part, computed once per PreparedAccount. */
class ShockBase {
  readonly lines: Line[]
  readonly assets: AssetLine[]
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
    const n = this.bases.length
    const zeros = (k: number): Decimal[] => new Array<Decimal>(k).fill(ZERO)
    for (const a of this.assets) {
      this.sums.set(a.asset, {
        u0: ZERO, cu0: ZERO, iso: ZERO, cross: 0, groupBalance0: ZERO, equity0: a.wallet,
        m0ByBase: zeros(n), cm0ByBase: zeros(n), m0Before: [], cm0Before: [], m0After: [], cm0After: []
      })
    }
    for (const l of this.lines) {
      const s = this.sums.get(l.marginAsset)!
      const g = this.baseOrder.get(l.baseAsset)!
      s.u0 = s.u0.plus(l.u0)
      s.equity0 = s.equity0.plus(l.u0)
      s.m0ByBase[g] = s.m0ByBase[g]!.plus(l.maintenance0)
      if (l.isolated) {
        s.iso = s.iso.plus(l.isolatedWallet)
        if (!l.maintenance0.isZero() && !l.isolatedWallet.plus(l.u0).minus(l.maintenance0).gt(ZERO)) this.isolatedAtRisk.push(l.index)
      } else {
        s.cu0 = s.cu0.plus(l.u0)
        s.cm0ByBase[g] = s.cm0ByBase[g]!.plus(l.maintenance0)
        s.cross++
      }
    }
    for (const a of this.assets) {
      const s = this.sums.get(a.asset)!
      s.groupBalance0 = a.wallet.minus(s.iso).plus(s.cu0)
      s.m0Before = prefixSums(s.m0ByBase)
      s.cm0Before = prefixSums(s.cm0ByBase)
      s.m0After = prefixSums([...s.m0ByBase].reverse()).reverse()
      s.cm0After = prefixSums([...s.cm0ByBase].reverse()).reverse()
    }
  }

  private readonly moves: Decimal[][] = []

  /** x at which position i's notional reaches each bracket's floor: floor / notional0 − 1 (index 0 unused). */
  floorMoves(i: number): Decimal[] {
    let out = this.moves[i]
    if (!out) {
      const l = this.lines[i]!
      out = l.brackets.map((b, k) => (k === 0 ? ZERO : b.floor.div(l.notional0).minus(1)))
      this.moves[i] = out
    }
    return out
  }

  /** Σ MM at x = 0 (all, or cross only) of one margin asset's positions whose base asset does not move. */
  heldMaintenance(s: StaticSums, movingAssets: Set<string>, cross: boolean): Decimal {
    const byBase = cross ? s.cm0ByBase : s.m0ByBase
    const moving = [...movingAssets].filter((a) => this.baseOrder.has(a))
    if (moving.length === 0) return (cross ? s.cm0Before : s.m0Before)[byBase.length]!
    if (moving.length === 1) {
      // One asset shocked (the shock to liquidation): the bases before it plus those after it.
      const g = this.baseOrder.get(moving[0]!)!
      return (cross ? s.cm0Before : s.m0Before)[g]!.plus((cross ? s.cm0After : s.m0After)[g + 1]!)
    }
    let sum = ZERO
    byBase.forEach((m, g) => {
      if (!movingAssets.has(this.bases[g]!)) sum = sum.plus(m)
    })
    return sum
  }
}

/** [0, a0, a0 + a1, …]: out[k] = Σ of the first k values. */
function prefixSums(values: Decimal[]): Decimal[] {
  const out = [ZERO]
  for (const v of values) out.push(out[out.length - 1]!.plus(v))
  return out
}

const bases = new WeakMap<PreparedAccount, ShockBase>()

/** The shock-independent sums of a prepared account, computed on first use and kept with it. */
function shockBase(account: PreparedAccount): ShockBase {
  let base = bases.get(account)
  if (!base) {
    base = new ShockBase(account)
    bases.set(account, base)
  }
  return base
}

interface MovingSums {
  /** Σ uPnL slope over moving positions (all and cross), file order. */
  u1: Decimal
  cu1: Decimal
  /** Σ MM at x = 0 over positions that do not move (all and cross). */
  heldM0: Decimal
  heldCm0: Decimal
}

export class ShockLine {
  private readonly base: ShockBase
  /** Indexes of the moving positions, in file order. */
  private readonly moving: number[]
  private readonly movingSums = new Map<string, MovingSums>()
  private readonly fixedContribution = new Map<string, [Poly, Poly]>()

  constructor(account: PreparedAccount, readonly movingAssets: Set<string>) {
    this.base = shockBase(account)
    const moving: number[] = []
    for (const asset of movingAssets) moving.push(...(this.base.linesByBase.get(asset) ?? []))
    if (movingAssets.size > 1) moving.sort((a, b) => a - b)
    this.moving = moving
    for (const a of this.base.assets) {
      const s = this.base.sums.get(a.asset)!
      this.movingSums.set(a.asset, { u1: ZERO, cu1: ZERO, heldM0: this.base.heldMaintenance(s, movingAssets, false), heldCm0: this.base.heldMaintenance(s, movingAssets, true) })
    }
    const touched = new Set<string>()
    for (const i of moving) {
      const l = this.base.lines[i]!
      const m = this.movingSums.get(l.marginAsset)!
      m.u1 = m.u1.plus(l.slope)
      if (!l.isolated) m.cu1 = m.cu1.plus(l.slope)
      touched.add(l.marginAsset)
    }
    // An asset no moving position is margined in adds the same to every piece's account figures.
    for (const a of this.base.assets) {
      if (touched.has(a.asset)) continue
      const m = this.movingSums.get(a.asset)!
      this.fixedContribution.set(a.asset, this.contribution(a, { m0: m.heldM0, m1: ZERO }, ZERO))
    }
  }

  /**
   * One asset's USD equity and MM on a piece, each (1 + d·x)·(c0 + c1·x). §4: equity at bid (a
   * debt at ask), MM at ask; a moving asset's rates scale by (1 + x). `inside`: a point of the
   * piece, where the equity's sign (constant on the piece) is read.
   */
  private contribution(a: AssetLine, maintenance: { m0: Decimal; m1: Decimal }, inside: Decimal): [Poly, Poly] {
    const h = this.base.sums.get(a.asset)!
    const m = this.movingSums.get(a.asset)!
    const e0 = a.wallet.plus(h.u0)
    const rate = e0.plus(m.u1.times(inside)).isNeg() ? a.ask0 : a.bid0
    const d = this.movingAssets.has(a.asset) ? ONE : ZERO
    return [scaleLine(rate.times(e0), rate.times(m.u1), d), scaleLine(a.ask0.times(maintenance.m0), a.ask0.times(maintenance.m1), d)]
  }

  /** The pieces from x = 0 outward: direction −1 down to x = −1 (price 0), +1 up without end. */
  *pieces(direction: 1 | -1): Generator<Piece> {
    const lines = this.base.lines
    // Floors exactly at x = 0 matter going down (a notional on a floor is in the upper bracket).
    const eventInRange = (x: Decimal): boolean => (direction < 0 ? x.lte(ZERO) && x.gt(-1) : x.gt(ZERO))
    const breakInRange = (x: Decimal): boolean => (direction < 0 ? x.lt(ZERO) && x.gt(-1) : x.gt(ZERO))
    // Where a moving position's notional crosses a bracket floor: x = floor / notional − 1.
    const events: { x: Decimal; line: number; bracket: number }[] = []
    this.moving.forEach((i, slot) => {
      this.base.floorMoves(i).forEach((x, k) => {
        if (k > 0 && eventInRange(x)) events.push({ x, line: slot, bracket: direction > 0 ? k : k - 1 })
      })
    })
    // Where an asset's equity (wallet + uPnL, linear in x) changes sign: its USD rate switches.
    const breaks = events.map((e) => e.x).filter(breakInRange)
    for (const a of this.base.assets) {
      const e0 = this.base.sums.get(a.asset)!.equity0
      const e1 = this.movingSums.get(a.asset)!.u1
      if (!e1.isZero()) {
        const x = e0.neg().div(e1)
        if (breakInRange(x)) breaks.push(x)
      }
    }
    const order = (a: Decimal, b: Decimal): number => (direction > 0 ? a.cmp(b) : b.cmp(a))
    events.sort((a, b) => order(a.x, b.x))
    breaks.sort(order)

    const brackets = this.moving.map((i) => lines[i]!.bracket)
    let start = ZERO
    let e = 0
    for (let b = 0; b <= breaks.length; b++) {
      // Entering a piece: every floor at its start is crossed.
      while (e < events.length && events[e]!.x.eq(start)) {
        brackets[events[e]!.line] = events[e]!.bracket
        e++
      }
      const end = b < breaks.length ? breaks[b]! : direction < 0 ? new Decimal(-1) : null
      if (end !== null && end.eq(start)) continue
      yield this.piece(start, end, brackets)
      if (end === null) return
      start = end
    }
  }

  /** Whether a moving position's notional at move x is beyond its last bracket's cap (§3: flagged). */
  beyondLastCap(x: Decimal): boolean {
    return this.moving.some((i) => {
      const l = this.base.lines[i]!
      return l.notional0.times(ONE.plus(x)).gt(l.brackets[l.brackets.length - 1]!.cap)
    })
  }

  /**
   * `brackets[k]`: the bracket of the k-th moving position on this piece. The Single-Asset
   * entities and the Multi-Assets one are built on first use: the search for a shock to
   * liquidation stops asking for one mode once it has found that mode's root.
   */
  private piece(start: Decimal, end: Decimal | null, brackets: number[]): Piece {
    const { lines, assets, sums: held } = this.base
    const chosen = [...brackets]
    let sums: Map<string, { m0: Decimal; m1: Decimal; cm0: Decimal; cm1: Decimal }> | null = null
    let isolatedMoving: Map<number, Entity> | null = null
    // Per asset: MM of the moving positions on this piece, c0 + c1·x (all and cross).
    const maintenanceSums = (): Map<string, { m0: Decimal; m1: Decimal; cm0: Decimal; cm1: Decimal }> => {
      if (sums) return sums
      sums = new Map()
      isolatedMoving = new Map()
      for (const a of assets) {
        const m = this.movingSums.get(a.asset)!
        sums.set(a.asset, { m0: m.heldM0, m1: ZERO, cm0: m.heldCm0, cm1: ZERO })
      }
      for (let slot = 0; slot < this.moving.length; slot++) {
        const i = this.moving[slot]!
        const l = lines[i]!
        const b = l.brackets[chosen[slot]!]!
        // MM = notional0·(1 + x)·MMR − cum for a moving position.
        const m1 = l.notional0.times(b.mmr)
        const m0 = m1.minus(b.cum)
        const s = sums.get(l.marginAsset)!
        s.m0 = s.m0.plus(m0)
        s.m1 = s.m1.plus(m1)
        if (l.isolated) {
          isolatedMoving.set(i, { name: l.name, balance: [l.isolatedWallet.plus(l.u0), l.slope, ZERO], maintenance: [m0, m1, ZERO] })
        } else {
          s.cm0 = s.cm0.plus(m0)
          s.cm1 = s.cm1.plus(m1)
        }
      }
      return sums
    }
    let single: { groups: Entity[]; isolated: Entity[] } | null = null
    const singleAsset = (): { groups: Entity[]; isolated: Entity[] } => {
      if (single) return single
      const s = maintenanceSums()
      const entities = new Map(isolatedMoving!)
      for (const i of this.base.isolatedAtRisk) {
        if (entities.has(i)) continue
        const l = lines[i]!
        entities.set(i, { name: l.name, balance: [l.isolatedWallet.plus(l.u0), ZERO, ZERO], maintenance: [l.maintenance0, ZERO, ZERO] })
      }
      const isolated = [...entities.keys()].sort((x, y) => x - y).map((i) => entities.get(i)!)
      const groups: Entity[] = []
      for (const a of assets) {
        if (!a.isGroup) continue
        const h = held.get(a.asset)!
        const m = this.movingSums.get(a.asset)!
        const g = s.get(a.asset)!
        groups.push({ name: a.asset, balance: [h.groupBalance0, m.cu1, ZERO], maintenance: h.cross > 0 ? [g.cm0, g.cm1, ZERO] : [ZERO, ZERO, ZERO] })
      }
      single = { groups, isolated }
      return single
    }
    let multi: Entity | null = null
    const multiAssets = (): Entity => {
      if (multi) return multi
      const s = maintenanceSums()
      let equity: Poly = [ZERO, ZERO, ZERO]
      let maintenance: Poly = [ZERO, ZERO, ZERO]
      // A point inside the piece tells each asset's equity sign there (constant on the piece).
      const inside = end === null ? start.plus(1) : start.plus(end).div(2)
      for (const a of assets) {
        const [e, mm] = this.fixedContribution.get(a.asset) ?? this.contribution(a, s.get(a.asset)!, inside)
        equity = addPoly(equity, e)
        maintenance = addPoly(maintenance, mm)
      }
      multi = { name: 'account', balance: equity, maintenance }
      return multi
    }
    return {
      start,
      end,
      get groups() {
        return singleAsset().groups
      },
      get isolated() {
        return singleAsset().isolated
      },
      get multi() {
        return multiAssets()
      }
    }
  }
}

/** (1 + d·x)·(c0 + c1·x) */
function scaleLine(c0: Decimal, c1: Decimal, d: Decimal): Poly {
  return [c0, c1.plus(d.times(c0)), d.times(c1)]
}

function addPoly(a: Poly, b: Poly): Poly {
  return [a[0].plus(b[0]), a[1].plus(b[1]), a[2].plus(b[2])]
}

export function evalPoly(p: Poly, x: Decimal): Decimal {
  return p[0].plus(x.times(p[1].plus(x.times(p[2]))))
}
