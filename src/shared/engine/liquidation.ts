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
import { Decimal, ONE, ZERO, compare, minus, plus } from '../decimal'
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
  const twoRates = compare(problem.bidRate, problem.askRate) !== 0
  const equation = pieceEquation(problem)
  let piece: Piece = { brackets: legs.map((l) => bracketIndex(l.brackets, l.quantity.times(problem.mark))), atBid: true }
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const price = positiveRoot(solve(equation, equation.legs(piece.brackets, piece.brackets), piece.atBid))
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

/**
 * The root when it is positive, else null. Its sign is the signs' product (a non-zero quotient
 * never rounds to 0), so only a positive root pays for the division (issue 10: most symbols of a
 * well-collateralised account have none, and the search solved every piece).
 */
function positiveRoot(root: Root | null): Decimal | null {
  if (root === null || root.numerator.isZero() || root.numerator.isNeg() !== root.denominator.isNeg()) return null
  return root.numerator.div(root.denominator)
}

/** a·Σ Q·MMR and a·(MMo − Σ cum) of a choice of brackets: the part of a piece both rates share. */
interface LegTerms {
  qtyMmr: Decimal
  other: Decimal
}

/**
 * A piece's numerator and denominator: `legs` with each leg's Q·MMR taken at bracket `mmrAt[i]`
 * and its cum at bracket `cumAt[i]` (the same bracket for a real piece; `noPositiveRoot` mixes
 * them to bound every piece at once), then `root` at one rate.
 */
interface Equation {
  legs(mmrAt: number[], cumAt: number[]): LegTerms
  root(legs: LegTerms, atBid: boolean): Root
}

/**
 * The root of one piece's linear equation. What does not depend on the piece (Σ s·Q·EP, Σ s·Q,
 * each rate's constant terms, each leg's Q·MMR per bracket) is computed once per problem, and
 * what does not depend on the rate once per choice of brackets (issue 10: a hedge symbol tries
 * dozens of pieces), with the same operations in the same order.
 */
function pieceEquation(p: LiquidationProblem): Equation {
  const a = p.askRate
  // a × x is x when a is 1 (Single-Asset): x is already rounded to the precision.
  const scaled = compare(a, ONE) === 0 ? (x: Decimal): Decimal => x : (x: Decimal): Decimal => a.times(x)
  let sumCost = ZERO
  let sumQty = ZERO
  for (const leg of p.legs) {
    sumCost = plus(sumCost, leg.signedCost)
    sumQty = plus(sumQty, leg.signedQty)
  }
  const equityBase = minus(plus(p.wallet, p.otherUnrealizedPnl), sumCost)
  // r × x is x when r is 1, as for a.
  const rateTerms = (r: Decimal): { rQty: Decimal; head: Decimal } => ({
    rQty: compare(r, ONE) === 0 ? sumQty : r.times(sumQty),
    head: minus(plus(p.otherUsdEquity, compare(r, ONE) === 0 ? equityBase : r.times(equityBase)), p.otherUsdMaintenance)
  })
  let atBid: { rQty: Decimal; head: Decimal } | null = null
  let atAsk: { rQty: Decimal; head: Decimal } | null = null
  const qtyMmr = p.legs.map(legQtyMmr)
  const firstCum = p.legs.map((l) => tableFacts(l.brackets).firstCum)
  return {
    legs: (mmrAt, cumAt) => {
      // The sums start at 0: 0 + x is x rounded, which a product already is (and 0 is +0);
      // each table keeps 0 + cum.
      let sumQtyMmr = ZERO
      let sumCum = ZERO
      p.legs.forEach((leg, i) => {
        const k = mmrAt[i]!
        const t = (qtyMmr[i]![k] ??= leg.quantity.times(leg.brackets[k]!.mmr))
        sumQtyMmr = i === 0 ? (t.isZero() ? ZERO : t) : sumQtyMmr.plus(t)
        sumCum = i === 0 ? (firstCum[0]![cumAt[0]!] ??= ZERO.plus(leg.brackets[cumAt[0]!]!.cum)) : sumCum.plus(leg.brackets[cumAt[i]!]!.cum)
      })
      return { qtyMmr: scaled(sumQtyMmr), other: scaled(minus(p.otherMaintenance, sumCum)) }
    },
    root: (legs, bid) => {
      const terms = bid ? (atBid ??= rateTerms(p.bidRate)) : (atAsk ??= rateTerms(p.askRate))
      return { numerator: terms.head.minus(legs.other), denominator: legs.qtyMmr.minus(terms.rQty) }
    }
  }
}

/**
 * A leg's Q·MMR per bracket, filled as pieces ask for them and kept with the quantity (the
 * prepared position's own Decimal), so both modes' problems on a position share them.
 */
const qtyMmrCache = new WeakMap<Decimal, { brackets: Bracket[]; values: (Decimal | undefined)[] }>()

function legQtyMmr(leg: LiquidationLeg): (Decimal | undefined)[] {
  const cached = qtyMmrCache.get(leg.quantity)
  if (cached && cached.brackets === leg.brackets) return cached.values
  const values = new Array<Decimal | undefined>(leg.brackets.length)
  qtyMmrCache.set(leg.quantity, { brackets: leg.brackets, values })
  return values
}

/** The root of a piece, null when its denominator is zero. */
function solve(equation: Equation, legs: LegTerms, atBid: boolean): Root | null {
  const root = equation.root(legs, atBid)
  return root.denominator.isZero() ? null : root
}

/** Per bracket table: the brackets with the smallest and largest MMR and cum, and whether both never fall from one bracket to the next. */
interface Extremes {
  minMmr: number
  maxMmr: number
  minCum: number
  maxCum: number
  rising: boolean
}

// Bracket tables are prepared once per account and shared by every problem on the symbol.
const extremesCache = new WeakMap<Bracket[], Extremes>()

function extremesOf(brackets: Bracket[]): Extremes {
  let e = extremesCache.get(brackets)
  if (e) return e
  const last = brackets.length - 1
  // Any real table: MMR and cum rise with the bracket, the first and last are the extremes.
  const rising = brackets.every((b, k) => k === 0 || (b.mmr.gte(brackets[k - 1]!.mmr) && b.cum.gte(brackets[k - 1]!.cum)))
  e = rising ? { minMmr: 0, maxMmr: last, minCum: 0, maxCum: last, rising } : { minMmr: 0, maxMmr: 0, minCum: 0, maxCum: 0, rising }
  if (!rising) {
    for (let k = 1; k <= last; k++) {
      const b = brackets[k]!
      if (b.mmr.lt(brackets[e.minMmr]!.mmr)) e.minMmr = k
      if (b.mmr.gt(brackets[e.maxMmr]!.mmr)) e.maxMmr = k
      if (b.cum.lt(brackets[e.minCum]!.cum)) e.minCum = k
      if (b.cum.gt(brackets[e.maxCum]!.cum)) e.maxCum = k
    }
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
  const lowLegs = equation.legs(lowMmr, lowCum)
  const highLegs = equation.legs(highMmr, highCum)
  for (const atBid of twoRates ? [true, false] : [true]) {
    const low = equation.root(lowLegs, atBid)
    const high = equation.root(highLegs, atBid)
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
  const pieces = reachablePieces(p.legs)
  const legsAt = new Array<LegTerms | undefined>(pieces.length)
  const legsOf = (j: number): LegTerms => (legsAt[j] ??= equation.legs(pieces[j]!, pieces[j]!))
  const rates = twoRates ? [true, false] : [true]
  const candidates = rates.map((atBid) => positiveRootPieces(p, pieces, (j) => equation.root(legsOf(j), atBid)))
  let best: Decimal | null = null
  let bestDistance: Decimal | null = null
  pieces.forEach((brackets, j) => {
    rates.forEach((atBid, r) => {
      if (!candidates[r]!(j)) return
      const piece = { brackets, atBid }
      const price = positiveRoot(solve(equation, legsOf(j), atBid))
      if (price !== null && consistent(p, piece, price, twoRates)) {
        const distance = price.minus(p.mark).abs()
        if (bestDistance === null || distance.lt(bestDistance)) {
          best = price
          bestDistance = distance
        }
      }
    })
  })
  return best === null ? { price: null, beyondLastBracket: false } : found(p, best)
}

/**
 * Which pieces, at one rate, can have a positive root (the others are skipped as `positiveRoot`
 * would skip them). The reachable pieces form a chain, each leg's bracket never falling from one
 * to the next; where every leg's MMR and cum never fall either (Q ≥ 0, a ≥ 0), the denominator
 * and the numerator never fall along the chain (`noPositiveRoot`: every operation is monotone).
 * Both negative is then a prefix and both positive a suffix: scanning in from each end finds
 * them, one piece past each, instead of every piece (issue 10: a hedge symbol's dozens).
 */
function positiveRootPieces(p: LiquidationProblem, pieces: number[][], rootAt: (j: number) => Root): (j: number) => boolean {
  const chain = pieces.every((c, j) => j === 0 || c.every((k, i) => k >= pieces[j - 1]![i]!))
  if (!chain || p.askRate.isNeg() || p.legs.some((l) => l.quantity.isNeg() || !extremesOf(l.brackets).rising)) return () => true
  const both = (j: number, sign: 1 | -1): boolean => {
    const { numerator, denominator } = rootAt(j)
    return sign > 0 ? numerator.gt(ZERO) && denominator.gt(ZERO) : numerator.lt(ZERO) && denominator.lt(ZERO)
  }
  let prefix = 0
  while (prefix < pieces.length && both(prefix, -1)) prefix++
  let suffix = pieces.length
  while (suffix > prefix && both(suffix - 1, 1)) suffix--
  return (j) => j < prefix || j >= suffix
}

/**
 * The bracket choices some positive price puts the legs in, in the order of an odometer over
 * all choices (first leg fastest), which decides ties as trying every choice would. A root is
 * only kept when its choice is the one at the root (`consistent`), and each leg's bracket rises
 * with the price, so only the choices met walking the price up from 0 can hold one: Σ brackets
 * choices instead of Π brackets (issue 10: a hedge symbol with 10 brackets a leg tried 100).
 * They depend only on the legs' tables and quantities: both modes' searches share them.
 */
function reachablePieces(legs: LiquidationLeg[]): number[][] {
  const table = legs[0]?.brackets
  const shared = table !== undefined && legs.every((l) => l.brackets === table)
  const key = legs.map((l) => l.quantity.toString()).join(' ')
  let cached = shared ? reachableCache.get(table!) : undefined
  const hit = cached?.get(key)
  if (hit) return hit
  const choice = legs.map((l) => bracketIndex(l.brackets, ZERO))
  const seen = new Set<string>([choice.join()])
  const out = [[...choice]]
  for (const e of bracketEvents(legs)) {
    if (e.bracket <= choice[e.leg]!) continue
    choice[e.leg] = e.bracket
    if (seen.has(choice.join())) continue
    seen.add(choice.join())
    out.push([...choice])
  }
  out.sort(odometerOrder)
  if (shared) {
    if (!cached) reachableCache.set(table!, (cached = new Map()))
    cached.set(key, out)
  }
  return out
}

const reachableCache = new WeakMap<Bracket[], Map<string, number[][]>>()

interface BracketEvent {
  leg: number
  bracket: number
}

/**
 * Where each leg enters each of its brackets above the first (P = floor / Q), in price order,
 * ties in leg order. One leg's floors rise, so its events are in order already; across legs the
 * rounded quotient orders them (rounding is monotone) and equal quotients are ordered exactly by
 * cross-multiplying. When every cross product is exact (its digits fit the precision) it alone
 * gives that very order without a division, so the legs' lists are merged by it (issue 10).
 */
function bracketEvents(legs: LiquidationLeg[]): BracketEvent[] {
  const moving = legs.flatMap((l, leg) => (l.quantity.gt(ZERO) ? [{ leg, l, table: tableFacts(l.brackets), digits: l.quantity.sd() }] : []))
  if (legs.length === 1) return moving.flatMap((m) => m.l.brackets.slice(1).map((_, k) => ({ leg: m.leg, bracket: k + 1 })))
  const exact = moving.every((a) => a.table.rising() && moving.every((b) => a === b || a.table.floorDigits() + b.digits <= Decimal.precision))
  if (!exact) return sortedEvents(legs)
  const next = moving.map(() => 1)
  const out: BracketEvent[] = []
  for (;;) {
    let pick = -1
    for (let i = 0; i < moving.length; i++) {
      if (next[i]! >= moving[i]!.l.brackets.length) continue
      if (pick < 0) {
        pick = i
        continue
      }
      const a = moving[pick]!
      const b = moving[i]!
      // floor_b / Q_b < floor_a / Q_a, exactly: b enters first (ties keep the lower leg).
      if (b.l.brackets[next[i]!]!.floor.times(a.l.quantity).lt(a.l.brackets[next[pick]!]!.floor.times(b.l.quantity))) pick = i
    }
    if (pick < 0) return out
    out.push({ leg: moving[pick]!.leg, bracket: next[pick]!++ })
  }
}

/** The straightforward order: every entry price divided out, sorted (stable: ties in leg order). */
function sortedEvents(legs: LiquidationLeg[]): BracketEvent[] {
  const events: (BracketEvent & { floor: Decimal; quantity: Decimal; at: Decimal })[] = []
  legs.forEach((l, leg) => {
    if (!l.quantity.gt(ZERO)) return
    l.brackets.forEach((b, bracket) => {
      if (bracket > 0) events.push({ leg, bracket, floor: b.floor, quantity: l.quantity, at: b.floor.div(l.quantity) })
    })
  })
  return events.sort((a, b) => a.at.cmp(b.at) || a.floor.times(b.quantity).cmp(b.floor.times(a.quantity)))
}

/** Per bracket table, each found when first needed: whether the floors strictly rise, the most significant digits of a floor, 0 + cum of each bracket. */
interface TableFacts {
  rising: () => boolean
  floorDigits: () => number
  firstCum: (Decimal | undefined)[]
}

const tableFactsCache = new WeakMap<Bracket[], TableFacts>()

function tableFacts(brackets: Bracket[]): TableFacts {
  let f = tableFactsCache.get(brackets)
  if (f) return f
  let rising: boolean | undefined
  let floorDigits: number | undefined
  f = {
    rising: () => (rising ??= brackets.every((b, k) => k === 0 || b.floor.gt(brackets[k - 1]!.floor))),
    floorDigits: () => (floorDigits ??= Math.max(...brackets.map((b) => b.floor.sd()))),
    firstCum: new Array<Decimal | undefined>(brackets.length)
  }
  tableFactsCache.set(brackets, f)
  return f
}

/** The odometer's order: the last leg's bracket is the most significant digit. */
function odometerOrder(a: number[], b: number[]): number {
  for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return a[i]! - b[i]!
  return 0
}

/**
 * A root is real when the piece it was solved in is the piece it lies in (equity 0 fits both
 * rates). Leg by leg, the equity last: most positive roots of the search fail on a bracket.
 */
function consistent(p: LiquidationProblem, piece: Piece, price: Decimal, twoRates: boolean): boolean {
  if (!p.legs.every((l, i) => inBracket(l.brackets, piece.brackets[i]!, l.quantity.times(price)))) return false
  if (!twoRates) return true
  const equity = assetEquityAt(p, price)
  return !equity.isNeg() === piece.atBid || equity.isZero()
}

/** bracketIndex(brackets, notional) === k: with floors that rise, whether notional lies in [floor k, floor k+1). */
function inBracket(brackets: Bracket[], k: number, notional: Decimal): boolean {
  if (!tableFacts(brackets).rising()) return bracketIndex(brackets, notional) === k
  return (k === 0 || brackets[k]!.floor.lte(notional)) && (k === brackets.length - 1 || notional.lt(brackets[k + 1]!.floor))
}

function found(p: LiquidationProblem, price: Decimal): LiquidationPrice {
  return { price, beyondLastBracket: p.legs.some((l) => beyondLastCap(l.brackets, l.quantity.times(price))) }
}
