// The account along one shock line: a set of assets moving together by x (their indexes and
// the marks of every symbol they are the base of, scaled by 1 + x).
//
// Along such a line every figure is piecewise polynomial in x: uPnL and IM are linear, MM is
// linear between bracket floors (continuous at them, §2), Single-Asset margin balances are
// linear, and Multi-Assets USD figures are at most quadratic (a moving asset's rate times its
// moving equity), with a break where an asset's equity changes sign (bid ↔ ask). So the work per
// position is done once; a sweep point or a root then costs O(assets), not O(positions).
import { Decimal, ONE, ZERO } from '../../../../src/shared/decimal'
import { bracketIndex } from '../../../../src/shared/engine/brackets'
import type { PreparedAccount } from '../../../../src/shared/engine/prepare'
import { askRate, bidRate } from '../../../../src/shared/engine/prices'

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
  isolated: Entity[]
  multi: Entity
}

interface Line {
  /** s·Q·mark·w and s·Q·mark − s·Q·EP: uPnL = u0 + u1·x. */
  u0: Decimal
  u1: Decimal
  notional0: Decimal
  moving: boolean
  bracket: number
  marginAsset: string
  isolated: boolean
  isolatedWallet: Decimal
  brackets: PreparedAccount['positions'][number]['symbol']['brackets']
  name: string
}

interface AssetLine {
  asset: string
  wallet: Decimal
  moving: boolean
  bid0: Decimal
  ask0: Decimal
  isGroup: boolean
}

export class ShockLine {
  private readonly lines: Line[]
  private readonly assets: AssetLine[]

  constructor(account: PreparedAccount, readonly movingAssets: Set<string>) {
    this.lines = account.positions.map((p) => {
      const moving = movingAssets.has(p.symbol.baseAsset)
      const mark = p.symbol.mark
      const notional0 = p.quantity.times(mark)
      return {
        u0: p.signedQty.times(mark).minus(p.signedCost),
        u1: moving ? p.signedQty.times(mark) : ZERO,
        notional0,
        moving,
        bracket: bracketIndex(p.symbol.brackets, notional0),
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
        moving: movingAssets.has(asset),
        bid0: m ? bidRate(index, m.bidBuffer) : index,
        ask0: m ? askRate(index, m.askBuffer) : index,
        isGroup: account.marginAssets.has(asset)
      }
    })
  }

  /** The pieces from x = 0 outward: direction −1 down to x = −1 (price 0), +1 up without end. */
  *pieces(direction: 1 | -1): Generator<Piece> {
    // Floors exactly at x = 0 matter going down (a notional on a floor is in the upper bracket).
    const eventInRange = (x: Decimal): boolean => (direction < 0 ? x.lte(ZERO) && x.gt(-1) : x.gt(ZERO))
    const breakInRange = (x: Decimal): boolean => (direction < 0 ? x.lt(ZERO) && x.gt(-1) : x.gt(ZERO))
    // Where a moving position's notional crosses a bracket floor: x = floor / notional − 1.
    const events: { x: Decimal; line: number; bracket: number }[] = []
    this.lines.forEach((l, i) => {
      if (!l.moving) return
      l.brackets.forEach((b, k) => {
        if (k === 0) return
        const x = b.floor.div(l.notional0).minus(1)
        if (eventInRange(x)) events.push({ x, line: i, bracket: direction > 0 ? k : k - 1 })
      })
    })
    // Where an asset's equity (wallet + uPnL, linear in x) changes sign: its USD rate switches.
    const breaks = events.map((e) => e.x).filter(breakInRange)
    for (const a of this.assets) {
      const [e0, e1] = this.assetEquity(a.asset)
      if (!e1.isZero()) {
        const x = e0.neg().div(e1)
        if (breakInRange(x)) breaks.push(x)
      }
    }
    const order = (a: Decimal, b: Decimal): number => (direction > 0 ? a.cmp(b) : b.cmp(a))
    events.sort((a, b) => order(a.x, b.x))
    breaks.sort(order)

    const brackets = this.lines.map((l) => l.bracket)
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
    return this.lines.some((l) => l.moving && l.notional0.times(ONE.plus(x)).gt(l.brackets[l.brackets.length - 1]!.cap))
  }

  private assetEquity(asset: string): [Decimal, Decimal] {
    let e0 = this.assets.find((a) => a.asset === asset)?.wallet ?? ZERO
    let e1 = ZERO
    for (const l of this.lines) {
      if (l.marginAsset !== asset) continue
      e0 = e0.plus(l.u0)
      e1 = e1.plus(l.u1)
    }
    return [e0, e1]
  }

  private piece(start: Decimal, end: Decimal | null, brackets: number[]): Piece {
    // Per asset: cross and all-position sums of uPnL and MM, each c0 + c1·x.
    const sums = new Map<string, { cu0: Decimal; cu1: Decimal; cm0: Decimal; cm1: Decimal; u0: Decimal; u1: Decimal; m0: Decimal; m1: Decimal; iso: Decimal; cross: number }>()
    for (const a of this.assets) sums.set(a.asset, { cu0: ZERO, cu1: ZERO, cm0: ZERO, cm1: ZERO, u0: ZERO, u1: ZERO, m0: ZERO, m1: ZERO, iso: ZERO, cross: 0 })
    const isolated: Entity[] = []
    this.lines.forEach((l, i) => {
      const b = l.brackets[brackets[i]!]!
      // MM = notional0·(1 + x)·MMR − cum for a moving position, constant otherwise.
      const m1 = l.moving ? l.notional0.times(b.mmr) : ZERO
      const m0 = l.notional0.times(b.mmr).minus(b.cum)
      const s = sums.get(l.marginAsset)!
      s.u0 = s.u0.plus(l.u0)
      s.u1 = s.u1.plus(l.u1)
      s.m0 = s.m0.plus(m0)
      s.m1 = s.m1.plus(m1)
      if (l.isolated) {
        s.iso = s.iso.plus(l.isolatedWallet)
        isolated.push({ name: l.name, balance: [l.isolatedWallet.plus(l.u0), l.u1, ZERO], maintenance: [m0, m1, ZERO] })
      } else {
        s.cu0 = s.cu0.plus(l.u0)
        s.cu1 = s.cu1.plus(l.u1)
        s.cm0 = s.cm0.plus(m0)
        s.cm1 = s.cm1.plus(m1)
        s.cross++
      }
    })
    const groups: Entity[] = []
    let equity: Poly = [ZERO, ZERO, ZERO]
    let maintenance: Poly = [ZERO, ZERO, ZERO]
    // A point inside the piece tells each asset's equity sign there (constant on the piece).
    const inside = end === null ? start.plus(1) : start.plus(end).div(2)
    for (const a of this.assets) {
      const s = sums.get(a.asset)!
      if (a.isGroup) {
        groups.push({ name: a.asset, balance: [a.wallet.minus(s.iso).plus(s.cu0), s.cu1, ZERO], maintenance: s.cross > 0 ? [s.cm0, s.cm1, ZERO] : [ZERO, ZERO, ZERO] })
      }
      // §4: equity at bid (a debt at ask), MM at ask; a moving asset's rates scale by (1 + x).
      const e0 = a.wallet.plus(s.u0)
      const rate = e0.plus(s.u1.times(inside)).isNeg() ? a.ask0 : a.bid0
      const d = a.moving ? ONE : ZERO
      equity = addPoly(equity, scaleLine(rate.times(e0), rate.times(s.u1), d))
      maintenance = addPoly(maintenance, scaleLine(a.ask0.times(s.m0), a.ask0.times(s.m1), d))
    }
    return { start, end, groups, isolated, multi: { name: 'account', balance: equity, maintenance } }
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
