// Zod schema of scenario file version 1 (docs/scenario-format.md §1). Shapes only; the checks
// that relate fields to each other live in semantic-checks.ts.
import { z } from 'zod'
import { DECIMAL_PATTERN } from '../decimal'

/** Marker message: the issue formatter rewrites it with the offending value as written. */
export const EXPECTED_DECIMAL = 'expected a decimal string'

export const decimalString = z
  .string({ error: EXPECTED_DECIMAL })
  .regex(DECIMAL_PATTERN, { error: EXPECTED_DECIMAL })

const name = z.string().min(1, { error: 'must not be empty' })
const integer = z.number().int({ error: 'expected an integer' })

export const bracketRowSchema = z.strictObject({
  notionalFloor: decimalString,
  notionalCap: decimalString,
  maintMarginRatio: decimalString,
  cum: decimalString,
  initialLeverage: integer.min(1, { error: 'must be at least 1' })
})

export const positionSchema = z.strictObject({
  symbol: name,
  side: z.enum(['long', 'short']),
  quantity: decimalString,
  entryPrice: decimalString,
  leverage: integer.min(1, { error: 'must be at least 1' }),
  marginType: z.enum(['cross', 'isolated']),
  isolatedWallet: decimalString.optional()
})

export const symbolMarketSchema = z.strictObject({
  baseAsset: name,
  marginAsset: name,
  markPrice: decimalString,
  brackets: z.array(bracketRowSchema)
})

export const assetMarketSchema = z.strictObject({
  index: decimalString,
  bidBuffer: decimalString,
  askBuffer: decimalString,
  autoExchangeBidBuffer: decimalString.optional(),
  autoExchangeAskBuffer: decimalString.optional(),
  autoExchangeThreshold: decimalString.optional()
})

export const marketSchema = z.strictObject({
  asOf: z.string().min(1, { error: 'must not be empty' }),
  source: z.string().optional(),
  symbols: z.record(z.string(), symbolMarketSchema),
  assets: z.record(z.string(), assetMarketSchema)
})

export const scenarioV1Schema = z.strictObject({
  format: z.literal('margin-planner/scenario'),
  version: z.literal(1),
  name: name,
  notes: z.string().optional(),
  account: z.strictObject({
    mode: z.enum(['single-asset', 'multi-assets']),
    positionMode: z.enum(['one-way', 'hedge']),
    feeTier: z.enum(['regular', 'vip1', 'vip2-plus']).optional(),
    balances: z.array(z.strictObject({ asset: name, wallet: decimalString })),
    positions: z.array(positionSchema)
  }),
  market: marketSchema,
  shocks: z.array(z.strictObject({ name: name, moves: z.record(z.string(), decimalString) })).optional(),
  // Kept and passed through untouched (the one place unknown keys are welcome).
  extensions: z.record(z.string(), z.unknown()).optional()
})
