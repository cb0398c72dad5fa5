// Speed (issue 10): a market's bracket rows are read into Decimals once, not on every compare.
// A sweep, a 441-cell stress grid and each step of a plan prepare the same market again, and a
// 687-symbol table is ~3,000 rows. Kept per row object and checked field by field on every use,
// so a row edited in place is read again. A table whose rows all read to the brackets of the
// last reading is that very array again, so what is kept per bracket table (liquidation.ts:
// extremes, reachable pieces) is found again too.
import type { BracketRow } from '../scenario/types'
import { toBracket, type Bracket } from './brackets'

interface Read {
  row: BracketRow
  bracket: Bracket
}

const read = new WeakMap<BracketRow, Read>()
const tables = new WeakMap<BracketRow[], Bracket[]>()

export function bracketsOf(rows: BracketRow[]): Bracket[] {
  const brackets = rows.map((r) => {
    const seen = read.get(r)
    if (seen && sameRow(seen.row, r)) return seen.bracket
    const bracket = toBracket(r)
    read.set(r, { row: { ...r }, bracket })
    return bracket
  })
  const last = tables.get(rows)
  if (last && last.length === brackets.length && last.every((b, k) => b === brackets[k])) return last
  tables.set(rows, brackets)
  return brackets
}

function sameRow(a: BracketRow, b: BracketRow): boolean {
  return a.notionalFloor === b.notionalFloor && a.notionalCap === b.notionalCap && a.maintMarginRatio === b.maintMarginRatio && a.cum === b.cum && a.initialLeverage === b.initialLeverage
}
