// Engine benchmark (`npm run bench`): a benchmark, never a timed test. Reports median and p95
// milliseconds for the 50-position example against the 16 ms frame budget.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Decimal } from '../src/shared/decimal'
import { compareScenario, prepareAccount, shockAssets, shockedScenario, sweepMarginRatios } from '../src/shared/engine'
import { parseScenario } from '../src/shared/scenario'

const FRAME_MS = 16
const file = resolve(import.meta.dirname, '../resources/examples/fifty-positions.mpscenario.json')
const parsed = parseScenario(readFileSync(file, 'utf8'))
if (!parsed.ok) throw new Error('the example does not parse')
const scenario = parsed.value

function measure(name: string, runs: number, fn: (i: number) => unknown): void {
  for (let i = 0; i < 5; i++) fn(i) // warm up the JIT
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn(i)
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  const median = times[times.length >> 1]!
  const p95 = times[Math.min(times.length - 1, Math.floor((times.length * 95) / 100))]!
  const verdict = median <= FRAME_MS ? 'within a frame' : 'OVER a frame'
  console.log(`${name.padEnd(64)} median ${median.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms   ${verdict}`)
}

const account = prepareAccount(scenario)
const assets = shockAssets(account)
const xs = Array.from({ length: 201 }, (_, i) => new Decimal(i - 100).div(200)) // −50% … +50%
console.log(`${scenario.account.positions.length} positions, ${assets.length} shock assets, 201 sweep points\n`)

measure('sweep, both modes, 201 points, all crypto moving', 50, () => sweepMarginRatios(account, new Set(assets), xs))
measure('sweep, both modes, 201 points, BTC alone', 50, () => sweepMarginRatios(account, new Set(['BTC']), xs))
measure('slider step: compare at a shocked market (no shock-to-liq)', 50, (i) =>
  compareScenario(shockedScenario(scenario, { BTC: new Decimal(i % 100).div(-250).toString() }), { shockToLiquidation: false, namedShocks: false })
)
measure('slider step + sweep (the asset changed)', 30, (i) => {
  compareScenario(shockedScenario(scenario, { ETH: new Decimal(i % 100).div(-250).toString() }), { shockToLiquidation: false, namedShocks: false })
  sweepMarginRatios(prepareAccount(scenario), new Set(['ETH']), xs)
})
measure('full compare (shock to liquidation for every asset)', 10, () => compareScenario(scenario))
