// One position's row in either mode's `positions` list (scenario-format.md §2).
import { str } from '../decimal'
import type { MarginType } from '../scenario/types'
import type { PositionState } from './account-state'
import type { Bracket } from './brackets'
import type { LiquidationPrice } from './liquidation'
import { OwnedCache } from './owned-cache'
import type { PositionResult } from './result-types'

/** The strings of a row that do not depend on the mode. */
interface SharedStrings {
  notional: string
  unrealizedPnl: string
  initialMargin: string
  maintenanceMargin: string
  markPrice: string
}

// Both modes list every position of one evaluation, and many positions share a bracket: each
// decimal is turned into its string once (issue 10: a string costs about an addition).
const positionStrings = new OwnedCache<PositionState, SharedStrings>('position strings')
const bracketStrings = new WeakMap<Bracket, { mmr: string; cum: string }>()

function sharedStrings(st: PositionState): SharedStrings {
  let s = positionStrings.get(st)
  if (!s) {
    s = { notional: str(st.notional), unrealizedPnl: str(st.unrealizedPnl), initialMargin: str(st.initialMargin), maintenanceMargin: str(st.maintenanceMargin), markPrice: str(st.mark) }
    positionStrings.set(st, s)
  }
  return s
}

function bracketString(b: Bracket): { mmr: string; cum: string } {
  let s = bracketStrings.get(b)
  if (!s) bracketStrings.set(b, (s = { mmr: str(b.mmr), cum: str(b.cum) }))
  return s
}

export function positionResult(st: PositionState, marginType: MarginType, lp: LiquidationPrice): PositionResult {
  const p = st.position
  const s = sharedStrings(st)
  const b = bracketString(st.bracket)
  const row: PositionResult = {
    symbol: p.symbol.symbol,
    side: p.side,
    positionSide: p.positionSide,
    marginType,
    notional: s.notional,
    unrealizedPnl: s.unrealizedPnl,
    initialMargin: s.initialMargin,
    maintenanceMargin: s.maintenanceMargin,
    maintMarginRatio: b.mmr,
    cum: b.cum,
    liquidationPrice: str(lp.price),
    maxLeverage: st.bracket.initialLeverage,
    markPrice: s.markPrice
  }
  if (lp.beyondLastBracket) row.liquidationBeyondLastBracket = true
  return row
}
