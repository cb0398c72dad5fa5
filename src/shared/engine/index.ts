// The margin engine's public face: what the CLI, main process and renderer call.
export { compareScenario, type CompareOptions } from './compare'
export { prepareAccount, type PreparedAccount } from './prepare'
export { sweepMarginRatios, type MarginRatioSweep, type RatioPoint } from './sweep'
export { shockAssets } from './shock-to-liquidation'
export { shockedScenario } from './shocked-scenario'
export type * from './result-types'
