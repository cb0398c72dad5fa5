// A seeded, hedge-mode book of any size (1, 50, 1,000 positions) for the layout, accessibility and
// speed checks: real Binance brackets from resources/data (USDT- and USDC-margined symbols), a
// long and a short leg per symbol, every tenth leg isolated, idle BTC collateral (the Collateral
// row), marks spread over several orders of magnitude. Same seed, same book.
import { readFileSync } from 'node:fs'
import { Decimal } from '../../src/shared/decimal'
import { parseBracketFile } from '../../src/shared/import/bracket-import'
import { parseScenarioValue, type Scenario } from '../../src/shared/scenario'
import { REAL_TIERS } from './real-tiers'

/** Park–Miller minimal standard generator: small, seeded, the same on every machine. */
function seeded(seed: number): () => number {
  let s = seed % 2147483647 || 1
  return () => (s = (s * 16807) % 2147483647) / 2147483647
}

export function bigHedgeBook(count: number, seed = 11): Scenario {
  const parsed = parseBracketFile(readFileSync(REAL_TIERS, 'utf8'))
  if (!parsed.ok) throw new Error('the bracket table in resources/data does not parse')
  const { brackets, assets: meta } = parsed.value
  // Plain symbols only (no delivery contracts), with a first tier large enough for the sizes below.
  const ids = Object.keys(brackets)
    .filter((id) => !id.includes('_') && meta[id] && ['USDT', 'USDC'].includes(meta[id]!.marginAsset) && new Decimal(brackets[id]![0]!.notionalCap).gte(5000))
    .sort()
  const legs = Math.ceil(count / 2)
  if (legs > ids.length) throw new Error(`at most ${ids.length * 2} positions`)
  const rnd = seeded(seed)
  // A seeded shuffle, so that the 50-position book is not 25 symbols starting with "1000".
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
  }
  const symbols: Scenario['market']['symbols'] = {}
  const assets: Scenario['market']['assets'] = {
    USDT: { index: '1', bidBuffer: '0', askBuffer: '0' },
    USDC: { index: '0.9999', bidBuffer: '0.0001', askBuffer: '0.0001' },
    BTC: { index: '61000', bidBuffer: '0.05', askBuffer: '0.05' }
  }
  const positions: Scenario['account']['positions'] = []
  const isolatedByAsset: Record<string, Decimal> = { USDT: new Decimal(0), USDC: new Decimal(0) }
  for (let k = 0; positions.length < count; k++) {
    const id = ids[k]!
    const m = meta[id]!
    // Marks from 0.001 to 100,000 (4 significant figures), as a real book's are.
    const mark = new Decimal(Math.floor(1000 + rnd() * 9000)).times(new Decimal(10).pow(Math.floor(rnd() * 9) - 6))
    symbols[id] = { baseAsset: m.baseAsset, marginAsset: m.marginAsset, markPrice: mark.toString(), brackets: brackets[id]! }
    if (!assets[m.baseAsset]) assets[m.baseAsset] = { index: mark.toString(), bidBuffer: '0.05', askBuffer: '0.05' }
    const leverage = Math.min(10, brackets[id]![0]!.initialLeverage)
    for (const side of ['long', 'short'] as const) {
      if (positions.length >= count) break
      const notional = new Decimal(Math.floor(500 + rnd() * 4000))
      const quantity = notional.div(mark).toDecimalPlaces(3, Decimal.ROUND_DOWN)
      const entry = mark.times(new Decimal(Math.floor(900 + rnd() * 200)).div(1000)).toSignificantDigits(6)
      const isolated = positions.length % 10 === 9
      const wallet = notional.div(leverage).times(2).toDecimalPlaces(2)
      if (isolated) isolatedByAsset[m.marginAsset] = isolatedByAsset[m.marginAsset]!.plus(wallet)
      positions.push({
        symbol: id,
        side,
        quantity: (quantity.isZero() ? new Decimal('0.001') : quantity).toString(),
        entryPrice: entry.toString(),
        leverage,
        marginType: isolated ? 'isolated' : 'cross',
        ...(isolated ? { isolatedWallet: wallet.toString() } : {})
      })
    }
  }
  const crossNeed = (asset: string): Decimal => new Decimal(count * 900).plus(isolatedByAsset[asset]!)
  const scenario = {
    format: 'margin-planner/scenario',
    version: 1,
    name: `Hedge-mode book, ${count} position${count === 1 ? '' : 's'} (seeded test book ${seed})`,
    account: {
      mode: 'single-asset',
      positionMode: 'hedge',
      balances: [
        { asset: 'USDT', wallet: crossNeed('USDT').toString() },
        { asset: 'USDC', wallet: crossNeed('USDC').div(3).toDecimalPlaces(2).toString() },
        { asset: 'BTC', wallet: '20' }
      ],
      positions
    },
    market: { asOf: '2026-03-05T00:00:00Z', source: 'test book: brackets from binance-leverage-tiers-2026-03-05.json, seeded marks', symbols, assets },
    shocks: [{ name: 'BTC -20%', moves: { BTC: '-0.2' } }]
  }
  const checked = parseScenarioValue(scenario)
  if (!checked.ok) throw new Error(`the test book is invalid: ${checked.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ')}`)
  return checked.value
}
