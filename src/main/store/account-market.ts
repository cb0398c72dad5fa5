// An imported Binance account (balances + positions) becomes a scenario once it has a market:
// brackets, marks and asset indexes come from the library's snapshots (newest first), a mark
// missing from them falls back to the mark Binance reported in positionRisk. Anything still
// missing is named by its scenario path, with the file that would supply it.
import { parseBinanceAccount, type AccountFiles, type AccountImport } from '../../shared/import/account-import'
import type { Market, Problem, Scenario } from '../../shared/scenario/types'
import type { Portfolio, ScenarioPreview, Snapshot } from '../../shared/ipc/library-types'
import { joinPath } from '../../shared/json/strict-json'
import type { Library } from './library'
import { badInput } from './errors'
import { nameProblems, previewOf, validScenario } from './scenario-input'

export interface ImportAccountOptions {
  name?: string
  tags?: string[]
  /** Snapshots to take market data from, first wins; default: every snapshot, newest first. */
  snapshotIds?: number[]
  dryRun?: boolean
  now?: () => string
}

export interface ImportAccountResult {
  preview: ScenarioPreview
  /** What the importer inferred or assumed, and where market data came from. */
  notes: string[]
  portfolio: Portfolio | null
}

const QUOTES = ['USDT', 'USDC', 'FDUSD', 'BUSD']

export function importAccountTexts(lib: Library, files: AccountFiles, options: ImportAccountOptions = {}): ImportAccountResult {
  const parsed = parseBinanceAccount(files)
  if (!parsed.ok) throw badInput(parsed.problems, 'the account files')
  const name = options.name ?? 'Imported Binance account'
  const nameIssues = nameProblems(name)
  if (nameIssues.length > 0) throw badInput(nameIssues, 'the name')
  const snapshots = (options.snapshotIds ?? lib.snapshots.list().map((s) => s.id)).map((id) => lib.snapshots.get(id))
  const now = options.now ?? (() => new Date().toISOString())
  const importedAt = now()
  const { market, notes, problems, tickSizes } = assembleMarket(parsed.value, snapshots, importedAt)
  if (problems.length > 0) throw badInput(problems, 'the account import')
  const scenario: Scenario = validScenario(
    {
      format: 'margin-planner/scenario',
      version: 2,
      name: name.trim(),
      account: parsed.value.account,
      market,
      extensions: { binance: binanceExtension(parsed.value, importedAt, tickSizes) }
    },
    'the imported account'
  )
  const allNotes = [...parsed.value.notes, ...notes]
  const preview = previewOf(scenario)
  if (options.dryRun) return { preview, notes: allNotes, portfolio: null }
  return { preview, notes: allNotes, portfolio: lib.portfolios.create({ scenario, tags: options.tags, reason: 'import' }) }
}

/**
 * Binance's own figures, kept beside the scenario (scenario-format.md: extensions are kept
 * untouched) so compare can put Binance's liquidation price beside ours (engine/binance-check.ts):
 * one entry per account.positions entry, in the same order; liquidationPrice null where Binance
 * said "0" ("--"); the position as imported, so one edited since is not compared; tick sizes from
 * exchangeInfo snapshots.
 */
export function binanceExtension(imp: AccountImport, importedAt: string, tickSizes: Record<string, string>): Record<string, unknown> {
  return {
    source: 'GET /fapi/v2|v3/positionRisk (Binance account import)',
    importedAt,
    accountMode: imp.account.mode,
    positions: imp.account.positions.map((p, i) => {
      const b = imp.binance.find((x) => x.position === i)
      return {
        symbol: p.symbol,
        positionSide: b?.positionSide ?? 'BOTH',
        quantity: p.quantity,
        entryPrice: p.entryPrice,
        marginType: p.marginType,
        markPrice: b?.markPrice ?? null,
        liquidationPrice: b?.liquidationPrice ?? null
      }
    }),
    tickSizes
  }
}

/** Pure: the market an imported account needs, from snapshots (first wins) and Binance's marks. */
export function assembleMarket(
  imp: AccountImport,
  snapshots: Snapshot[],
  now: string
): { market: Market; notes: string[]; problems: Problem[]; tickSizes: Record<string, string> } {
  const tickSizes: Record<string, string> = {}
  const problems: Problem[] = []
  const notes: string[] = []
  const market: Market = { asOf: now, source: 'Binance account import', symbols: {}, assets: {} }
  const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k)
  const used = new Set<Snapshot>()
  const first = <T>(pick: (s: Snapshot) => T | undefined): T | undefined => {
    for (const s of snapshots) {
      const v = pick(s)
      if (v !== undefined) {
        used.add(s)
        return v
      }
    }
    return undefined
  }

  const neededAssets = new Set(imp.account.balances.map((b) => b.asset))
  // Version 2: an open order's symbol needs its market like a position's.
  const symbols = [...new Set([...imp.account.positions.map((p) => p.symbol), ...(imp.account.openOrders ?? []).map((o) => o.symbol)])]
  for (const symbol of symbols) {
    const at = joinPath('market.symbols', symbol)
    const sym = (s: Snapshot) => (has(s.market.symbols, symbol) ? s.market.symbols[symbol]! : undefined)
    const brackets = first((s) => sym(s)?.brackets)
    const inferred = inferAssets(symbol)
    const baseAsset = first((s) => sym(s)?.baseAsset) ?? inferred?.baseAsset
    const marginAsset = first((s) => sym(s)?.marginAsset) ?? inferred?.marginAsset
    // Not through first(): a tick size dates nothing, so it never moves market.asOf.
    const tickSize = snapshots.map((s) => sym(s)?.tickSize).find((t) => t !== undefined)
    if (tickSize !== undefined) tickSizes[symbol] = tickSize
    let markPrice = first((s) => sym(s)?.markPrice)
    if (markPrice === undefined) {
      markPrice = imp.binance.find((b) => b.symbol === symbol && b.markPrice !== null)?.markPrice ?? undefined
      if (markPrice !== undefined) notes.push(`${symbol}: mark price ${markPrice} from positionRisk (no premiumIndex snapshot has it)`)
    }
    if (!brackets) problems.push({ path: `${at}.brackets`, message: `no bracket table for ${symbol}: import Binance's leverageBracket (or ccxt's leverage tiers) with "market import" first` })
    if (markPrice === undefined) problems.push({ path: `${at}.markPrice`, message: `no mark price for ${symbol}: import Binance's premiumIndex with "market import" first` })
    if (baseAsset === undefined || marginAsset === undefined) problems.push({ path: `${at}.marginAsset`, message: `cannot tell the base and margin asset of ${symbol}: import a ccxt leverage-tier file, which names them` })
    // Version 2 (margin-rules.md §9): funding rate (premiumIndex) and interval (fundingInfo).
    const fundingRate = first((s) => sym(s)?.fundingRate)
    const fundingIntervalHours = first((s) => sym(s)?.fundingIntervalHours)
    if (brackets && markPrice !== undefined && baseAsset !== undefined && marginAsset !== undefined) {
      market.symbols[symbol] = {
        baseAsset,
        marginAsset,
        markPrice,
        brackets,
        ...(fundingRate !== undefined ? { fundingRate } : {}),
        ...(fundingIntervalHours !== undefined ? { fundingIntervalHours } : {})
      }
      neededAssets.add(marginAsset)
    }
  }
  for (const asset of [...neededAssets].sort()) {
    const a = first((s) => (has(s.market.assets, asset) ? s.market.assets[asset] : undefined))
    if (a?.index === undefined) {
      problems.push({ path: `${joinPath('market.assets', asset)}.index`, message: `no index price for ${asset}: import Binance's assetIndex with "market import" first` })
      continue
    }
    market.assets[asset] = { ...a, index: a.index, bidBuffer: a.bidBuffer ?? '0', askBuffer: a.askBuffer ?? '0' }
  }
  const sources = [...used]
  if (sources.length > 0) {
    market.asOf = sources.map((s) => s.asOf).sort()[0]!
    market.source = `Binance account import; market from snapshots ${sources.map((s) => `#${s.id} "${s.name}"`).join(', ')}`
    notes.push(`market data from snapshots ${sources.map((s) => `#${s.id}`).join(', ')} (asOf ${market.asOf}, the oldest used)`)
  }
  return { market, notes, problems, tickSizes }
}

function inferAssets(symbol: string): { baseAsset: string; marginAsset: string } | undefined {
  const core = symbol.replace(/_[0-9]{6}$/, '')
  for (const q of QUOTES) if (core.endsWith(q) && core.length > q.length) return { baseAsset: core.slice(0, -q.length), marginAsset: q }
  return undefined
}
