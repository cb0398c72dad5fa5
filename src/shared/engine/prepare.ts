// Turns a validated scenario into the engine's Decimal model, once. Everything later reuses it.
import { Decimal, ZERO } from '../decimal'
import type { MarginType, Scenario, Side } from '../scenario/types'
import type { Bracket } from './brackets'
import { bracketsOf } from './bracket-cache'
import { orderLegs, prepareOpenOrders, type OrderLeg, type PreparedOrder } from './open-orders'

export interface PreparedAsset {
  asset: string
  index: Decimal
  bidBuffer: Decimal
  askBuffer: Decimal
  /** Buffers default to 0 when the market omits them (margin-rules.md §5). */
  autoExchangeBidBuffer: Decimal
  autoExchangeAskBuffer: Decimal
  autoExchangeThreshold: Decimal | null
}

export interface PreparedSymbol {
  symbol: string
  baseAsset: string
  marginAsset: string
  mark: Decimal
  brackets: Bracket[]
}

export interface PreparedPosition {
  /** Position's index in the file (outputs keep the file's order). */
  index: number
  symbol: PreparedSymbol
  side: Side
  /** +1 long, −1 short. */
  sign: Decimal
  positionSide: 'BOTH' | 'LONG' | 'SHORT'
  quantity: Decimal
  entryPrice: Decimal
  leverage: Decimal
  marginType: MarginType
  isolatedWallet: Decimal
  /** s × Q and s × Q × EP, used by every PnL and liquidation formula. */
  signedQty: Decimal
  signedCost: Decimal
}

export interface PreparedAccount {
  scenario: Scenario
  assets: Map<string, PreparedAsset>
  symbols: Map<string, PreparedSymbol>
  positions: PreparedPosition[]
  wallets: Map<string, Decimal>
  /** Every asset the account touches (balances first, then margin assets of positions). */
  accountAssets: string[]
  /** Assets that margin some symbol of the market (Single-Asset groups are among these). */
  marginAssets: Set<string>
  /** The market's symbols by base asset: what a move of that asset moves (issue 10: no scan per move). */
  symbolsByBase: Map<string, PreparedSymbol[]>
  /** Version 2: open orders in file order, and grouped by symbol and position side (margin-rules.md §7). */
  openOrders: PreparedOrder[]
  orderLegs: OrderLeg[]
}

export function prepareAccount(scenario: Scenario): PreparedAccount {
  const assets = new Map<string, PreparedAsset>()
  for (const [asset, a] of Object.entries(scenario.market.assets)) {
    assets.set(asset, {
      asset,
      index: new Decimal(a.index),
      bidBuffer: new Decimal(a.bidBuffer),
      askBuffer: new Decimal(a.askBuffer),
      autoExchangeBidBuffer: new Decimal(a.autoExchangeBidBuffer ?? 0),
      autoExchangeAskBuffer: new Decimal(a.autoExchangeAskBuffer ?? 0),
      autoExchangeThreshold: a.autoExchangeThreshold === undefined ? null : new Decimal(a.autoExchangeThreshold)
    })
  }
  const symbols = new Map<string, PreparedSymbol>()
  const marginAssets = new Set<string>()
  const symbolsByBase = new Map<string, PreparedSymbol[]>()
  for (const [symbol, m] of Object.entries(scenario.market.symbols)) {
    const prepared = { symbol, baseAsset: m.baseAsset, marginAsset: m.marginAsset, mark: new Decimal(m.markPrice), brackets: bracketsOf(m.brackets) }
    symbols.set(symbol, prepared)
    marginAssets.add(m.marginAsset)
    const same = symbolsByBase.get(m.baseAsset)
    if (same) same.push(prepared)
    else symbolsByBase.set(m.baseAsset, [prepared])
  }
  const hedge = scenario.account.positionMode === 'hedge'
  const positions = scenario.account.positions.map((p, index): PreparedPosition => {
    const sign = new Decimal(p.side === 'long' ? 1 : -1)
    const quantity = new Decimal(p.quantity)
    const entryPrice = new Decimal(p.entryPrice)
    return {
      index,
      symbol: symbols.get(p.symbol)!,
      side: p.side,
      sign,
      positionSide: hedge ? (p.side === 'long' ? 'LONG' : 'SHORT') : 'BOTH',
      quantity,
      entryPrice,
      leverage: new Decimal(p.leverage),
      marginType: p.marginType,
      isolatedWallet: p.isolatedWallet === undefined ? ZERO : new Decimal(p.isolatedWallet),
      signedQty: sign.times(quantity),
      signedCost: sign.times(quantity).times(entryPrice)
    }
  })
  const wallets = new Map<string, Decimal>()
  for (const b of scenario.account.balances) wallets.set(b.asset, new Decimal(b.wallet))
  const accountAssets = [...scenario.account.balances.map((b) => b.asset)]
  const listed = new Set(accountAssets)
  const addAsset = (asset: string): void => {
    if (listed.has(asset)) return
    listed.add(asset)
    accountAssets.push(asset)
  }
  for (const p of positions) addAsset(p.symbol.marginAsset)
  const openOrders = prepareOpenOrders(scenario, symbols)
  // An order's margin asset holds its margin even with no balance or position in it.
  for (const o of openOrders) addAsset(o.symbol.marginAsset)
  return { scenario, assets, symbols, positions, wallets, accountAssets, marginAssets, symbolsByBase, openOrders, orderLegs: orderLegs(scenario, openOrders, positions) }
}

export function walletOf(account: PreparedAccount, asset: string): Decimal {
  return account.wallets.get(asset) ?? ZERO
}
