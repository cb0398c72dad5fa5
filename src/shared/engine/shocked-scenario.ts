// A scenario whose market has been moved by relative moves per asset (the shock explorer's
// slider): the asset's index and the marks of every symbol whose baseAsset it is, × (1 + move).
import { Decimal, ONE, str } from '../decimal'
import type { Scenario } from '../scenario/types'

export function shockedScenario(scenario: Scenario, moves: Record<string, string>): Scenario {
  const factor = (asset: string): Decimal | null => (moves[asset] === undefined ? null : ONE.plus(moves[asset]!))
  const symbols = Object.fromEntries(
    Object.entries(scenario.market.symbols).map(([symbol, m]) => {
      const f = factor(m.baseAsset)
      return [symbol, f ? { ...m, markPrice: str(new Decimal(m.markPrice).times(f)) } : m]
    })
  )
  const assets = Object.fromEntries(
    Object.entries(scenario.market.assets).map(([asset, a]) => {
      const f = factor(asset)
      return [asset, f ? { ...a, index: str(new Decimal(a.index).times(f)) } : a]
    })
  )
  return { ...scenario, market: { ...scenario.market, symbols, assets } }
}
