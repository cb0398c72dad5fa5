// Zod schema of scenario file version 2 (docs/scenario-format.md §3): version 1 plus commission,
// open orders, funding fields and a plan. Shapes only; cross-field checks in semantic-checks.ts.
import { z } from 'zod'
import { decimalString, scenarioV1Schema, symbolMarketSchema } from './schema-v1'

const name = z.string().min(1, { error: 'must not be empty' })
const integer = z.number().int({ error: 'expected an integer' })
const leverage = integer.min(1, { error: 'must be at least 1' })
const orderSide = z.enum(['buy', 'sell'])
const positionSide = z.enum(['long', 'short'])

export const commissionSchema = z.strictObject({ maker: decimalString, taker: decimalString })

export const openOrderSchema = z.strictObject({
  symbol: name,
  side: orderSide,
  positionSide: positionSide.optional(),
  quantity: decimalString,
  price: decimalString,
  type: z.enum(['limit', 'stop']),
  reduceOnly: z.boolean().optional(),
  leverage: leverage.optional()
})

const tradeStep = z.strictObject({
  kind: z.literal('trade'),
  symbol: name,
  side: orderSide,
  positionSide: positionSide.optional(),
  quantity: decimalString,
  price: decimalString.optional(),
  liquidity: z.enum(['taker', 'maker']).optional(),
  leverage: leverage.optional()
})
const transferStep = z.strictObject({ kind: z.literal('transfer'), asset: name, amount: decimalString })
const fundingStep = z.strictObject({ kind: z.literal('funding'), hours: integer.min(1, { error: 'must be at least 1 hour' }) })
const moveStep = z.strictObject({ kind: z.literal('move'), moves: z.record(z.string(), decimalString) })
const cancelOrdersStep = z.strictObject({ kind: z.literal('cancelOrders') })

export const STEP_KINDS = ['trade', 'transfer', 'funding', 'move', 'cancelOrders'] as const

/** One plan step; an unknown or missing `kind` is named at `plan[i].kind`. */
export const planStepSchema = z.discriminatedUnion('kind', [tradeStep, transferStep, fundingStep, moveStep, cancelOrdersStep], {
  error: `expected a step kind: ${STEP_KINDS.map((k) => `"${k}"`).join(', ')}`
})

export const symbolMarketV2Schema = symbolMarketSchema.extend({
  fundingRate: decimalString.optional(),
  fundingIntervalHours: integer.min(1, { error: 'must be at least 1 hour' }).optional()
})

export const scenarioV2Schema = scenarioV1Schema.extend({
  version: z.literal(2),
  account: scenarioV1Schema.shape.account.extend({
    commission: commissionSchema.optional(),
    openOrders: z.array(openOrderSchema).optional()
  }),
  market: scenarioV1Schema.shape.market.extend({
    symbols: z.record(z.string(), symbolMarketV2Schema)
  }),
  plan: z.array(planStepSchema).optional()
})
