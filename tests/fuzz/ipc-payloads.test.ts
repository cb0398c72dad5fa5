// Seeded fuzz of the IPC payload validators (issue 8 §3): mutated requests for every channel of
// the contract through main's real validation path (dispatchIpc, as registerIpc and the e2e
// bridge call it) and the real handlers over a real SQLite library. Every call answers
// {ok:true, value} or {ok:false, error:{code, message, path?}}: never a throw, never INTERNAL;
// messages and paths free of raw control characters; after a refusal the library file is
// byte-identical.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchIpc } from '../../src/main/ipc'
import { bindHandlers } from '../../src/main/ipc-handlers'
import { Library } from '../../src/main/store/library'
import { importMarketText, importScenarioText } from '../../src/main/store/transfer'
import { CHANNELS, type Channel } from '../../src/shared/ipc/contract'
import { FUZZ_SEED, FUZZ_TIMEOUT_MS, clean, fail, runsFor, type FuzzCase } from './fuzz-harness'
import { makeRng, mutateText, mutateValue, pick, randomValue, targetSeed } from './mutate'
import { libraryBytes } from './library-bytes'

const ROOT = resolve(import.meta.dirname, '../..')
const read = (path: string): string => readFileSync(resolve(ROOT, path), 'utf8')
const SCENARIO_TEXT = read('resources/examples/btc-eth-collateral.mpscenario.json')
const SCENARIO = JSON.parse(SCENARIO_TEXT) as unknown
const ERROR_CODES = ['BAD_INPUT', 'NOT_FOUND', 'CONFLICT', 'LIBRARY_TOO_NEW', 'NOT_A_LIBRARY', 'MIGRATION_FAILED', 'FORBIDDEN', 'UNAVAILABLE']

/** A valid request for every channel (ids 1 exist in the fuzz library). */
const VALID: Record<Channel, unknown> = {
  'portfolio:list': { text: 'BTC', tag: 'a', symbol: 'BTCUSDT', trash: false },
  'portfolio:get': { id: 1 },
  'portfolio:create': { scenario: SCENARIO, name: 'fuzz', tags: ['a'] },
  'portfolio:save': { id: 1, scenario: SCENARIO, tags: ['b'], baseRevision: 1 },
  'portfolio:duplicate': { id: 1, name: 'copy' },
  'portfolio:rename': { id: 1, name: 'renamed' },
  'portfolio:delete': { id: 2 },
  'portfolio:restore': { id: 2 },
  'portfolio:emptyTrash': {},
  'portfolio:revisions': { id: 1 },
  'portfolio:revision': { id: 1, revision: 1 },
  'portfolio:restoreRevision': { id: 1, revision: 1 },
  'scenario:import': { text: SCENARIO_TEXT, fileName: 'x.mpscenario.json', name: 'n', tags: [], dryRun: true },
  'scenario:export': { id: 1 },
  'scenario:text': { id: 1, revision: 1 },
  'file:open': { kind: 'scenario' },
  'file:openPending': {},
  'market:import': { text: read('tests/fixtures/import/premium-index-all.json'), fileName: 'p.json', asOf: '2026-03-05T00:00:00Z', dryRun: true },
  'market:list': {},
  'market:delete': { id: 2 },
  'market:apply': { snapshotId: 1, portfolioId: 1 },
  'account:import': { accountText: read('tests/fixtures/import/account-v2.json'), positionRiskText: read('tests/fixtures/import/position-risk-v2.json'), snapshotIds: [1], dryRun: true },
  'positions:csvTemplate': {},
  'positions:importCsv': { id: 1, text: 'symbol,side,quantity,entryPrice,leverage,marginType,isolatedWallet\nBTCUSDT,short,0.25,70210.5,50,cross,\n', mode: 'append', dryRun: true },
  'compare:run': { scenario: SCENARIO },
  'report:export': { scenario: SCENARIO }
}

let dir: string
let lib: Library

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mp-fuzz-ipc-'))
  lib = Library.open(join(dir, 'library.sqlite'))
  importScenarioText(lib, SCENARIO_TEXT)
  importScenarioText(lib, SCENARIO_TEXT)
  importMarketText(lib, read('tests/fixtures/import/leverage-bracket-binance.json'))
  importMarketText(lib, read('tests/fixtures/import/asset-index-all.json'))
})
afterAll(() => {
  lib?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe(`fuzz: IPC payloads (seed ${FUZZ_SEED}; replay with FUZZ_SEED=${FUZZ_SEED})`, () => {
  it(`${runsFor(0.13)} mutated requests through main's validation and the real handlers`, async () => {
    const rng = makeRng(targetSeed(FUZZ_SEED, 'ipc'))
    const internal: unknown[] = []
    const handlers = bindHandlers({ library: lib })
    let refused = 0
    for (let index = 0; index < runsFor(0.13); index++) {
      const channel = rng() < 0.03 ? pick(rng, ['', 'toString', '__proto__', 'portfolio:nope', 'compare:run\u0000']) : pick(rng, CHANNELS)
      const valid = Object.prototype.hasOwnProperty.call(VALID, channel) ? VALID[channel as Channel] : {}
      let payload: unknown
      let kind: string
      const roll = rng()
      if (roll < 0.6) ({ kind, value: payload } = mutateValue(valid, rng))
      else if (roll < 0.8 && typeof valid === 'object' && valid !== null) {
        // A file text inside the request mutated like a file (the text reaches the readers).
        const key = pick(rng, Object.keys(valid))
        const v = (valid as Record<string, unknown>)[key]
        const m = typeof v === 'string' ? mutateText(v, rng) : { kind: 'random', text: randomValue(rng) }
        payload = { ...valid, [key]: m.text }
        kind = `${key}: ${m.kind}`
      } else if (roll < 0.9) {
        payload = randomValue(rng)
        kind = 'random payload'
      } else {
        payload = valid
        kind = 'valid'
      }
      // Refusals must leave the library as it was; every 4th call is checked byte for byte.
      const checkBytes = index % 4 === 0
      const before = checkBytes ? libraryBytes(lib) : undefined
      const c: FuzzCase = { target: `ipc ${channel}`, index, kind, input: payload }
      let answer: Awaited<ReturnType<typeof dispatchIpc>>
      try {
        answer = await dispatchIpc(handlers, channel as Channel, payload, { onInternalError: (_ch, e) => internal.push(e) })
      } catch (e) {
        fail(c, `dispatchIpc threw ${e instanceof Error ? e.message : String(e)}`)
      }
      if (internal.length > 0) fail(c, `INTERNAL: ${internal.map((e) => (e instanceof Error ? e.stack : String(e))).join('\n')}`)
      if (answer.ok === true) continue
      if (answer.ok !== false || typeof answer.error !== 'object') fail(c, `not an IpcResult: ${JSON.stringify(answer).slice(0, 300)}`)
      refused++
      const { code, message, path, problems } = answer.error
      if (!ERROR_CODES.includes(code)) fail(c, `unexpected error code ${code}`)
      clean(c, message, 'the error message')
      if (path !== undefined) clean(c, path, 'the error path')
      for (const p of problems ?? []) {
        clean(c, p.path, 'a problem path')
        clean(c, p.message, 'a problem message')
      }
      // A refused payload names each problem by path (a refusal by state, "not in the trash", need not).
      if (/: malformed request$/.test(message) && !(problems && problems.length > 0 && path === problems[0]!.path)) fail(c, `a malformed request without problems: ${message}`)
      if (before && !libraryBytes(lib).equals(before)) fail(c, 'the library file changed after a refusal')
    }
    expect(refused).toBeGreaterThan(0)
  }, FUZZ_TIMEOUT_MS)
})
