// The market the random books of the speed tests (issue 10) are drawn on: the real bracket table
// kept in the repo, six base assets at fixed marks, nine symbols in USDT and USDC, and decimal
// strings drawn on a grid of `places` decimals.
import fc from 'fast-check'
import { Decimal } from '../../../src/shared/decimal'
import { parseBracketFile } from '../../../src/shared/import/bracket-import'
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
