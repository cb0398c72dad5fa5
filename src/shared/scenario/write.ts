// The canonical scenario file: keys in the documented order, optional keys only when present,
// two-space indentation, one trailing newline. Export → import → export is byte-identical.
import type { AssetMarket, BracketRow, Position, Scenario, SymbolMarket } from './types'

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

const symbolMarket = (m: SymbolMarket): SymbolMarket => ({
  baseAsset: m.baseAsset,
  marginAsset: m.marginAsset,
  markPrice: m.markPrice,
  brackets: m.brackets.map(bracket)
})

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

export function canonicalScenario(s: Scenario): Scenario {
  return defined({
    format: s.format,
    version: s.version,
    name: s.name,
    notes: s.notes,
    account: defined({
      mode: s.account.mode,
      positionMode: s.account.positionMode,
      feeTier: s.account.feeTier,
      balances: s.account.balances.map((b) => ({ asset: b.asset, wallet: b.wallet })),
      positions: s.account.positions.map(position)
    }),
    market: defined({
      asOf: s.market.asOf,
      source: s.market.source,
      symbols: mapValues(s.market.symbols, symbolMarket),
      assets: mapValues(s.market.assets, assetMarket)
    }),
    shocks: s.shocks?.map((k) => ({ name: k.name, moves: { ...k.moves } })),
    extensions: s.extensions
  })
}

export function writeScenario(s: Scenario): string {
  return `${JSON.stringify(canonicalScenario(s), null, 2)}\n`
}
