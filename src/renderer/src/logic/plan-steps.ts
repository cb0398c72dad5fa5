// The plan's steps in words (ui.md "Planning"): each step a sentence ("Sell 2 ETHUSDT at 3,050,
// taker") and, when a mode refuses it, Binance's reason and code ("−2019 margin is insufficient:
// needs 612.40 USDC, has 300.00"). Decimals stay strings; only display rounding here.
import { Decimal } from '../../../shared/decimal'
import type { PlanStepModeResult } from '../../../shared/engine'
import type { PlanStep, Scenario } from '../../../shared/scenario'
import { assetPlaces, formatAmount, groupThousands } from '../../../shared/format'

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

function safe(v: unknown, f: (x: string) => string): string {
  try {
    return f(String(v))
  } catch {
    return String(v ?? '')
  }
}

/** "−10%" for a move "-0.1" (the typographic minus, as everywhere in the app). */
export function moveWords(moves: Record<string, string>): string {
  return Object.entries(moves)
    .map(([asset, m]) => safe(m, (x) => {
      const pct = new Decimal(x).times(100)
      return `${asset} ${pct.gte(0) ? '+' : '−'}${groupThousands(pct.abs().toString())}%`
    }))
    .join(', ')
}

/** Hours as the funding step's sentence says them: "3 days (72 h)", "8 h". */
export function hoursWords(hours: number): string {
  if (hours % 24 === 0) return `${hours / 24} day${hours === 24 ? '' : 's'} (${hours} h)`
  return `${hours} h`
}

/** The step as one sentence. The draft may be invalid: every field is read defensively. */
export function stepSentence(step: PlanStep, scenario: Pick<Scenario, 'market'> | null): string {
  switch (step.kind) {
    case 'trade': {
      const where = step.price ? `at ${safe(step.price, groupThousands)}` : 'at mark'
      const side = step.positionSide ? ` ${step.positionSide.toUpperCase()}` : ''
      const lev = step.leverage ? `, ${step.leverage}x` : ''
      return `${cap(step.side)} ${safe(step.quantity, groupThousands)} ${step.symbol}${side} ${where}, ${step.liquidity ?? 'taker'}${lev}`
    }
    case 'transfer': {
      const amount = safe(step.amount, (x) => groupThousands(new Decimal(x).abs().toString()))
      return `${safe(step.amount, (x) => (new Decimal(x).lt(0) ? 'Withdraw' : 'Deposit'))} ${amount} ${step.asset}`
    }
    case 'funding': {
      const rated = Object.values(scenario?.market.symbols ?? {}).some((s) => s.fundingRate !== undefined)
      return `Pay or receive ${hoursWords(step.hours)} of funding${rated ? ' at today’s rates' : ' (no symbol has a funding rate)'}`
    }
    case 'move':
      return `Market moves: ${moveWords(step.moves)}`
    case 'cancelOrders':
      return 'Cancel every open order'
  }
}

/** Binance's words for its refusal codes (FAQ error codes; margin-rules.md §8). */
const BINANCE_REASON: Record<number, string> = {
  [-2019]: 'margin is insufficient',
  [-2027]: 'exceeded the maximum allowable position at current leverage',
  [-2022]: 'ReduceOnly order is rejected'
}

/** "−2019 margin is insufficient: needs 612.40 USDC, has 300.00" — or the engine's message for other refusals. */
export function refusalText(o: PlanStepModeResult, marginAsset: string | null): string {
  if (o.accepted) return ''
  const code = o.binanceCode !== undefined ? `−${Math.abs(o.binanceCode)} ` : ''
  if (o.code === 'INSUFFICIENT_MARGIN' && o.cost !== undefined && o.availableBefore !== undefined && marginAsset) {
    const places = assetPlaces(marginAsset)
    return `${code}margin is insufficient: needs ${formatAmount(o.cost, places)} ${marginAsset}, has ${formatAmount(o.availableBefore, places)}`
  }
  const reason = o.binanceCode !== undefined ? BINANCE_REASON[o.binanceCode] : undefined
  return `${code}${reason ? `${reason}: ` : ''}${o.message ?? o.code ?? 'refused'}`
}

/** The margin asset a step's cost is counted in (a trade's symbol's), or null. */
export function stepMarginAsset(step: PlanStep, scenario: Pick<Scenario, 'market'> | null): string | null {
  if (step.kind === 'trade') return scenario?.market.symbols[step.symbol]?.marginAsset ?? null
  if (step.kind === 'transfer') return step.asset
  return null
}

/** What an accepted step did, in a few words ("realized +1,000.00, fee 2.22 USDT"). */
export function outcomeText(o: PlanStepModeResult, step: PlanStep, scenario: Pick<Scenario, 'market'> | null): string {
  if (!o.accepted) return ''
  const asset = stepMarginAsset(step, scenario) ?? ''
  const places = assetPlaces(asset)
  const unit = asset ? ` ${asset}` : ''
  const parts: string[] = []
  if (o.realizedPnl !== undefined && !new Decimal(o.realizedPnl).isZero()) {
    parts.push(`realized ${new Decimal(o.realizedPnl).gt(0) ? '+' : ''}${formatAmount(o.realizedPnl, places)}${unit}`)
  }
  if (o.commission !== undefined) parts.push(`fee ${formatAmount(o.commission, places)}${unit}`)
  if (o.cost !== undefined && new Decimal(o.cost).gt(0)) parts.push(`margin ${formatAmount(o.cost, places)}${unit}`)
  for (const f of o.funding ?? []) parts.push(`${new Decimal(f.amount).gte(0) ? '+' : ''}${formatAmount(f.amount, assetPlaces(f.asset))} ${f.asset}`)
  if (o.cancelledOrders !== undefined) parts.push(`${o.cancelledOrders} order${o.cancelledOrders === 1 ? '' : 's'} cancelled`)
  return parts.join(', ')
}
