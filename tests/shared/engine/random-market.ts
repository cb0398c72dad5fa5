// The market the random books of the speed tests (issue 10) are drawn on: the real bracket table
// kept in the repo, six base assets at fixed marks, nine symbols in USDT and USDC, and decimal
// strings drawn on a grid of `places` decimals.
import fc from 'fast-check'
import { Decimal } from '../../../src/shared/decimal'
import { parseBracketFile } from '../../../src/shared/import/bracket-import'
import type { Position, Scenario } from '../../../src/shared/scenario'
import { realTiersText } from '../../helpers/real-tiers'

export const tiers = (() => {
  const parsed = parseBracketFile(realTiersText())
  if (!parsed.ok) throw new Error('the real bracket table does not parse')
  return parsed.value
})()

export const MARKS: Record<string, string> = { BTC: '70210.5', ETH: '2051.18', SOL: '138.42', DOGE: '0.1712', XRP: '2.31', BNB: '612.4' }
export const SYMBOLS = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'DOGEUSDT', 'XRPUSDT', 'BNBUSDT', 'BTCUSDC', 'ETHUSDC', 'SOLUSDC'].filter((s) => tiers.brackets[s])

export const decimal = (min: number, max: number, places: number): fc.Arbitrary<string> =>
  fc.integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) }).map((n) => new Decimal(n).div(10 ** places).toString())

/** Adds a symbol of the real table, at its base asset's fixed mark, to `symbols`; returns the mark. */
export function addSymbol(symbols: Scenario['market']['symbols'], id: string): string {
  const a = tiers.assets[id]!
  const mark = MARKS[a.baseAsset]!
  symbols[id] = { baseAsset: a.baseAsset, marginAsset: a.marginAsset, markPrice: mark, brackets: tiers.brackets[id]! }
  return mark
}

/** A drawn leg (USD notional, entry move from the mark, an isolated wallet as a fraction of the notional) as a position. */
export function legPosition(
  l: { symbol: string; side: Position['side']; notional: string; entryMove: string; isolated: boolean; margin: string },
  mark: string,
  leverage: number
): Position {
  const quantity = new Decimal(l.notional).div(mark).toSignificantDigits(5).toString()
  const p: Position = {
    symbol: l.symbol,
    side: l.side,
    quantity: quantity === '0' ? '0.001' : quantity,
    entryPrice: new Decimal(mark).times(new Decimal(1).plus(l.entryMove)).toSignificantDigits(7).toString(),
    leverage,
    marginType: l.isolated ? 'isolated' : 'cross'
  }
  if (l.isolated) p.isolatedWallet = new Decimal(l.notional).times(l.margin).toDecimalPlaces(2).toString()
  return p
}

/** USDT and USDC with tight buffers, every base asset of MARKS at its mark with 5% buffers. */
export function marketAssets(): Scenario['market']['assets'] {
  const stable = (index: string) => ({ index, bidBuffer: '0.0001', askBuffer: '0.0002' })
  const coin = (index: string) => ({ index, bidBuffer: '0.05', askBuffer: '0.05' })
  const assets: Scenario['market']['assets'] = { USDT: stable('0.99985'), USDC: stable('0.99992') }
  for (const [base, mark] of Object.entries(MARKS)) assets[base] = coin(mark)
  return assets
}
