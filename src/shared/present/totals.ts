// Single-Asset group figures summed in USD at each margin asset's index: what a Multi-Assets
// account figure is compared with (the deltas of the comparison screen and the report).
import { Decimal } from '../decimal'
import type { CompareResult, GroupResult } from '../engine/result-types'
import type { Scenario } from '../scenario'

export function singleUsdTotal(result: CompareResult, scenario: Scenario, pick: (g: GroupResult) => string): string {
  return result.singleAsset.groups.reduce((s, g) => s.plus(new Decimal(pick(g)).times(scenario.market.assets[g.asset]?.index ?? '1')), new Decimal(0)).toString()
}
