// Seeded fuzz of every reader of user files (issue 8 §3): the scenario reader, each market
// format (leverageBracket, ccxt tiers, premiumIndex, assetIndex, exchangeInfo, fundingInfo), the account files (with openOrders)
// and the positions CSV, on real inputs mutated (tests/fuzz/mutate.ts). Every input is accepted
// or refused by path, nothing throws, no message carries a raw control character, and a sample of
// the refused ones goes through the store on a real SQLite file, which stays byte-identical.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareScenario } from '../../src/shared/engine/compare'
import { parseBinanceAccount, type AccountFiles } from '../../src/shared/import/account-import'
import { parseBracketFile } from '../../src/shared/import/bracket-import'
import { parseExchangeInfo } from '../../src/shared/import/exchange-info-import'
import { parseMarketFile } from '../../src/shared/import/market-file'
import { parsePositionsCsv, positionsCsvTemplate } from '../../src/shared/import/positions-csv'
import { parseAssetIndex, parsePremiumIndex } from '../../src/shared/import/price-import'
import { parseScenario, type Scenario } from '../../src/shared/scenario'
import { importAccountTexts } from '../../src/main/store/account-market'
import { Library } from '../../src/main/store/library'
import { LibraryError } from '../../src/main/store/errors'
import { importPositionsCsv } from '../../src/main/store/positions-csv-import'
import { importMarketText, importScenarioText } from '../../src/main/store/transfer'
import { FUZZ_SEED, FUZZ_TIMEOUT_MS, acceptedOrRefusedByPath, clean, fail, noThrow, runsFor, type FuzzCase } from './fuzz-harness'
import { makeRng, mutateText, mutateValue, pick, targetSeed, type Rng } from './mutate'
import { libraryBytes } from './library-bytes'

const ROOT = resolve(import.meta.dirname, '../..')
const read = (path: string): string => readFileSync(resolve(ROOT, path), 'utf8')
const fixture = (name: string): string => read(`tests/fixtures/import/${name}`)

const SCENARIOS = ['usdc-position-needs-multi-assets', 'btc-eth-collateral', 'hedge-mode-isolated-blocked', 'usdc-trade-needs-multi-assets'].map((n) => read(`resources/examples/${n}.mpscenario.json`))
const FIFTY = read('resources/examples/fifty-positions.mpscenario.json')
const MARKET_FILES = [
  'leverage-bracket-binance.json', 'leverage-bracket-single.json', 'leverage-tiers-ccxt.json', 'premium-index-all.json', 'asset-index-all.json', 'exchange-info.json', 'funding-info.json',
  'bad-bracket-cum.json', 'bad-bracket-gap.json', 'bad-bracket-unsorted.json', 'bad-bracket-missing.json', 'bad-tiers-ccxt-cum.json'
].map(fixture)
const ACCOUNTS: AccountFiles[] = [
  { account: fixture('account-v2.json'), positionRisk: fixture('position-risk-v2.json') },
  { account: fixture('account-v3.json'), positionRisk: fixture('position-risk-v3-hedge.json'), settings: fixture('account-config.json') },
  { account: fixture('account-v2.json') },
  { account: read('tests/fixtures/import/binance-check/account.json'), positionRisk: read('tests/fixtures/import/binance-check/position-risk.json') },
  { account: read('tests/fixtures/store/account-v2.json'), positionRisk: read('tests/fixtures/store/positionRisk-v2.json'), openOrders: read('tests/fixtures/store/openOrders.json') }
]
const CSVS = [
  fixture('positions-crlf-bom.csv'),
  positionsCsvTemplate(),
  'symbol,side,quantity,entryPrice,leverage,marginType,isolatedWallet\nETHUSDT,long,12,2051.18,20,cross,\nSOLUSDT,long,150,138.42,10,isolated,"2,000"\nBTCUSDT,short,0.25,70210.5,50,cross,\n'
]

/** One mutated text of a seed: a text edit, or (for JSON seeds) a structural edit re-serialised. */
function mutated(seed: string, rng: Rng, json: boolean): { kind: string; text: string } {
  if (json && rng() < 0.45) {
    const { kind, value } = mutateValue(JSON.parse(seed) as unknown, rng)
    return { kind, text: JSON.stringify(value, null, rng() < 0.5 ? 2 : undefined) ?? 'null' }
  }
  const m = mutateText(seed, rng)
  // A few inputs get two edits, to get past the first refusal.
  return rng() < 0.2 ? { kind: `${m.kind} + ${mutateText(m.text, rng).kind}`, text: mutateText(m.text, rng).text } : m
}

let dir: string
let lib: Library
let portfolioId: number
/** Every nth refused input also goes through the store (real SQLite file, checked byte for byte). */
const STORE_EVERY = 12
let storeChecks = 0

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mp-fuzz-'))
  lib = Library.open(join(dir, 'library.sqlite'))
  portfolioId = importScenarioText(lib, SCENARIOS[1]!).portfolio!.id
})
afterAll(() => {
  lib?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** A store import of a refused input: a LibraryError naming problems, and not one byte changed. */
function refusedByStore(c: FuzzCase, run: () => unknown): void {
  storeChecks++
  const before = libraryBytes(lib)
  try {
    run()
  } catch (e) {
    if (!(e instanceof LibraryError)) fail(c, `the store threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`)
    if (e.code !== 'BAD_INPUT' || e.problems.length === 0) fail(c, `the store refused with ${e.code} and ${e.problems.length} problems`)
    clean(c, e.message, 'the store message')
    for (const p of e.problems) clean(c, p.message, 'a store problem')
    if (!libraryBytes(lib).equals(before)) fail(c, 'the library file changed after a refusal')
    return
  }
  fail(c, 'the store accepted what the reader refused')
}

describe(`fuzz: readers of user files (seed ${FUZZ_SEED}; replay with FUZZ_SEED=${FUZZ_SEED})`, () => {
  it(`scenario reader: ${runsFor(0.3)} mutated scenarios`, () => {
    const rng = makeRng(targetSeed(FUZZ_SEED, 'scenario'))
    let accepted = 0
    for (let index = 0; index < runsFor(0.3); index++) {
      const seed = index % 25 === 24 ? FIFTY : pick(rng, SCENARIOS)
      const { kind, text } = mutated(seed, rng, true)
      const c: FuzzCase = { target: 'scenario', index, kind, input: text }
      const result = noThrow(c, () => parseScenario(text))
      if (acceptedOrRefusedByPath(c, result)) {
        accepted++
        // What the reader accepts, the engine computes (the short path: no shock-to-liquidation search).
        if (seed !== FIFTY) noThrow(c, () => compareScenario(result.value as Scenario, { shockToLiquidation: index % 10 === 0, namedShocks: true }))
      } else if (index % STORE_EVERY === 0) refusedByStore(c, () => importScenarioText(lib, text))
    }
    expect(accepted).toBeGreaterThan(0)
  }, FUZZ_TIMEOUT_MS)

  it(`market files (brackets, ccxt tiers, premiumIndex, assetIndex, exchangeInfo, fundingInfo): ${runsFor(0.3)} mutated files`, () => {
    const rng = makeRng(targetSeed(FUZZ_SEED, 'market'))
    const readers = [parseMarketFile, parseBracketFile, parsePremiumIndex, parseAssetIndex, parseExchangeInfo]
    for (let index = 0; index < runsFor(0.3); index++) {
      const { kind, text } = mutated(pick(rng, MARKET_FILES), rng, true)
      const c: FuzzCase = { target: 'market', index, kind, input: text }
      // The one entry point the app and CLI use, and (every 4th input) each format's own reader.
      for (const reader of index % 4 === 0 ? readers : readers.slice(0, 1)) {
        const result = noThrow(c, () => reader(text))
        if (acceptedOrRefusedByPath(c, result)) {
          if ('warnings' in (result.value as object)) for (const w of (result.value as { warnings: { message: string }[] }).warnings) clean(c, w.message, 'a warning')
        } else if (reader === parseMarketFile && index % STORE_EVERY === 0) refusedByStore(c, () => importMarketText(lib, text))
      }
    }
  }, FUZZ_TIMEOUT_MS)

  it(`account files (account, positionRisk, settings, openOrders): ${runsFor(0.15)} mutated sets`, () => {
    const rng = makeRng(targetSeed(FUZZ_SEED, 'account'))
    for (let index = 0; index < runsFor(0.15); index++) {
      const files = { ...pick(rng, ACCOUNTS) }
      const slot = pick(rng, (['account', 'positionRisk', 'settings', 'openOrders'] as const).filter((k) => files[k] !== undefined))
      const { kind, text } = mutated(files[slot]!, rng, true)
      files[slot] = text
      const c: FuzzCase = { target: 'account', index, kind: `${slot}: ${kind}`, input: files }
      const result = noThrow(c, () => parseBinanceAccount(files))
      if (acceptedOrRefusedByPath(c, result)) {
        for (const note of (result.value as { notes: string[] }).notes) clean(c, note, 'a note')
      } else if (index % STORE_EVERY === 0) refusedByStore(c, () => importAccountTexts(lib, files))
    }
  }, FUZZ_TIMEOUT_MS)

  it(`positions CSV: ${runsFor(0.12)} mutated files`, () => {
    const rng = makeRng(targetSeed(FUZZ_SEED, 'csv'))
    for (let index = 0; index < runsFor(0.12); index++) {
      const { kind, text } = mutated(pick(rng, CSVS), rng, false)
      const c: FuzzCase = { target: 'positions CSV', index, kind, input: text }
      const result = noThrow(c, () => parsePositionsCsv(text))
      if (!acceptedOrRefusedByPath(c, result) && index % STORE_EVERY === 0) {
        refusedByStore(c, () => importPositionsCsv(lib, portfolioId, text, { mode: pick(rng, ['replace', 'append'] as const) }))
      }
    }
  }, FUZZ_TIMEOUT_MS)

  it('sent a sample of the refused inputs through the store', () => {
    expect(storeChecks).toBeGreaterThan(0)
  })
})
