// Checks a symbol's bracket table (margin-rules.md §2): sorted, contiguous from 0, caps above
// floors, 0 ≤ MMR < 1 (a zero first tier is valid), leverage ≥ 1, and the cum recurrence exactly (no tolerance: every one of
// the 5,835 brackets of Binance's real table satisfies it exactly).
import { Decimal, ONE, ZERO, compare, str } from '../decimal'
import type { BracketRow, Problem } from '../scenario/types'

// Real tables repeat the same few floors, caps and ratios across hundreds of symbols; Decimals are
// immutable, so one parsed instance per text is shared (a bounded cache: parse speed, issue 10).
const parsed = new Map<string, Decimal>()
function decimalOf(text: string): Decimal {
  let d = parsed.get(text)
  if (d === undefined) {
    if (parsed.size >= 4096) parsed.clear()
    d = new Decimal(text)
    parsed.set(text, d)
  }
  return d
}

// Real tables repeat too (Binance's 687 symbols share 165 tables): a table found valid is valid
// again, whatever its symbol (the checks read only its rows). Bounded like the decimals above.
const validTables = new Set<string>()
function tableKey(rows: BracketRow[]): string {
  return JSON.stringify(rows.map((r) => [r.notionalFloor, r.notionalCap, r.maintMarginRatio, r.cum]))
}

export function validateBracketTable(rows: BracketRow[], path: string, symbol: string): Problem[] {
  const problems: Problem[] = []
  if (rows.length === 0) return [{ path, message: `${symbol} has no brackets` }]
  const key = tableKey(rows)
  if (validTables.has(key)) return problems
  let prev: { cap: Decimal; mmr: Decimal; cum: Decimal } | null = null
  rows.forEach((row, n) => {
    const at = `${path}[${n}]`
    const floor = decimalOf(row.notionalFloor)
    const cap = decimalOf(row.notionalCap)
    const mmr = decimalOf(row.maintMarginRatio)
    const cum = decimalOf(row.cum)
    if (prev === null) {
      if (!floor.isZero()) problems.push({ path: `${at}.notionalFloor`, message: `the first bracket of ${symbol} must start at 0, got ${row.notionalFloor}` })
    } else if (compare(floor, prev.cap) !== 0) {
      problems.push({
        path: `${at}.notionalFloor`,
        message: `bracket ${n + 1} of ${symbol} must start where bracket ${n} ends (${str(prev.cap)}), got ${row.notionalFloor}`
      })
    }
    if (!(compare(cap, floor) > 0)) problems.push({ path: `${at}.notionalCap`, message: `bracket ${n + 1} of ${symbol}: notionalCap ${row.notionalCap} must be above notionalFloor ${row.notionalFloor}` })
    // margin-rules.md §2: 0 ≤ MMR < 1; a zero first tier is valid (freqtrade's tests use one).
    if (compare(mmr, ZERO) < 0 || !(compare(mmr, ONE) < 0)) problems.push({ path: `${at}.maintMarginRatio`, message: `bracket ${n + 1} of ${symbol}: maintMarginRatio must be at least 0 and below 1, got ${row.maintMarginRatio}` })
    // cum₁ = 0, cumₙ = cumₙ₋₁ + floorₙ × (MMRₙ − MMRₙ₋₁): keeps MM continuous at every floor.
    const expected = prev === null ? ZERO : prev.cum.plus(floor.times(mmr.minus(prev.mmr)))
    // compare: the checks of a 687-symbol table copy no Decimal (decimal.ts).
    if (compare(cum, expected) !== 0) {
      problems.push({
        path: `${at}.cum`,
        message: `bracket ${n + 1} of ${symbol}: cum must be ${str(expected)} by the recurrence cumₙ = cumₙ₋₁ + floorₙ × (MMRₙ − MMRₙ₋₁), got ${row.cum}`
      })
    }
    // Chain on the expected cum so one wrong value is reported once, not again at the next bracket.
    prev = { cap, mmr, cum: expected }
  })
  if (problems.length === 0) {
    if (validTables.size >= 4096) validTables.clear()
    validTables.add(key)
  }
  return problems
}
