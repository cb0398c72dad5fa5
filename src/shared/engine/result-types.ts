// The `compare --json` document (docs/scenario-format.md §2), plus compatible extensions.
// Every decimal is a full-precision string; `null` where a figure does not exist.
import type { MarginType, Side } from '../scenario/types'

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

export interface SingleAssetResult {
  switch: SwitchVerdict
  groups: GroupResult[]
  idleAssets: { asset: string; wallet: Dec }[]
  positions: PositionResult[]
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

export interface CompareResult {
  scenario: string
  singleAsset: SingleAssetResult
  multiAssets: MultiAssetsResult
  shocks: ShockResult[]
  /** Extension. */
  shockToLiquidation: ShockToLiquidation[]
  /** Extension: how shockToLiquidation was solved. */
  shockToLiquidationMethod: string
}
