// Market snapshots: named, dated sets of marks, index prices, buffers and bracket tables, stored
// as JSON text of market-shaped data. Applying one to a portfolio refreshes the market of the
// symbols and assets it has, never its positions or balances, and saves a new revision.
import { validateBracketTable } from '../../shared/market/bracket-validation'
import { joinPath } from '../../shared/json/strict-json'
import { Decimal, ZERO } from '../../shared/decimal'
import {
  snapshotMarketSchema,
  type ApplySummary,
  type PortfolioId,
  type Snapshot,
  type SnapshotKind,
  type SnapshotMarket,
  type SnapshotSummary
} from '../../shared/ipc/library-types'
import type { Problem, Scenario } from '../../shared/scenario/types'
import type { Db } from './database'
import { badInput, notFound } from './errors'
import type { Portfolios } from './portfolios'
import { nameProblems, validScenario } from './scenario-input'

interface SnapshotRow {
  id: number
  name: string
  kind: SnapshotKind
  as_of: string
  source: string | null
  market: string
  symbol_count: number
  asset_count: number
  created_at: string
}

export interface CreateSnapshotInput {
  name: string
  kind: SnapshotKind
  market: unknown
}

export class Snapshots {
  constructor(
    private readonly db: Db,
    private readonly now: () => string
  ) {}

  create(input: CreateSnapshotInput): SnapshotSummary {
    const market = validSnapshotMarket(input.market)
    const problems = nameProblems(input.name)
    if (problems.length > 0) throw badInput(problems, 'the snapshot name')
    const info = this.db
      .prepare('INSERT INTO market_snapshots (name, kind, as_of, source, market, symbol_count, asset_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        input.name.trim(),
        input.kind,
        market.asOf,
        market.source ?? null,
        JSON.stringify(market),
        Object.keys(market.symbols).length,
        Object.keys(market.assets).length,
        this.now()
      )
    return this.summary(Number(info.lastInsertRowid))
  }

  list(): SnapshotSummary[] {
    const rows = this.db
      .prepare('SELECT id, name, kind, as_of, source, symbol_count, asset_count, created_at FROM market_snapshots ORDER BY as_of DESC, id DESC')
      .all() as SnapshotRow[]
    return rows.map(toSummary)
  }

  get(id: number): Snapshot {
    const row = this.row(id)
    return { ...toSummary(row), market: JSON.parse(row.market) as SnapshotMarket }
  }

  delete(id: number): void {
    this.row(id)
    this.db.prepare('DELETE FROM market_snapshots WHERE id = ?').run(id)
  }

  private summary(id: number): SnapshotSummary {
    return toSummary(this.row(id))
  }

  private row(id: number): SnapshotRow {
    const row = this.db.prepare('SELECT * FROM market_snapshots WHERE id = ?').get(id) as SnapshotRow | undefined
    if (!row) throw notFound(`no market snapshot ${id} in the library`)
    return row
  }
}

/** Refreshes a portfolio's market from a snapshot; validated whole, saved as one new revision. */
export function applySnapshot(portfolios: Portfolios, snapshot: Snapshot, portfolioId: PortfolioId): ApplySummary {
  const current = portfolios.get(portfolioId)
  const merged = mergeMarket(current.scenario, snapshot)
  const scenario = validScenario(merged.scenario, `the portfolio with snapshot ${snapshot.id} applied`)
  const portfolio = portfolios.write(portfolioId, scenario, undefined, 'market', current.revision)
  return { portfolio, symbolsUpdated: merged.symbolsUpdated, assetsUpdated: merged.assetsUpdated, symbolsMissing: merged.symbolsMissing, assetsMissing: merged.assetsMissing }
}

/** Pure: the scenario with the snapshot's data laid over the symbols and assets it already has. */
export function mergeMarket(s: Scenario, snapshot: Pick<Snapshot, 'id' | 'name' | 'kind' | 'market'>) {
  const snap = snapshot.market
  const symbols = { ...s.market.symbols }
  const assets = { ...s.market.assets }
  const symbolsUpdated: string[] = []
  const symbolsMissing: string[] = []
  const assetsUpdated: string[] = []
  const assetsMissing: string[] = []
  let pricesMoved = false
  // Tick sizes (exchangeInfo) have no place in scenario v1: they live in extensions.binance.tickSizes.
  const tickSizes: Record<string, string> = {}
  for (const [symbol, m] of Object.entries(symbols)) {
    const from = Object.prototype.hasOwnProperty.call(snap.symbols, symbol) ? snap.symbols[symbol]! : undefined
    if (!from) {
      // margin-rules.md §9: fundingInfo lists the adjusted symbols only; one absent is back at 8 h.
      if (snapshot.kind === 'fundingInfo' && m.fundingIntervalHours !== undefined) {
        const rest = { ...m }
        delete rest.fundingIntervalHours
        symbols[symbol] = rest
      }
      symbolsMissing.push(symbol)
      continue
    }
    const fundingRate = from.fundingRate ?? m.fundingRate
    const fundingIntervalHours = from.fundingIntervalHours ?? m.fundingIntervalHours
    symbols[symbol] = {
      baseAsset: from.baseAsset ?? m.baseAsset,
      marginAsset: from.marginAsset ?? m.marginAsset,
      markPrice: from.markPrice ?? m.markPrice,
      brackets: from.brackets ? from.brackets.map((b) => ({ ...b })) : m.brackets,
      ...(fundingRate !== undefined ? { fundingRate } : {}),
      ...(fundingIntervalHours !== undefined ? { fundingIntervalHours } : {})
    }
    if (from.markPrice !== undefined) pricesMoved = true
    if (from.tickSize !== undefined) tickSizes[symbol] = from.tickSize
    symbolsUpdated.push(symbol)
  }
  for (const [asset, a] of Object.entries(assets)) {
    const from = Object.prototype.hasOwnProperty.call(snap.assets, asset) ? snap.assets[asset]! : undefined
    if (!from) {
      assetsMissing.push(asset)
      continue
    }
    const next = { ...a }
    for (const [k, v] of Object.entries(from)) if (v !== undefined) (next as Record<string, string>)[k] = v
    assets[asset] = next
    if (from.index !== undefined) pricesMoved = true
    assetsUpdated.push(asset)
  }
  const scenario: Scenario = {
    ...s,
    ...(Object.keys(tickSizes).length > 0 ? { extensions: withTickSizes(s.extensions, tickSizes) } : {}),
    market: {
      // asOf dates the prices: a brackets-only snapshot leaves it as it was.
      asOf: pricesMoved ? snap.asOf : s.market.asOf,
      source: `snapshot #${snapshot.id} "${snapshot.name}" (${snapshot.kind}, ${snap.asOf})${snap.source ? `: ${snap.source}` : ''}`,
      symbols,
      assets
    }
  }
  return { scenario, symbolsUpdated, assetsUpdated, symbolsMissing, assetsMissing }
}

export function validSnapshotMarket(value: unknown): SnapshotMarket {
  const shaped = snapshotMarketSchema.safeParse(value)
  if (!shaped.success) {
    throw badInput(
      shaped.error.issues.map((i) => ({ path: i.path.reduce<string>((p, k) => joinPath(p, k as string | number), '') || '(snapshot)', message: i.message })),
      'the market snapshot'
    )
  }
  const market = shaped.data as SnapshotMarket
  const problems: Problem[] = []
  for (const [symbol, m] of Object.entries(market.symbols)) {
    const at = joinPath('symbols', symbol)
    if (m.markPrice !== undefined && !new Decimal(m.markPrice).gt(ZERO)) problems.push({ path: `${at}.markPrice`, message: `the mark price must be positive, got ${m.markPrice}` })
    if (m.brackets) problems.push(...validateBracketTable(m.brackets, `${at}.brackets`, symbol))
  }
  for (const [asset, a] of Object.entries(market.assets)) {
    if (a.index !== undefined && !new Decimal(a.index).gt(ZERO)) problems.push({ path: `${joinPath('assets', asset)}.index`, message: `the index price must be positive, got ${a.index}` })
  }
  if (Object.keys(market.symbols).length + Object.keys(market.assets).length === 0) problems.push({ path: '(snapshot)', message: 'the snapshot holds no symbols and no assets' })
  if (problems.length > 0) throw badInput(problems, 'the market snapshot')
  return market
}

function toSummary(r: SnapshotRow): SnapshotSummary {
  return { id: r.id, name: r.name, kind: r.kind, asOf: r.as_of, source: r.source, symbols: r.symbol_count, assets: r.asset_count, createdAt: r.created_at }
}

/** extensions.binance.tickSizes with these laid over, every other key kept as it was. */
function withTickSizes(extensions: Scenario['extensions'], tickSizes: Record<string, string>): Record<string, unknown> {
  const ext = { ...(extensions ?? {}) }
  const binance = typeof ext.binance === 'object' && ext.binance !== null && !Array.isArray(ext.binance) ? { ...(ext.binance as Record<string, unknown>) } : {}
  const current = typeof binance.tickSizes === 'object' && binance.tickSizes !== null ? (binance.tickSizes as Record<string, string>) : {}
  binance.tickSizes = { ...current, ...tickSizes }
  ext.binance = binance
  return ext
}
