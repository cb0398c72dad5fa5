// Liquidation price of one symbol (margin-rules.md §3 and §4).
//
// Both modes solve one linear equation per "piece" (a choice of bracket per leg, and in
// Multi-Assets of the rate the margin asset's equity is valued at):
//   equity(P) = V + r·(W + U + Σ s·Q·P − Σ s·Q·EP)        MM(P) = M + a·(MMo + Σ (Q·P·MMR − cum))
//   P = [V + r·(W + U − Σ s·Q·EP) − M − a·(MMo − Σ cum)] / (a·Σ Q·MMR − r·Σ s·Q)
// With r = a = 1 and V = M = 0 this is Binance's USDⓈ-M formula (Single-Asset, cross or
// isolated). The brackets are those of the notional at the liquidation price [FAQ b3c689c1…:
// "recalculate with the other margin level"]: solve, look the brackets up at the result,
// re-solve until they agree; if that oscillates or ends at a price ≤ 0, try every piece and
// keep the consistent positive root nearest the mark. No such root: null (Binance shows "--").
import { Decimal, ZERO } from '../decimal'
import { beyondLastCap, bracketIndex, type Bracket } from './brackets'

export interface LiquidationLeg {
  quantity: Decimal
  signedQty: Decimal
  signedCost: Decimal
  brackets: Bracket[]
}

export interface LiquidationProblem {
  legs: LiquidationLeg[]
  mark: Decimal
  /** W: the wallet backing the legs (group cross wallet, isolated wallet, or the asset's wallet). */
  wallet: Decimal
  /** U and MMo: uPnL and MM of the other positions in the same margin asset, held at their marks. */
  otherUnrealizedPnl: Decimal
  otherMaintenance: Decimal
  /** V and M (Multi-Assets): USD equity of the other assets, USD MM of positions in them. */
  otherUsdEquity: Decimal
  otherUsdMaintenance: Decimal
  /** r's two values and a (Single-Asset: all 1). */
  bidRate: Decimal
  askRate: Decimal
}

export interface LiquidationPrice {
  price: Decimal | null
  /** The root lies beyond the last bracket's cap: the last bracket was used (§3). */
  beyondLastBracket: boolean
}

interface Piece {
  brackets: number[]
  atBid: boolean
}

const MAX_ITERATIONS = 8

export function liquidationPrice(problem: LiquidationProblem): LiquidationPrice {
  const { legs } = problem
  const twoRates = !problem.bidRate.eq(problem.askRate)
  const equation = pieceEquation(problem)
  const solvePiece = solverOf(equation)
  let piece: Piece = { brackets: legs.map((l) => bracketIndex(l.brackets, l.quantity.times(problem.mark))), atBid: true }
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const price = positiveRoot(solvePiece(piece))
    if (price === null) break
    const next = pieceAt(problem, price, twoRates)
    if (samePiece(piece, next)) return found(problem, price)
    piece = next
  }
  return searchAllPieces(problem, twoRates, equation)
}

/** A piece's equation as numerator / denominator (denominator never zero): the root unevaluated. */
interface Root {
  numerator: Decimal
  denominator: Decimal
}

type Solver = (piece: Piece) => Root | null

/**
 * The root when it is positive, else null. Its sign is the signs' product (a non-zero quotient
 * never rounds to 0), so only a positive root pays for the division (issue 10: most symbols of a
 * well-collateralised account have none, and the search solved every piece).
 */
function positiveRoot(root: Root | null): Decimal | null {
  if (root === null || root.numerator.isZero() || root.numerator.isNeg() !== root.denominator.isNeg()) return null
  return root.numerator.div(root.denominator)
}

/**
 * A piece's numerator and denominator, with each leg's Q·MMR taken at bracket `mmrAt[i]` and
 * its cum at bracket `cumAt[i]` (the same bracket for a real piece; `noPositiveRoot` mixes them
 * to bound every piece at once).
 */
type Equation = (atBid: boolean, mmrAt: number[], cumAt: number[]) => Root

/**
 * The root of one piece's linear equation. What does not depend on the piece (Σ s·Q·EP, Σ s·Q,
 * each rate's constant terms, each leg's Q·MMR per bracket) is computed once per problem (issue
 * 10: a hedge symbol tries dozens of pieces), with the same operations in the same order.
 */
function pieceEquation(p: LiquidationProblem): Equation {
  const a = p.askRate
  let sumCost = ZERO
  let sumQty = ZERO
  for (const leg of p.legs) {
    sumCost = sumCost.plus(leg.signedCost)
    sumQty = sumQty.plus(leg.signedQty)
  }
  const equityBase = p.wallet.plus(p.otherUnrealizedPnl).minus(sumCost)
  const rateTerms = (r: Decimal): { rQty: Decimal; head: Decimal } => ({
    rQty: r.times(sumQty),
    head: p.otherUsdEquity.plus(r.times(equityBase)).minus(p.otherUsdMaintenance)
  })
  let atBid: { rQty: Decimal; head: Decimal } | null = null
  let atAsk: { rQty: Decimal; head: Decimal } | null = null
  const qtyMmr = p.legs.map((l) => new Array<Decimal | undefined>(l.brackets.length))
  return (bid, mmrAt, cumAt) => {
    const terms = bid ? (atBid ??= rateTerms(p.bidRate)) : (atAsk ??= rateTerms(p.askRate))
    let sumQtyMmr = ZERO
    let sumCum = ZERO
    p.legs.forEach((leg, i) => {
      const k = mmrAt[i]!
      sumQtyMmr = sumQtyMmr.plus((qtyMmr[i]![k] ??= leg.quantity.times(leg.brackets[k]!.mmr)))
      sumCum = sumCum.plus(leg.brackets[cumAt[i]!]!.cum)
    })
    return { numerator: terms.head.minus(a.times(p.otherMaintenance.minus(sumCum))), denominator: a.times(sumQtyMmr).minus(terms.rQty) }
  }
}

function solverOf(equation: Equation): Solver {
  return (piece) => {
    const root = equation(piece.atBid, piece.brackets, piece.brackets)
    return root.denominator.isZero() ? null : root
  }
}

/** Per bracket table: the brackets with the smallest and largest MMR and cum. */
interface Extremes {
  minMmr: number
  maxMmr: number
  minCum: number
  maxCum: number
}

// Bracket tables are prepared once per account and shared by every problem on the symbol.
const extremesCache = new WeakMap<Bracket[], Extremes>()

function extremesOf(brackets: Bracket[]): Extremes {
  let e = extremesCache.get(brackets)
  if (e) return e
  e = { minMmr: 0, maxMmr: 0, minCum: 0, maxCum: 0 }
  for (let k = 1; k < brackets.length; k++) {
    const b = brackets[k]!
    if (b.mmr.lt(brackets[e.minMmr]!.mmr)) e.minMmr = k
    if (b.mmr.gt(brackets[e.maxMmr]!.mmr)) e.maxMmr = k
    if (b.cum.lt(brackets[e.minCum]!.cum)) e.minCum = k
    if (b.cum.gt(brackets[e.maxCum]!.cum)) e.maxCum = k
  }
  extremesCache.set(brackets, e)
  return e
}

/**
 * True when no piece at all can hold a positive root, proved without solving any (issue 10: most
 * symbols of a well-collateralised account have none, and the search tried every piece). With
 * Q ≥ 0 and a ≥ 0, every operation of `pieceEquation` is monotone in each leg's MMR and cum,
 * rounding included (rounding to 40 digits never reverses an order): the denominator rises with
 * the MMRs, the numerator with the cums. So the denominators of all pieces lie between the
 * smallest-MMR and largest-MMR choices, the numerators between the smallest-cum and largest-cum
 * ones; when, at each rate searched, all denominators are ≤ 0 and all numerators ≥ 0 (or the
 * reverse), no root is positive (a zero denominator has no root, a zero numerator gives 0).
 */
function noPositiveRoot(p: LiquidationProblem, twoRates: boolean, equation: Equation): boolean {
  if (p.askRate.isNeg() || p.legs.some((l) => l.quantity.isNeg())) return false
  const ex = p.legs.map((l) => extremesOf(l.brackets))
  const lowMmr = ex.map((e) => e.minMmr)
  const highMmr = ex.map((e) => e.maxMmr)
  const lowCum = ex.map((e) => e.minCum)
  const highCum = ex.map((e) => e.maxCum)
  for (const atBid of twoRates ? [true, false] : [true]) {
    const low = equation(atBid, lowMmr, lowCum)
    const high = equation(atBid, highMmr, highCum)
    const negative = high.denominator.lte(ZERO) && low.numerator.gte(ZERO)
    const positive = low.denominator.gte(ZERO) && high.numerator.lte(ZERO)
    if (!negative && !positive) return false
  }
  return true
}

/** The piece a price falls in: each leg's bracket at Q × P, and the sign of the asset's equity. */
function pieceAt(p: LiquidationProblem, price: Decimal, twoRates: boolean): Piece {
  return {
    brackets: p.legs.map((l) => bracketIndex(l.brackets, l.quantity.times(price))),
    atBid: !twoRates || !assetEquityAt(p, price).isNeg()
  }
}

function assetEquityAt(p: LiquidationProblem, price: Decimal): Decimal {
  let e = p.wallet.plus(p.otherUnrealizedPnl)
  for (const l of p.legs) e = e.plus(l.signedQty.times(price)).minus(l.signedCost)
  return e
}

function samePiece(a: Piece, b: Piece): boolean {
  return a.atBid === b.atBid && a.brackets.every((v, i) => v === b.brackets[i])
}

/** Every piece that can hold the root, the consistent positive root nearest the mark (exported for the differential test). */
export function searchAllPieces(p: LiquidationProblem, twoRates: boolean, equation: Equation = pieceEquation(p)): LiquidationPrice {
  if (noPositiveRoot(p, twoRates, equation)) return { price: null, beyondLastBracket: false }
  const solvePiece = solverOf(equation)
  let best: Decimal | null = null
  let bestDistance: Decimal | null = null
  for (const brackets of reachablePieces(p.legs)) {
    for (const atBid of twoRates ? [true, false] : [true]) {
      const piece = { brackets, atBid }
      const price = positiveRoot(solvePiece(piece))
      if (price !== null && consistent(p, piece, price, twoRates)) {
        const distance = price.minus(p.mark).abs()
        if (bestDistance === null || distance.lt(bestDistance)) {
          best = price
          bestDistance = distance
        }
      }
    }
  }
  return best === null ? { price: null, beyondLastBracket: false } : found(p, best)
}

/**
 * The bracket choices some positive price puts the legs in, in the order of an odometer over
 * all choices (first leg fastest), which decides ties as trying every choice would. A root is
 * only kept when its choice is the one at the root (`consistent`), and each leg's bracket rises
 * with the price, so only the choices met walking the price up from 0 can hold one: Σ brackets
 * choices instead of Π brackets (issue 10: a hedge symbol with 10 brackets a leg tried 100).
 */
function reachablePieces(legs: LiquidationLeg[]): number[][] {
  // Where leg i enters bracket k: P = floor / Q. One leg's floors are already in order; across
  // legs the rounded quotient orders them (rounding is monotone) and equal quotients are
  // ordered exactly by cross-multiplying.
  const events: { leg: number; bracket: number; floor: Decimal; quantity: Decimal; at: Decimal | null }[] = []
  legs.forEach((l, leg) => {
    if (!l.quantity.gt(ZERO)) return
    l.brackets.forEach((b, bracket) => {
      if (bracket > 0) events.push({ leg, bracket, floor: b.floor, quantity: l.quantity, at: legs.length > 1 ? b.floor.div(l.quantity) : null })
    })
  })
  if (legs.length > 1) events.sort((a, b) => a.at!.cmp(b.at!) || a.floor.times(b.quantity).cmp(b.floor.times(a.quantity)))
  const choice = legs.map((l) => bracketIndex(l.brackets, ZERO))
  const seen = new Set<string>([choice.join()])
  const out = [[...choice]]
  for (const e of events) {
    if (e.bracket <= choice[e.leg]!) continue
    choice[e.leg] = e.bracket
    if (seen.has(choice.join())) continue
    seen.add(choice.join())
    out.push([...choice])
  }
  return out.sort(odometerOrder)
}

/** The odometer's order: the last leg's bracket is the most significant digit. */
function odometerOrder(a: number[], b: number[]): number {
  for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return a[i]! - b[i]!
  return 0
}

/** A root is real when the piece it was solved in is the piece it lies in (equity 0 fits both rates). */
function consistent(p: LiquidationProblem, piece: Piece, price: Decimal, twoRates: boolean): boolean {
  const at = pieceAt(p, price, twoRates)
  if (!at.brackets.every((v, i) => v === piece.brackets[i])) return false
  return !twoRates || at.atBid === piece.atBid || assetEquityAt(p, price).isZero()
}

function found(p: LiquidationProblem, price: Decimal): LiquidationPrice {
  return { price, beyondLastBracket: p.legs.some((l) => beyondLastCap(l.brackets, l.quantity.times(price))) }
}
