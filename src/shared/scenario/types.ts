// The scenario file, version 1 (docs/scenario-format.md §1). Every amount, price and rate is a
// decimal string; counts and leverage are integers. This is the validated, in-memory shape.

export type DecimalString = string

export type AccountMode = 'single-asset' | 'multi-assets'
export type PositionMode = 'one-way' | 'hedge'
export type FeeTier = 'regular' | 'vip1' | 'vip2-plus'
export type Side = 'long' | 'short'
export type MarginType = 'cross' | 'isolated'

export interface Balance {
  asset: string
  wallet: DecimalString
}

export interface Position {
  symbol: string
  side: Side
  quantity: DecimalString
  entryPrice: DecimalString
  leverage: number
  marginType: MarginType
  isolatedWallet?: DecimalString
}

export interface Account {
  mode: AccountMode
  positionMode: PositionMode
  feeTier?: FeeTier
  balances: Balance[]
  positions: Position[]
}

export interface BracketRow {
  notionalFloor: DecimalString
  notionalCap: DecimalString
  maintMarginRatio: DecimalString
  cum: DecimalString
  initialLeverage: number
}

export interface SymbolMarket {
  baseAsset: string
  marginAsset: string
  markPrice: DecimalString
  brackets: BracketRow[]
}

export interface AssetMarket {
  index: DecimalString
  bidBuffer: DecimalString
  askBuffer: DecimalString
  autoExchangeBidBuffer?: DecimalString
  autoExchangeAskBuffer?: DecimalString
  autoExchangeThreshold?: DecimalString
}

export interface Market {
  asOf: string
  source?: string
  symbols: Record<string, SymbolMarket>
  assets: Record<string, AssetMarket>
}

export interface Shock {
  name: string
  moves: Record<string, DecimalString>
}

export interface Scenario {
  format: 'margin-planner/scenario'
  version: 1
  name: string
  notes?: string
  account: Account
  market: Market
  shocks?: Shock[]
  extensions?: Record<string, unknown>
}

/** One problem with an input, named by its JSON path (`account.positions[2].entryPrice`). */
export interface Problem {
  path: string
  message: string
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] }
