// The `compare --json` document (docs/scenario-format.md §2), plus compatible extensions.
// Every decimal is a full-precision string; `null` where a figure does not exist.
import type { MarginType, OrderSide, OrderType, PlanStepKind, Side } from '../scenario/types'

export type Dec = string

export interface SwitchNote {
  /** Stable code, e.g. ISOLATED_POSITION. */
  code: string
  /** Binance's error code for a refused switch (−4167 … −4172), when it has one. */
  binanceCode?: number
  message: string
}

export interface SwitchVerdict {
  allowed: boolean
  blockers: SwitchNote[]
  warnings: SwitchNote[]
}

export interface GroupResult {
  asset: string
  walletBalance: Dec
  crossWalletBalance: Dec
  unrealizedPnl: Dec
  marginBalance: Dec
  maintenanceMargin: Dec
  initialMargin: Dec
  marginRatio: Dec | null
  availableForOrder: Dec
  maxWithdrawable: Dec
  /** Version 2: open-order IM + open loss of the group's cross orders (margin-rules.md §7); part of initialMargin. */
  openOrderInitialMargin: Dec
}

export interface PositionResult {
  symbol: string
  side: Side
  positionSide: 'BOTH' | 'LONG' | 'SHORT'
  marginType: MarginType
  notional: Dec
  unrealizedPnl: Dec
  initialMargin: Dec
  maintenanceMargin: Dec
  maintMarginRatio: Dec
  cum: Dec
  liquidationPrice: Dec | null
  /** Extension: the highest leverage the bracket at mark allows. */
  maxLeverage: number
  /** Extension: the mark price used. */
  markPrice: Dec
  /** Extension: the liquidation price falls beyond the last bracket's cap (last bracket used). */
  liquidationBeyondLastBracket?: boolean
  /**
   * Extensions, on the positions of the mode the account is in, when the scenario holds Binance's
   * figures (extensions.binance from an account import): Binance's own liquidation price (null
   * where Binance shows "--"); whether Binance's mark differed from ours (then nothing is
   * compared); ours − Binance's; the tolerance used; and whether the difference exceeds it.
   */
  binanceLiquidationPrice?: Dec | null
  binanceMarkDiffers?: boolean
  liquidationPriceDifference?: Dec | null
  differenceTolerance?: DifferenceTolerance
  differsFromBinance?: boolean
}

/** One tick of the symbol (exchangeInfo), or ratio × Binance's price when the tick is unknown. */
export type DifferenceTolerance = { basis: 'tickSize'; amount: Dec } | { basis: 'relative'; amount: Dec; ratio: Dec }

export interface AssetResult {
  asset: string
  walletBalance: Dec
  unrealizedPnl: Dec
  equity: Dec
  /** bidRate when equity ≥ 0, askRate for a debt. */
  rate: Dec
  equityUsd: Dec
  availableForOrder: Dec
}

export interface AutoExchangeSale {
  asset: string
  quantity: Dec
  proceeds: Dec
  haircutCost: Dec
}

export interface AutoExchangeTrigger {
  asset: string
  reason: 'THRESHOLD' | 'LIQUIDATION' | 'LTV'
  deficit: Dec
  sales: AutoExchangeSale[]
  /** Extension: the threshold that was crossed (THRESHOLD), in units of the asset. */
  threshold?: Dec
  /** Extension: deficit left after selling every collateral asset. */
  remainingDeficit?: Dec
}

export interface AutoExchangeResult {
  ltv: Dec | null
  triggers: AutoExchangeTrigger[]
  /** Extension: the threshold in force for each asset and where it came from. */
  thresholds?: { asset: string; threshold: Dec; source: 'scenario' | 'fee-tier' | 'faq-2022' }[]
  /** Extension: the LTV at or above which the LTV trigger fires. */
  ltvTrigger?: Dec
}

/** Version 2: the margin one symbol's open orders hold, per position side (margin-rules.md §7). */
export interface OpenOrderMarginResult {
  symbol: string
  positionSide: 'BOTH' | 'LONG' | 'SHORT'
  marginAsset: string
  /** null when the symbol has no position and its orders hold nothing (stop or reduce-only only). */
  leverage: number | null
  /** Σ quantity × price of the limit buys / sells that count (not reduce-only, not stop). */
  bidValue: Dec
  askValue: Dec
  /** max(|N + BidValue|, |N − AskValue|) / L. */
  marginRequirement: Dec
  /** MR − |N| / L. */
  initialMargin: Dec
  /** Σ open loss of the opening orders. */
  openLoss: Dec
  /** initialMargin + openLoss, in units of the margin asset. */
  held: Dec
  /** Extension (Multi-Assets): held at the margin asset's askRate. */
  heldUsd?: Dec
  /** Orders counted / listed only (stop, reduce-only). */
  orders: number
  stopOrders: number
}

/** Version 2: Max Open for one symbol, side (and position side in hedge mode) (margin-rules.md §10). */
export interface MaxOpenEntry {
  symbol: string
  side: OrderSide
  positionSide: 'BOTH' | 'LONG' | 'SHORT'
  price: Dec
  quantity: Dec
  notional: Dec
  limitedBy: 'margin' | 'bracket'
  /** Extension: the leverage the order is margined at. */
  leverage?: number
}

export interface SingleAssetResult {
  switch: SwitchVerdict
  groups: GroupResult[]
  idleAssets: { asset: string; wallet: Dec }[]
  positions: PositionResult[]
  /** Version 2: per symbol and position side with open orders. */
  openOrders?: OpenOrderMarginResult[]
  /** Version 2. */
  maxOpen?: MaxOpenEntry[]
}

export interface MultiAssetsResult {
  switch: SwitchVerdict
  assets: AssetResult[]
  accountEquity: Dec
  accountMaintenanceMargin: Dec
  accountInitialMargin: Dec
  marginRatio: Dec | null
  uniAvailableForOrder: Dec
  autoExchange: AutoExchangeResult
  positions: PositionResult[]
  /** Version 2: Σ open-order IM + open loss in USD at each margin asset's askRate; part of accountInitialMargin. */
  accountOpenOrderInitialMargin: Dec
  /** Version 2. */
  openOrders?: OpenOrderMarginResult[]
  /** Version 2. */
  maxOpen?: MaxOpenEntry[]
}

export interface ShockGroupResult {
  asset: string
  marginRatio: Dec | null
  liquidated: boolean
  /** Extensions. */
  marginBalance: Dec
  maintenanceMargin: Dec
}

export interface ShockResult {
  name: string
  /** Extension: the moves applied. */
  moves: Record<string, Dec>
  singleAsset: {
    groups: ShockGroupResult[]
    /** Extension: isolated positions, each its own margin. */
    isolated: { symbol: string; positionSide: string; marginRatio: Dec | null; liquidated: boolean }[]
  }
  multiAssets: {
    marginRatio: Dec | null
    liquidated: boolean
    autoExchange: AutoExchangeTrigger[]
    /** Extensions. */
    accountEquity: Dec
    accountMaintenanceMargin: Dec
  }
}

/** Extension: the smallest move of one asset at which something is liquidated. */
export interface ShockToLiquidation {
  asset: string
  down: { singleAsset: MoveToLiquidation; multiAssets: MoveToLiquidation }
  up: { singleAsset: MoveToLiquidation; multiAssets: MoveToLiquidation }
}

export interface MoveToLiquidation {
  /** Relative move (−0.25 = the asset falls 25%); null when no move in that direction liquidates. */
  move: Dec | null
  /** What reaches 100% first: a group's asset ("USDT"), an isolated position ("ETHUSDT SHORT"), or "account". */
  by: string | null
  /** Extension: at that move some position's notional is beyond its last bracket's cap (the last bracket was used). */
  beyondLastBracket?: boolean
}

/** Version 2: an open order as listed (stop orders are listed, not counted). */
export interface OpenOrderListing {
  symbol: string
  side: OrderSide
  positionSide: 'BOTH' | 'LONG' | 'SHORT'
  type: OrderType
  quantity: Dec
  price: Dec
  reduceOnly: boolean
  /** q × |min(0, d × (mark − price))| for an opening limit order, else 0. */
  openLoss: Dec
}

/** Version 2: funding alone, prices and positions held (margin-rules.md §9). */
export interface FundingHorizon {
  perDay: { asset: string; amount: Dec }[]
  singleAsset: { groups: { asset: string; daysToLiquidation: Dec | null }[] }
  multiAssets: {
    daysToLiquidation: Dec | null
    autoExchange: { asset: string; daysToThreshold: Dec | null }[]
  }
}

/** Version 2: one step's outcome in one mode. A refused step changes nothing in that mode. */
export interface PlanStepModeResult {
  accepted: boolean
  /** When refused: INSUFFICIENT_MARGIN (−2019), MAX_NOTIONAL (−2027), … */
  code?: string
  binanceCode?: number
  message?: string
  /** trade: increase of MR + open loss (margin-rules.md §8), in the margin asset. */
  cost?: Dec
  /** trade: available for order before the step, in the margin asset like cost (Single-Asset: the group's; Multi-Assets: uni / askRate). */
  availableBefore?: Dec
  realizedPnl?: Dec
  commission?: Dec
  /** funding: the amount paid (< 0) or received per margin asset. */
  funding?: { asset: string; amount: Dec }[]
  /** Extensions: trade, the price it filled (or would have) at and the commission rate used; transfer, what the asset could give; cancelOrders, how many. */
  price?: Dec
  commissionRate?: Dec
  withdrawable?: Dec
  cancelledOrders?: number
}

export interface PlanStepResult {
  index: number
  kind: PlanStepKind
  singleAsset: PlanStepModeResult
  multiAssets: PlanStepModeResult
}

export interface PlanResult {
  steps: PlanStepResult[]
  /** The v1 sections for the end state of each mode (Auto-Exchange included). */
  after: { singleAsset: SingleAssetResult; multiAssets: MultiAssetsResult }
}

export interface CompareResult {
  scenario: string
  singleAsset: SingleAssetResult
  multiAssets: MultiAssetsResult
  shocks: ShockResult[]
  /** Extension. */
  shockToLiquidation: ShockToLiquidation[]
  /** Extension: how shockToLiquidation was solved. */
  shockToLiquidationMethod: string
  /** Version 2: the open orders as listed in the file (both modes hold the same orders). */
  openOrders?: OpenOrderListing[]
  /** Version 2: present when any symbol has a fundingRate. */
  fundingHorizon?: FundingHorizon
  /** Version 2: present when the scenario has a plan. */
  plan?: PlanResult
}
