// The scenario file, versions 1 and 2 (docs/scenario-format.md §1, §3). Every amount, price and rate is a
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

/** Version 2: maker/taker commission rates (margin-rules.md §8); default from feeTier. */
export interface Commission {
  maker: DecimalString
  taker: DecimalString
}

export type OrderSide = 'buy' | 'sell'
/** `limit` holds margin; `stop` holds none until it triggers (margin-rules.md §7). */
export type OrderType = 'limit' | 'stop'

/** Version 2: an open order (scenario-format.md §3). */
export interface OpenOrder {
  symbol: string
  side: OrderSide
  /** Hedge mode only (required there): the position side the order belongs to. */
  positionSide?: Side
  quantity: DecimalString
  /** The limit price (a stop order: its stop price). */
  price: DecimalString
  type: OrderType
  /** One-way mode only. */
  reduceOnly?: boolean
  /** The symbol's leverage when it has no position (else the position's applies). */
  leverage?: number
}

export interface Account {
  mode: AccountMode
  positionMode: PositionMode
  feeTier?: FeeTier
  /** Version 2. */
  commission?: Commission
  balances: Balance[]
  positions: Position[]
  /** Version 2. */
  openOrders?: OpenOrder[]
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
  /** Version 2: funding rate per settlement, may be negative (margin-rules.md §9). */
  fundingRate?: DecimalString
  /** Version 2: hours between settlements; 8 when absent. */
  fundingIntervalHours?: number
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

export type Liquidity = 'taker' | 'maker'

/** Version 2 plan steps (scenario-format.md §3, margin-rules.md §8–9). */
export interface TradeStep {
  kind: 'trade'
  symbol: string
  side: OrderSide
  /** Hedge mode only (required there). */
  positionSide?: Side
  quantity: DecimalString
  /** Default: the symbol's mark at that step. */
  price?: DecimalString
  /** Default: taker. */
  liquidity?: Liquidity
  /** Required when the symbol has no position (and no earlier trade gave one). */
  leverage?: number
}

export interface TransferStep {
  kind: 'transfer'
  asset: string
  /** Signed: a deposit > 0, a withdrawal < 0. */
  amount: DecimalString
}

export interface FundingStep {
  kind: 'funding'
  /** Whole hours; the settlements are the whole funding intervals in it. */
  hours: number
}

export interface MoveStep {
  kind: 'move'
  /** As in a shock; kept for the later steps. */
  moves: Record<string, DecimalString>
}

export interface CancelOrdersStep {
  kind: 'cancelOrders'
}

export type PlanStep = TradeStep | TransferStep | FundingStep | MoveStep | CancelOrdersStep
export type PlanStepKind = PlanStep['kind']

export interface Scenario {
  format: 'margin-planner/scenario'
  /** In memory always 2 (a version 1 file is read as version 2); the writer writes 1 when no version 2 field is used. */
  version: 2
  name: string
  notes?: string
  account: Account
  market: Market
  shocks?: Shock[]
  /** Version 2. */
  plan?: PlanStep[]
  extensions?: Record<string, unknown>
}

/** One problem with an input, named by its JSON path (`account.positions[2].entryPrice`). */
export interface Problem {
  path: string
  message: string
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] }
