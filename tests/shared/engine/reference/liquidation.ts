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
import { Decimal, ZERO } from '../../../../src/shared/decimal'
import { beyondLastCap, bracketIndex, type Bracket } from '../../../../src/shared/engine/brackets'

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
  let piece: Piece = { brackets: legs.map((l) => bracketIndex(l.brackets, l.quantity.times(problem.mark))), atBid: true }
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const price = solvePiece(problem, piece)
    if (price === null || !price.gt(ZERO)) break
    const next = pieceAt(problem, price, twoRates)
    if (samePiece(piece, next)) return found(problem, price)
    piece = next
  }
  return searchAllPieces(problem, twoRates)
}

function solvePiece(p: LiquidationProblem, piece: Piece): Decimal | null {
  const r = piece.atBid ? p.bidRate : p.askRate
  const a = p.askRate
  let sumCost = ZERO
  let sumQty = ZERO
  let sumQtyMmr = ZERO
  let sumCum = ZERO
  p.legs.forEach((leg, i) => {
    const b = leg.brackets[piece.brackets[i]!]!
    sumCost = sumCost.plus(leg.signedCost)
    sumQty = sumQty.plus(leg.signedQty)
    sumQtyMmr = sumQtyMmr.plus(leg.quantity.times(b.mmr))
    sumCum = sumCum.plus(b.cum)
  })
  const denominator = a.times(sumQtyMmr).minus(r.times(sumQty))
  if (denominator.isZero()) return null
  const numerator = p.otherUsdEquity
    .plus(r.times(p.wallet.plus(p.otherUnrealizedPnl).minus(sumCost)))
    .minus(p.otherUsdMaintenance)
    .minus(a.times(p.otherMaintenance.minus(sumCum)))
  return numerator.div(denominator)
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
export function searchAllPieces(p: LiquidationProblem, twoRates: boolean): LiquidationPrice {
  let best: Decimal | null = null
  let bestDistance: Decimal | null = null
  const counts = p.legs.map((l) => l.brackets.length)
  const choice = counts.map(() => 0)
  for (;;) {
    for (const atBid of twoRates ? [true, false] : [true]) {
      const piece = { brackets: [...choice], atBid }
      const price = solvePiece(p, piece)
      if (price !== null && price.gt(ZERO) && consistent(p, piece, price, twoRates)) {
        const distance = price.minus(p.mark).abs()
        if (bestDistance === null || distance.lt(bestDistance)) {
          best = price
          bestDistance = distance
        }
      }
    }
    let k = 0
    while (k < choice.length && ++choice[k]! === counts[k]) choice[k++] = 0
    if (k === choice.length) break
  }
  return best === null ? { price: null, beyondLastBracket: false } : found(p, best)
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
