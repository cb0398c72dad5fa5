// One position's row in either mode's `positions` list (scenario-format.md §2).
import { str } from '../decimal'
import type { MarginType } from '../scenario/types'
import type { PositionState } from './account-state'
import type { LiquidationPrice } from './liquidation'
import type { PositionResult } from './result-types'

export function positionResult(st: PositionState, marginType: MarginType, lp: LiquidationPrice): PositionResult {
  const p = st.position
  const row: PositionResult = {
    symbol: p.symbol.symbol,
    side: p.side,
    positionSide: p.positionSide,
    marginType,
    notional: str(st.notional),
    unrealizedPnl: str(st.unrealizedPnl),
    initialMargin: str(st.initialMargin),
    maintenanceMargin: str(st.maintenanceMargin),
    maintMarginRatio: str(st.bracket.mmr),
    cum: str(st.bracket.cum),
    liquidationPrice: str(lp.price),
    maxLeverage: st.bracket.initialLeverage,
    markPrice: str(st.mark)
  }
  if (lp.beyondLastBracket) row.liquidationBeyondLastBracket = true
  return row
}
