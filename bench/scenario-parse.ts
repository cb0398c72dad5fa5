// Scenario parse speed (issue 10): a generated 1 MB scenario (the real bracket table of
// resources/data, one position per symbol, until the file reaches 1 MiB) through parseScenario,
// reader + zod + semantic checks. `npx tsx bench/scenario-parse.ts` prints median and p95.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseBracketFile } from '../src/shared/import/bracket-import'
import { parseScenario, writeScenario, type Scenario } from '../src/shared/scenario'

const REAL_TIERS = resolve(import.meta.dirname, '../resources/data/binance-leverage-tiers-2026-03-05.json')

/** A valid scenario text of at least `bytes` (default 1 MiB): real brackets, one position per symbol. */
export function oneMegabyteScenario(bytes = 1024 * 1024): string {
  const tiers = parseBracketFile(readFileSync(REAL_TIERS, 'utf8'))
  if (!tiers.ok) throw new Error('the real bracket table does not import')
  const scenario: Scenario = {
    format: 'margin-planner/scenario',
    version: 2,
    name: 'One megabyte of real brackets',
    account: { mode: 'multi-assets', positionMode: 'one-way', balances: [{ asset: 'USDT', wallet: '100000' }], positions: [] },
    market: { asOf: '2026-03-05T00:00:00Z', symbols: {}, assets: {} },
    shocks: [{ name: 'crypto crash', moves: {} }]
  }
  const assets = scenario.market.assets
  for (const [symbol, brackets] of Object.entries(tiers.value.brackets)) {
    const { baseAsset, marginAsset } = tiers.value.assets[symbol]!
    for (const asset of [baseAsset, marginAsset]) assets[asset] ??= { index: '1.5', bidBuffer: '0.05', askBuffer: '0.05' }
    scenario.market.symbols[symbol] = { baseAsset, marginAsset, markPrice: '1.25', brackets }
    scenario.account.positions.push({ symbol, side: 'long', quantity: '3.5', entryPrice: '1.2', leverage: 1, marginType: 'cross' })
    scenario.shocks![0]!.moves[baseAsset] = '-0.3'
    if (writeScenario(scenario).length >= bytes) break
  }
  return writeScenario(scenario)
}

export function timeParse(text: string, runs = 30): { median: number; p95: number } {
  for (let i = 0; i < 3; i++) if (!parseScenario(text).ok) throw new Error('the generated scenario is refused')
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    parseScenario(text)
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return { median: times[times.length >> 1]!, p95: times[Math.min(times.length - 1, Math.floor((times.length * 95) / 100))]! }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const text = oneMegabyteScenario()
  const { median, p95 } = timeParse(text)
  console.log(`parse of a ${(text.length / 1024 / 1024).toFixed(2)} MiB scenario: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`)
}
