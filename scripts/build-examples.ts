// Writes resources/examples/*.mpscenario.json: realistic, dated scenarios whose brackets are the
// real Binance tables of their symbols (resources/data, 2026-03-05). Run after changing a
// definition here: `npx tsx scripts/build-examples.ts [path/to/leverage-tiers.json]`.
import { readFileSync, writeFileSync } from 'node:fs'
import { Decimal } from '../src/shared/decimal'
import { parseBracketFile } from '../src/shared/import/bracket-import'
import { parseScenarioValue, writeScenario, type AssetMarket, type Position, type Scenario } from '../src/shared/scenario'

const tiersFile = process.argv[2] ?? new URL('../resources/data/binance-leverage-tiers-2026-03-05.json', import.meta.url).pathname
const tiers = parseBracketFile(readFileSync(tiersFile, 'utf8'))
if (!tiers.ok) throw new Error(tiers.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
const { brackets, assets: symbolAssets } = tiers.value

const AS_OF = '2026-03-05T00:00:00Z'
const SOURCE = 'Brackets: Binance GET /fapi/v1/leverageBracket on 2026-03-05. Marks, indexes and buffers: illustrative, close to that day.'

function symbol(id: string, markPrice: string): [string, Scenario['market']['symbols'][string]] {
  const rows = brackets[id]
  const a = symbolAssets[id]
  if (!rows || !a) throw new Error(`no brackets for ${id}`)
  return [id, { baseAsset: a.baseAsset, marginAsset: a.marginAsset, markPrice, brackets: rows }]
}

const stable = (index: string): AssetMarket => ({ index, bidBuffer: '0.0001', askBuffer: '0.0001', autoExchangeBidBuffer: '0.0001', autoExchangeAskBuffer: '0.0001' })
// Binance's collateral value ratio for BTC, ETH, BNB: 95% (bidBuffer 0.05), margin-rules.md §4.
const coin = (index: string): AssetMarket => ({ index, bidBuffer: '0.05', askBuffer: '0.05', autoExchangeBidBuffer: '0.025', autoExchangeAskBuffer: '0.025' })

function scenario(s: Omit<Scenario, 'format' | 'version'>): Scenario {
  // In memory every scenario is version 2; the writer writes version 1 when no version 2 field is used.
  const full: Scenario = { format: 'margin-planner/scenario', version: 2, ...s }
  const checked = parseScenarioValue(full)
  if (!checked.ok) throw new Error(`${s.name}:\n${checked.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`)
  return checked.value
}

const examples: Record<string, Scenario> = {
  'usdc-position-needs-multi-assets': scenario({
    name: 'USDT + USDC trader: the USDC position only fits in Multi-Assets Mode',
    notes: 'In Multi-Assets Mode the USDT wallet backs the ETHUSDC long. In Single-Asset Mode the 900 USDC wallet alone must carry 1,640 USDC of initial margin: the switch back is refused (-4169).',
    account: {
      mode: 'multi-assets',
      positionMode: 'one-way',
      feeTier: 'regular',
      balances: [
        { asset: 'USDT', wallet: '4200' },
        { asset: 'USDC', wallet: '900' }
      ],
      positions: [
        { symbol: 'BTCUSDT', side: 'long', quantity: '0.06', entryPrice: '68400', leverage: 20, marginType: 'cross' },
        { symbol: 'SOLUSDT', side: 'short', quantity: '40', entryPrice: '142.5', leverage: 10, marginType: 'cross' },
        { symbol: 'ETHUSDC', side: 'long', quantity: '4', entryPrice: '2085', leverage: 5, marginType: 'cross' }
      ]
    },
    market: {
      asOf: AS_OF,
      source: SOURCE,
      symbols: Object.fromEntries([symbol('BTCUSDT', '70210.5'), symbol('SOLUSDT', '138.42'), symbol('ETHUSDC', '2050.31')]),
      assets: { USDT: stable('0.99985'), USDC: stable('0.99992'), BTC: coin('70180.4'), ETH: coin('2049.7'), SOL: coin('138.35') }
    },
    shocks: [
      { name: 'ETH -10%', moves: { ETH: '-0.1' } },
      { name: 'crypto -15%', moves: { BTC: '-0.15', ETH: '-0.15', SOL: '-0.15' } },
      { name: 'SOL +20%', moves: { SOL: '0.2' } }
    ]
  }),
  'btc-eth-collateral': scenario({
    name: 'BTC and ETH collateral behind USDT perpetuals',
    notes: 'Idle in Single-Asset Mode, the 0.4 BTC and 3 ETH count at 95% in Multi-Assets Mode. The BTCUSDT short hedges the BTC held: in Multi-Assets Mode a BTC fall hurts the collateral and helps the short.',
    account: {
      mode: 'single-asset',
      positionMode: 'one-way',
      balances: [
        { asset: 'USDT', wallet: '6000' },
        { asset: 'BTC', wallet: '0.4' },
        { asset: 'ETH', wallet: '3' }
      ],
      positions: [
        { symbol: 'ETHUSDT', side: 'long', quantity: '12', entryPrice: '2140', leverage: 20, marginType: 'cross' },
        { symbol: 'SOLUSDT', side: 'long', quantity: '150', entryPrice: '146.2', leverage: 10, marginType: 'cross' },
        { symbol: 'BTCUSDT', side: 'short', quantity: '0.25', entryPrice: '69800', leverage: 20, marginType: 'cross' }
      ]
    },
    market: {
      asOf: AS_OF,
      source: SOURCE,
      symbols: Object.fromEntries([symbol('ETHUSDT', '2051.18'), symbol('SOLUSDT', '138.42'), symbol('BTCUSDT', '70210.5')]),
      assets: { USDT: stable('0.99985'), BTC: coin('70180.4'), ETH: coin('2049.7'), SOL: coin('138.35') }
    },
    shocks: [
      { name: 'ETH -20%', moves: { ETH: '-0.2' } },
      { name: 'BTC -20%', moves: { BTC: '-0.2' } },
      { name: 'crypto crash', moves: { BTC: '-0.3', ETH: '-0.35', SOL: '-0.4' } }
    ]
  }),
  'hedge-mode-isolated-blocked': scenario({
    name: 'Hedge-mode desk with an isolated ETH short: switch blocked',
    notes: 'Both BTCUSDT legs are cross and share one liquidation price. The isolated ETHUSDT short blocks the switch to Multi-Assets Mode (-4167) until it is set to cross.',
    account: {
      mode: 'single-asset',
      positionMode: 'hedge',
      feeTier: 'vip1',
      balances: [
        { asset: 'USDT', wallet: '18000' },
        { asset: 'USDC', wallet: '2500' },
        { asset: 'BNB', wallet: '12' }
      ],
      positions: [
        { symbol: 'BTCUSDT', side: 'long', quantity: '1.2', entryPrice: '66150', leverage: 25, marginType: 'cross' },
        { symbol: 'BTCUSDT', side: 'short', quantity: '0.5', entryPrice: '71020', leverage: 25, marginType: 'cross' },
        { symbol: 'ETHUSDT', side: 'short', quantity: '15', entryPrice: '2190', leverage: 10, marginType: 'isolated', isolatedWallet: '3300' },
        { symbol: 'BTCUSDC', side: 'long', quantity: '0.1', entryPrice: '69500', leverage: 10, marginType: 'cross' }
      ]
    },
    market: {
      asOf: AS_OF,
      source: SOURCE,
      symbols: Object.fromEntries([symbol('BTCUSDT', '70210.5'), symbol('ETHUSDT', '2051.18'), symbol('BTCUSDC', '70195.2')]),
      assets: { USDT: stable('0.99985'), USDC: stable('0.99992'), BNB: coin('612.4'), BTC: coin('70180.4'), ETH: coin('2049.7') }
    },
    shocks: [
      { name: 'BTC -15%', moves: { BTC: '-0.15' } },
      { name: 'ETH +25%', moves: { ETH: '0.25' } }
    ]
  }),
  'fifty-positions': fiftyPositions(),
  'usdc-trade-needs-multi-assets': scenario(
    {
      name: 'A USDC trade that only fills in Multi-Assets Mode',
      notes: 'The plan buys 2 ETHUSDC at 10x: about 410 USDC of margin against a 250 USDC wallet. Single-Asset Mode refuses it (-2019); in Multi-Assets Mode the USDT wallet backs it and it fills. Then three days of funding, ETH -8%, and the BTC long taken off with a maker order.',
      account: {
        mode: 'single-asset',
        positionMode: 'one-way',
        feeTier: 'regular',
        balances: [
          { asset: 'USDT', wallet: '8000' },
          { asset: 'USDC', wallet: '250' }
        ],
        positions: [
          { symbol: 'BTCUSDT', side: 'long', quantity: '0.08', entryPrice: '68900', leverage: 10, marginType: 'cross' },
          { symbol: 'SOLUSDT', side: 'short', quantity: '30', entryPrice: '141.2', leverage: 10, marginType: 'cross' }
        ]
      },
      market: {
        asOf: AS_OF,
        source: `${SOURCE} Funding rates: illustrative.`,
        symbols: Object.fromEntries([
          withFunding(symbol('BTCUSDT', '70210.5'), '0.0001'),
          withFunding(symbol('SOLUSDT', '138.42'), '-0.00005', 4),
          withFunding(symbol('ETHUSDC', '2050.31'), '0.00008')
        ]),
        assets: { USDT: stable('0.99985'), USDC: stable('0.99992'), BTC: coin('70180.4'), ETH: coin('2049.7'), SOL: coin('138.35') }
      },
      shocks: [{ name: 'ETH -10%', moves: { ETH: '-0.1' } }],
      plan: [
        { kind: 'trade', symbol: 'ETHUSDC', side: 'buy', quantity: '2', leverage: 10 },
        { kind: 'funding', hours: 72 },
        { kind: 'move', moves: { ETH: '-0.08' } },
        { kind: 'trade', symbol: 'BTCUSDT', side: 'sell', quantity: '0.08', price: '70400', liquidity: 'maker' }
      ]
    }
  )
}

function withFunding([id, market]: [string, Scenario['market']['symbols'][string]], fundingRate: string, fundingIntervalHours?: number): [string, Scenario['market']['symbols'][string]] {
  return [id, { ...market, fundingRate, ...(fundingIntervalHours === undefined ? {} : { fundingIntervalHours }) }]
}

/** A 50-position book over the most liquid USDT and USDC symbols (the benchmark's example). */
function fiftyPositions(): Scenario {
  const marks: Record<string, string> = {
    BTC: '70210.5', ETH: '2051.18', SOL: '138.42', BNB: '612.4', XRP: '2.31', DOGE: '0.1712', ADA: '0.702', AVAX: '21.84', LINK: '14.92', DOT: '4.18',
    LTC: '88.6', TRX: '0.2431', BCH: '402.5', NEAR: '2.94', ATOM: '4.61', UNI: '7.82', FIL: '2.88', APT: '5.93', ARB: '0.412', OP: '0.861',
    SUI: '2.71', INJ: '12.64', AAVE: '214.3', ETC: '18.72', XLM: '0.2894',
    HBAR: '0.2176', ICP: '5.42', FET: '0.612', ENA: '0.418', ONDO: '0.934', TAO: '312.8', TIA: '3.12', SEI: '0.2387', WIF: '0.781', CRV: '0.541'
  }
  const bases = Object.keys(marks)
  const symbols: Scenario['market']['symbols'] = {}
  const positions: Position[] = []
  bases.forEach((base, i) => {
    for (const quote of ['USDT', 'USDC']) {
      const id = `${base}${quote}`
      if (!brackets[id] || positions.length >= 50) continue
      const [, market] = symbol(id, marks[base]!)
      symbols[id] = market
      const mark = marks[base]!
      // Notional 2,000–40,000 USD, alternating sides, entries a few percent off the mark.
      const notional = 2000 + ((i * 7919 + quote.length * 104729) % 38000)
      const quantity = new Decimal(notional).div(mark).toSignificantDigits(4).toString()
      const entry = new Decimal(mark).times(new Decimal((i % 7) - 3).div(100).plus(1)).toSignificantDigits(6).toString()
      positions.push({ symbol: id, side: (i + quote.length) % 2 === 0 ? 'long' : 'short', quantity, entryPrice: entry, leverage: 20, marginType: 'cross' })
    }
  })
  for (const quote of ['USDT', 'USDC']) {
    for (const base of bases) {
      if (positions.length >= 50) break
      const id = `${base}${quote}`
      if (brackets[id] && !symbols[id]) {
        symbols[id] = symbol(id, marks[base]!)[1]
        positions.push({ symbol: id, side: 'long', quantity: new Decimal(5000).div(marks[base]!).toSignificantDigits(4).toString(), entryPrice: marks[base]!, leverage: 20, marginType: 'cross' })
      }
    }
  }
  const assets: Scenario['market']['assets'] = { USDT: stable('0.99985'), USDC: stable('0.99992') }
  for (const base of bases) assets[base] = coin(marks[base]!)
  return scenario({
    name: 'Fifty positions across USDT and USDC perpetuals',
    notes: 'A busy book for the benchmark: every chart point re-evaluates all 50 positions in both modes.',
    account: {
      mode: 'single-asset',
      positionMode: 'one-way',
      balances: [
        { asset: 'USDT', wallet: '30000' },
        { asset: 'USDC', wallet: '9000' },
        { asset: 'BTC', wallet: '0.5' }
      ],
      positions
    },
    market: { asOf: AS_OF, source: SOURCE, symbols, assets },
    shocks: [{ name: 'crypto -20%', moves: Object.fromEntries(bases.map((b) => [b, '-0.2'])) }]
  })
}

for (const [file, s] of Object.entries(examples)) {
  writeFileSync(`resources/examples/${file}.mpscenario.json`, writeScenario(s))
  console.log(`resources/examples/${file}.mpscenario.json: ${s.account.positions.length} positions`)
}
