// Positions from a CSV (issue 3: "dry-run preview, row-level errors, nothing saved until every row
// is valid"). The CSV replaces or extends a stored portfolio's positions; the WHOLE new scenario
// then goes through the one validator (parseScenarioValue), so unknown symbols, a second one-way
// position in a symbol or leverage above the table are refused too, and each problem on
// account.positions[i] is named by the CSV row (and column) it came from.
import { parseCsvRecords, parsePositionsCsv } from '../../shared/import/positions-csv'
import { parseScenarioValue } from '../../shared/scenario/parse'
import type { Position, Problem, Scenario } from '../../shared/scenario/types'
import type { Portfolio, PortfolioId, PositionsCsvChange, PositionsCsvPreview } from '../../shared/ipc/library-types'
import type { Library } from './library'
import { LibraryError, badInput } from './errors'

export type PositionsCsvMode = 'replace' | 'append'

export interface ImportPositionsCsvOptions {
  mode: PositionsCsvMode
  /** Validate and preview only; nothing is written. */
  dryRun?: boolean
  /** The revision the user looked at; a newer current revision is a CONFLICT. */
  baseRevision?: number
}

export interface ImportPositionsCsvResult {
  preview: PositionsCsvPreview
  /** The portfolio at its new revision; null on a dry run. */
  portfolio: Portfolio | null
}

export function importPositionsCsv(lib: Library, portfolioId: PortfolioId, text: string, options: ImportPositionsCsvOptions): ImportPositionsCsvResult {
  const current = lib.portfolios.get(portfolioId)
  if (current.deletedAt !== null) throw new LibraryError('NOT_FOUND', `portfolio ${portfolioId} is in the trash; restore it first`)
  if (options.baseRevision !== undefined && options.baseRevision !== current.revision) {
    throw new LibraryError('CONFLICT', `portfolio ${portfolioId} was saved elsewhere since revision ${options.baseRevision} (it is at revision ${current.revision}); reload it before importing`)
  }
  const parsed = parsePositionsCsv(text)
  if (!parsed.ok) throw badInput(parsed.problems, 'the positions CSV')
  const rows = csvRowNumbers(text)
  const before = current.scenario.account.positions
  const offset = options.mode === 'append' ? before.length : 0
  const after = options.mode === 'append' ? [...before, ...parsed.value] : parsed.value
  const candidate: Scenario = { ...current.scenario, account: { ...current.scenario.account, positions: after } }
  const checked = parseScenarioValue(candidate)
  if (!checked.ok) throw badInput(checked.problems.map((p) => toCsvProblem(p, offset, rows)), 'the positions CSV')

  const preview = previewChanges(options.mode, parsed.value.length, before, checked.value.account.positions, current.scenario.account.positionMode)
  if (options.dryRun) return { preview, portfolio: null }
  const portfolio = lib.portfolios.write(portfolioId, checked.value, undefined, 'import', current.revision)
  return { preview, portfolio }
}

/** The CSV row number (header = row 1, blank lines counted) of each position, in order. */
function csvRowNumbers(text: string): number[] {
  const records = parseCsvRecords(text)
  return records.ok ? records.value.slice(1).map((r) => r.row) : []
}

const POSITION_PATH = /^account\.positions\[(\d+)\](?:\.(\w+))?(.*)$/

/**
 * account.positions[i].field → "row R, column field" when position i came from the CSV; a
 * position already in the portfolio (append) is named as such. Positions named inside the
 * message ("already at account.positions[0]") are translated the same way.
 */
export function toCsvProblem(p: Problem, offset: number, rows: number[]): Problem {
  const name = (i: number): string | undefined => (i >= offset && rows[i - offset] !== undefined ? `row ${rows[i - offset]}` : undefined)
  const message = p.message.replace(/account\.positions\[(\d+)\]/g, (whole, i: string) => {
    const row = name(Number(i))
    return row ?? `existing position ${Number(i) + 1} (${whole})`
  })
  const m = POSITION_PATH.exec(p.path)
  if (!m) return { path: p.path, message }
  const row = name(Number(m[1]))
  if (row === undefined) return { path: p.path, message: `existing position ${Number(m[1]) + 1}: ${message}` }
  return { path: m[2] ? `${row}, column ${m[2]}${m[3] ?? ''}` : row, message }
}

/** One-way: a position is its symbol; hedge: its symbol and side (both are unique once valid). */
function legOf(p: Position, mode: Scenario['account']['positionMode']): string {
  return mode === 'one-way' ? p.symbol : `${p.symbol} ${p.side}`
}

const same = (a: Position, b: Position): boolean =>
  a.symbol === b.symbol &&
  a.side === b.side &&
  a.quantity === b.quantity &&
  a.entryPrice === b.entryPrice &&
  a.leverage === b.leverage &&
  a.marginType === b.marginType &&
  a.isolatedWallet === b.isolatedWallet

export function previewChanges(
  mode: PositionsCsvMode,
  rows: number,
  before: Position[],
  after: Position[],
  positionMode: Scenario['account']['positionMode']
): PositionsCsvPreview {
  const old = new Map(before.map((p) => [legOf(p, positionMode), p]))
  const next = new Map(after.map((p) => [legOf(p, positionMode), p]))
  const changes: PositionsCsvChange[] = []
  let unchanged = 0
  for (const [leg, p] of next) {
    const was = old.get(leg)
    if (!was) changes.push({ change: 'added', symbol: p.symbol, before: null, after: p })
    else if (!same(was, p)) changes.push({ change: 'changed', symbol: p.symbol, before: was, after: p })
    else unchanged++
  }
  for (const [leg, p] of old) if (!next.has(leg)) changes.push({ change: 'removed', symbol: p.symbol, before: p, after: null })
  return { mode, rows, before, after, changes, unchanged }
}
