// The benchmark (`npm run bench`): a benchmark, never a timed test (CI does not run it).
// Reports median and p95 milliseconds of the engine, the scenario reader, the market import and
// the library store. `npm run --silent bench -- --json` prints one JSON object a line:
// {"name", "n", "median_ms", "p95_ms", "rss_mb"}. Inputs come from bench/books.ts (seeded, the
// real bracket table kept in the repo). `--only NAME[,NAME]` runs some entries; `--runs N` caps
// the timed runs of each.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Decimal } from '../src/shared/decimal'
import { compareScenario, defaultGridAxes, prepareAccount, shockAssets, shockedScenario, stressGrid, sweepMarginRatios } from '../src/shared/engine'
import { parseScenario, writeScenario, type Scenario } from '../src/shared/scenario'
import { Library } from '../src/main/store'
import { importMarketText } from '../src/main/store/transfer'
import { TIERS_FILE, hedgeBook, libraryPortfolio } from './books'

const FRAME_MS = 16
const args = process.argv.slice(2)
const asJson = args.includes('--json')
const onlyAt = args.indexOf('--only')
const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? '').split(',')) : null
// `--runs N`: at most N timed runs an entry (the "before" figures of a 40 s compare).
const runsAt = args.indexOf('--runs')
const maxRuns = runsAt >= 0 ? Math.max(1, Number.parseInt(args[runsAt + 1] ?? '', 10) || 1) : Infinity

function loadExample(name: string): Scenario {
  const parsed = parseScenario(readFileSync(resolve(import.meta.dirname, `../resources/examples/${name}.mpscenario.json`), 'utf8'))
  if (!parsed.ok) throw new Error(`the example ${name} does not parse`)
  return parsed.value
}

interface Entry {
  name: string
  /** What n counts (positions, points, bytes, symbols, portfolios). */
  n: number
  unit: string
  label: string
  runs: number
  /** Run once before timing (inputs); not timed. */
  setup?: () => void
  fn: (i: number) => unknown
  teardown?: () => void
}

/**
 * Warm-up before timing: at least 5 runs (fewer with `--runs`) and at least 1 s, at most 200 runs.
 * V8 is still optimising a fresh process's hot code well past 5 runs (the 50-position compare's
 * runs 6–35 took a median ~25% above runs 51–80): the figures are of the engine running hot, as
 * in the app's workers, which warm themselves up.
 */
const WARM_MS = 1000
const MAX_WARM_RUNS = 200

function measure(e: Entry): void {
  e.setup?.()
  const runs = Math.min(e.runs, maxRuns)
  const warmStart = performance.now()
  for (let i = 0; i < MAX_WARM_RUNS && (i < Math.min(5, runs) || performance.now() - warmStart < WARM_MS); i++) e.fn(i)
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    e.fn(i)
    times.push(performance.now() - t)
  }
  e.teardown?.()
  times.sort((a, b) => a - b)
  const median = times[times.length >> 1]!
  const p95 = times[Math.min(times.length - 1, Math.floor((times.length * 95) / 100))]!
  const rss = process.memoryUsage().rss / 1024 / 1024
  if (asJson) {
    console.log(JSON.stringify({ name: e.name, n: e.n, median_ms: round(median), p95_ms: round(p95), rss_mb: round(rss) }))
  } else {
    const frame = median <= FRAME_MS ? 'within a frame' : 'over a frame'
    console.log(`${e.name.padEnd(20)} ${`${e.label} (n = ${e.n} ${e.unit})`.padEnd(72)} median ${median.toFixed(2).padStart(8)} ms   p95 ${p95.toFixed(2).padStart(8)} ms   ${frame}`)
  }
}

const round = (x: number): number => Math.round(x * 100) / 100

const fifty = loadExample('fifty-positions')
const xs = Array.from({ length: 201 }, (_, i) => new Decimal(i - 100).div(200)) // −50% … +50%

let book1000: Scenario | undefined
let book200: Scenario | undefined
let mbText = ''
let tiersText = ''
let dir = ''
let lib: Library | undefined
let importLib: Library | undefined
let saveTarget: { id: number; scenario: Scenario } | undefined
const LIBRARY_SIZE = 10_000

const entries: Entry[] = [
  { name: 'compare-50', n: 50, unit: 'positions', label: 'full compare, shock to liquidation of every asset', runs: 30, fn: () => compareScenario(fifty) },
  {
    name: 'compare-200',
    n: 200,
    unit: 'positions',
    label: 'full compare, hedge book over 100 symbols',
    runs: 20,
    setup: () => (book200 = hedgeBook(100)),
    fn: () => compareScenario(book200!)
  },
  {
    name: 'compare-1000',
    n: 1000,
    unit: 'positions',
    label: 'full compare, hedge book over 500 symbols',
    runs: 10,
    setup: () => (book1000 = hedgeBook(500)),
    fn: () => compareScenario(book1000!)
  },
  {
    name: 'sweep-201',
    n: 201,
    unit: 'points',
    label: 'sweep of both modes, 50 positions, all crypto moving',
    runs: 50,
    fn: () => {
      const account = prepareAccount(fifty)
      return sweepMarginRatios(account, new Set(shockAssets(account)), xs)
    }
  },
  {
    name: 'grid-21x21',
    n: 441,
    unit: 'cells',
    label: 'stress grid of the two largest exposures, 50 positions',
    runs: 30,
    fn: () => {
      const account = prepareAccount(fifty)
      return stressGrid(account, { ...defaultGridAxes(account)!, range: '0.5', steps: 21 })
    }
  },
  {
    name: 'slider-step',
    n: 50,
    unit: 'positions',
    label: 'compare at a shocked market, no shock to liquidation',
    runs: 50,
    fn: (i) => compareScenario(shockedScenario(fifty, { BTC: new Decimal(i % 100).div(-250).toString() }), { shockToLiquidation: false, namedShocks: false })
  },
  {
    name: 'scenario-parse-1mb',
    n: 0,
    unit: 'bytes',
    label: 'parseScenario of a generated scenario',
    runs: 20,
    setup: () => {
      mbText = writeScenario(hedgeBook(425, 11))
      entries.find((e) => e.name === 'scenario-parse-1mb')!.n = Buffer.byteLength(mbText)
    },
    fn: () => {
      if (!parseScenario(mbText).ok) throw new Error('the 1 MB scenario does not parse')
    }
  },
  {
    name: 'brackets-import-687',
    n: 687,
    unit: 'symbols',
    label: 'market import of the ccxt tiers table into a library',
    runs: 10,
    setup: () => {
      tiersText = readFileSync(TIERS_FILE, 'utf8')
      importLib = Library.open(join(benchDir(), 'import.sqlite'))
    },
    fn: (i) => importMarketText(importLib!, tiersText, { name: `tiers ${i}` }),
    teardown: () => {
      importLib?.close()
      importLib = undefined
    }
  },
  {
    name: 'library-list-10k',
    n: LIBRARY_SIZE,
    unit: 'portfolios',
    label: 'list the library, then search it for a symbol',
    runs: 20,
    setup: () => openBigLibrary(),
    fn: () => {
      if (lib!.portfolios.list().length !== LIBRARY_SIZE) throw new Error('the library lost portfolios')
      return lib!.portfolios.list({ text: 'DOGE' })
    }
  },
  {
    name: 'library-save',
    n: LIBRARY_SIZE,
    unit: 'portfolios',
    label: 'save one revision of one portfolio in that library',
    runs: 50,
    setup: () => {
      openBigLibrary()
      const id = lib!.portfolios.list()[LIBRARY_SIZE >> 1]!.id
      saveTarget = { id, scenario: lib!.portfolios.get(id).scenario }
    },
    fn: (i) => lib!.portfolios.save({ id: saveTarget!.id, scenario: { ...saveTarget!.scenario, notes: `revision ${i}` } })
  }
]

/** 10,000 small portfolios (bench/books.ts), created in one transaction: the setup, not timed. */
function openBigLibrary(): void {
  if (lib) return
  lib = Library.open(join(benchDir(), 'library.sqlite'))
  const l = lib
  l.db.transaction(() => {
    for (let i = 0; i < LIBRARY_SIZE; i++) l.portfolios.create({ scenario: libraryPortfolio(i), tags: i % 3 === 0 ? ['hedge'] : [] })
  })()
}

function benchDir(): string {
  if (!dir) dir = mkdtempSync(join(tmpdir(), 'mp-bench-'))
  return dir
}

function closeLibrary(): void {
  lib?.close()
  lib = undefined
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = ''
}

const selected = entries.filter((e) => only === null || only.has(e.name))
if (!asJson) console.log('Margin Planner benchmark: median and p95 of repeated runs after a warm-up (at least 5 runs and 1 s); 16 ms is one frame.\n')
for (const e of selected) measure(e)
closeLibrary()
