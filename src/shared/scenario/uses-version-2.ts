// Which file version a scenario needs (scenario-format.md §3): version 2 only when it uses a
// version 2 field. The writer writes that version; switching keeps the v1 open-orders reminder
// for a scenario that uses none.
import type { Scenario } from './types'

/** Decision: an empty `openOrders` or `plan` is the same as none, and is not written. */
export const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined)

/** True when the scenario uses a field that only version 2 has (scenario-format.md §3). */
export function usesVersion2(s: Scenario): boolean {
  return (
    s.account.commission !== undefined ||
    nonEmpty(s.account.openOrders) !== undefined ||
    nonEmpty(s.plan) !== undefined ||
    Object.values(s.market.symbols).some((m) => m.fundingRate !== undefined || m.fundingIntervalHours !== undefined)
  )
}
