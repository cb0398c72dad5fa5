// What the library holds, as it crosses IPC and the CLI: plain JSON, decimal strings, ISO times.
import { z } from 'zod'
import { bracketRowSchema, decimalString } from '../scenario/schema-v1'
import type { AssetMarket, BracketRow, DecimalString, Position, Scenario } from '../scenario/types'

export type PortfolioId = number

/** Why a revision was written. */
export type RevisionReason = 'create' | 'save' | 'rename' | 'market' | 'restore' | 'duplicate' | 'import'

export interface PortfolioSummary {
  id: PortfolioId
  name: string
  tags: string[]
  /** Symbols of its positions and market, for search and display. */
  symbols: string[]
  /** Number of the current revision (1 for a new portfolio). */
  revision: number
  createdAt: string
  updatedAt: string
  /** Set while the portfolio is in the trash. */
  deletedAt: string | null
}

export interface Portfolio extends PortfolioSummary {
  /** Mirrors scenario.notes ('' when absent). */
  notes: string
  scenario: Scenario
}

export interface RevisionSummary {
  revision: number
  reason: RevisionReason
  name: string
  savedAt: string
  /** True for the revision the portfolio holds now. */
  current: boolean
}

export interface Revision extends RevisionSummary {
  tags: string[]
  scenario: Scenario
}

export interface ListQuery {
  /** Case-insensitive: part of the name, a whole tag, or part of a symbol. */
  text?: string
  tag?: string
  symbol?: string
  /** List the trash instead of the live portfolios. */
  trash?: boolean
}

/** What an import would create (dry run) or created. */
export interface ScenarioPreview {
  name: string
  balances: number
  positions: number
  /** Version 2. */
  openOrders: number
  symbols: number
  assets: number
  shocks: number
}

/** One position the CSV adds, changes or removes (one-way: by symbol; hedge: by symbol and side). */
export interface PositionsCsvChange {
  change: 'added' | 'changed' | 'removed'
  symbol: string
  before: Position | null
  after: Position | null
}

/** What a positions CSV does to a portfolio (dry run) or did. */
export interface PositionsCsvPreview {
  /** replace: the CSV is the new list; append: it follows the portfolio's positions. */
  mode: 'replace' | 'append'
  /** Positions read from the CSV. */
  rows: number
  before: Position[]
  after: Position[]
  changes: PositionsCsvChange[]
  /** Positions identical before and after. */
  unchanged: number
}

// ---- market snapshots -------------------------------------------------------------------

/** One symbol's market data as a snapshot knows it; a brackets-only snapshot has no mark. */
export interface SnapshotSymbol {
  baseAsset?: string
  marginAsset?: string
  markPrice?: DecimalString
  brackets?: BracketRow[]
  /** Binance's price step (exchangeInfo PRICE_FILTER tickSize). Not a scenario v1 field: applied
   * to a portfolio it goes under extensions.binance.tickSizes. */
  tickSize?: DecimalString
  /** Version 2: premiumIndex lastFundingRate, fundingInfo fundingIntervalHours (margin-rules.md §9). */
  fundingRate?: DecimalString
  fundingIntervalHours?: number
}

export type SnapshotAsset = Partial<AssetMarket>

/** `market`-shaped data (scenario-format.md §1) in which every field is optional. */
export interface SnapshotMarket {
  asOf: string
  source?: string
  symbols: Record<string, SnapshotSymbol>
  assets: Record<string, SnapshotAsset>
}

/** Which Binance response filled it (parseMarketFile's kinds), or 'market' for a merged set. */
export type SnapshotKind = 'brackets' | 'premiumIndex' | 'assetIndex' | 'exchangeInfo' | 'fundingInfo' | 'market'

export interface SnapshotSummary {
  id: number
  name: string
  kind: SnapshotKind
  asOf: string
  source: string | null
  symbols: number
  assets: number
  createdAt: string
}

export interface Snapshot extends SnapshotSummary {
  market: SnapshotMarket
}

/** What applying a snapshot changed. */
export interface ApplySummary {
  portfolio: Portfolio
  symbolsUpdated: string[]
  assetsUpdated: string[]
  /** The portfolio's symbols / assets the snapshot has nothing for (left as they were). */
  symbolsMissing: string[]
  assetsMissing: string[]
}

const name = z.string().min(1)

export const snapshotMarketSchema = z.strictObject({
  asOf: z.string().min(1),
  source: z.string().optional(),
  symbols: z.record(
    z.string(),
    z.strictObject({
      baseAsset: name.optional(),
      marginAsset: name.optional(),
      markPrice: decimalString.optional(),
      brackets: z.array(bracketRowSchema).optional(),
      tickSize: decimalString.optional(),
      /** Version 2 (margin-rules.md §9): premiumIndex lastFundingRate, fundingInfo interval. */
      fundingRate: decimalString.optional(),
      fundingIntervalHours: z.number().int().min(1).optional()
    })
  ),
  assets: z.record(
    z.string(),
    z.strictObject({
      index: decimalString.optional(),
      bidBuffer: decimalString.optional(),
      askBuffer: decimalString.optional(),
      autoExchangeBidBuffer: decimalString.optional(),
      autoExchangeAskBuffer: decimalString.optional(),
      autoExchangeThreshold: decimalString.optional()
    })
  )
})

/** What a market file import created (market:import, `market import`). */
export interface ImportMarketResult {
  kind: SnapshotKind
  name: string
  asOf: string
  symbols: number
  assets: number
  /** Non-fatal notes from the importer (rates that disagree with the buffers, skipped symbols). */
  warnings: { path: string; message: string }[]
  /** null on a dry run. */
  snapshot: SnapshotSummary | null
}
