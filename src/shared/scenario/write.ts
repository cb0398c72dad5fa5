// The canonical scenario file: keys in the documented order, optional keys only when present,
// two-space indentation, one trailing newline. Export → import → export is byte-identical.
// The version written is the lowest that holds the scenario: 1 unless a version 2 field is used
// (scenario-format.md §3), so older readers keep reading files that need nothing new.
import type { AssetMarket, BracketRow, OpenOrder, PlanStep, Position, Scenario, SymbolMarket } from './types'
import { nonEmpty, usesVersion2 } from './uses-version-2'

export { usesVersion2 }

function defined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T
}

const position = (p: Position): Position =>
  defined({
    symbol: p.symbol,
    side: p.side,
    quantity: p.quantity,
    entryPrice: p.entryPrice,
    leverage: p.leverage,
    marginType: p.marginType,
    isolatedWallet: p.isolatedWallet
  })

const bracket = (b: BracketRow): BracketRow => ({
  notionalFloor: b.notionalFloor,
  notionalCap: b.notionalCap,
  maintMarginRatio: b.maintMarginRatio,
  cum: b.cum,
  initialLeverage: b.initialLeverage
})

const symbolMarket = (m: SymbolMarket): SymbolMarket =>
  defined({
    baseAsset: m.baseAsset,
    marginAsset: m.marginAsset,
    markPrice: m.markPrice,
    brackets: m.brackets.map(bracket),
    fundingRate: m.fundingRate,
    fundingIntervalHours: m.fundingIntervalHours
  })

const openOrder = (o: OpenOrder): OpenOrder =>
  defined({
    symbol: o.symbol,
    side: o.side,
    positionSide: o.positionSide,
    quantity: o.quantity,
    price: o.price,
    type: o.type,
    reduceOnly: o.reduceOnly,
    leverage: o.leverage
  })

function planStep(step: PlanStep): PlanStep {
  switch (step.kind) {
    case 'trade':
      return defined({
        kind: step.kind,
        symbol: step.symbol,
        side: step.side,
        positionSide: step.positionSide,
        quantity: step.quantity,
        price: step.price,
        liquidity: step.liquidity,
        leverage: step.leverage
      })
    case 'transfer':
      return { kind: step.kind, asset: step.asset, amount: step.amount }
    case 'funding':
      return { kind: step.kind, hours: step.hours }
    case 'move':
      return { kind: step.kind, moves: { ...step.moves } }
    case 'cancelOrders':
      return { kind: step.kind }
  }
}

const assetMarket = (a: AssetMarket): AssetMarket =>
  defined({
    index: a.index,
    bidBuffer: a.bidBuffer,
    askBuffer: a.askBuffer,
    autoExchangeBidBuffer: a.autoExchangeBidBuffer,
    autoExchangeAskBuffer: a.autoExchangeAskBuffer,
    autoExchangeThreshold: a.autoExchangeThreshold
  })

const mapValues = <A, B>(rec: Record<string, A>, f: (a: A) => B): Record<string, B> =>
  Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, f(v)]))

/** A scenario as written to a file: version 1 or 2. */
export type ScenarioFile = Omit<Scenario, 'version'> & { version: 1 | 2 }

export function canonicalScenario(s: Scenario): ScenarioFile {
  return defined({
    format: s.format,
    version: usesVersion2(s) ? (2 as const) : (1 as const),
    name: s.name,
    notes: s.notes,
    account: defined({
      mode: s.account.mode,
      positionMode: s.account.positionMode,
      feeTier: s.account.feeTier,
      commission: s.account.commission && { maker: s.account.commission.maker, taker: s.account.commission.taker },
      balances: s.account.balances.map((b) => ({ asset: b.asset, wallet: b.wallet })),
      positions: s.account.positions.map(position),
      openOrders: nonEmpty(s.account.openOrders)?.map(openOrder)
    }),
    market: defined({
      asOf: s.market.asOf,
      source: s.market.source,
      symbols: mapValues(s.market.symbols, symbolMarket),
      assets: mapValues(s.market.assets, assetMarket)
    }),
    shocks: s.shocks?.map((k) => ({ name: k.name, moves: { ...k.moves } })),
    plan: nonEmpty(s.plan)?.map(planStep),
    extensions: s.extensions
  })
}

export function writeScenario(s: Scenario): string {
  return `${JSON.stringify(canonicalScenario(s), null, 2)}\n`
}
