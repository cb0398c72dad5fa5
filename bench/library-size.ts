// Library size benchmark (`npx tsx bench/library-size.ts [--json] [--saves N]`): saves N
// (default 10,000) revisions of a bundled example into a temp library, 100 a day over N/100
// days on a simulated clock, then reports the file size before and after `library compact
// --older-than 30`, how long an online backup and a full check take. Seeded (the mark prices
// of each save come from a fixed PRNG); figures only, no timing assertions.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { backupTo } from '../src/main/store/backups'
import { compactLibrary } from '../src/main/store/compact'
import { checkLibraryFile } from '../src/main/store/library-health'
import { Library } from '../src/main/store/library'
import { openLibraryForApp } from '../src/main/store/library-startup'
import { parseScenario } from '../src/shared/scenario'
import type { Scenario } from '../src/shared/scenario/types'

export interface LibrarySizeOptions {
  saves?: number
  savesPerDay?: number
  compactOlderThanDays?: number
  seed?: number
  example?: string
}

export interface LibrarySizeReport {
  saves: number
  revisions: { before: number; after: number }
  bytes: { afterSaves: number; afterCompact: number }
  ms: { saves: number; backup: number; check: number; appOpen: number; compact: number }
  backupBytes: number
}

/** Mulberry32: a small seeded PRNG, so every run saves the same revisions. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export async function measureLibrarySize(options: LibrarySizeOptions = {}): Promise<LibrarySizeReport> {
  const saves = options.saves ?? 10_000
  const perDay = options.savesPerDay ?? 100
  const olderThan = options.compactOlderThanDays ?? 30
  const file = options.example ?? resolve(import.meta.dirname, '../resources/examples/btc-eth-collateral.mpscenario.json')
  const parsed = parseScenario(readFileSync(file, 'utf8'))
  if (!parsed.ok) throw new Error(`${file} does not parse`)
  const base: Scenario = parsed.value
  const random = prng(options.seed ?? 20261201)
  const start = Date.UTC(2026, 0, 1)
  let t = start
  const dir = mkdtempSync(join(tmpdir(), 'mp-bench-library-'))
  const path = join(dir, 'library.sqlite')
  try {
    const lib = Library.open(path, { now: () => new Date(t).toISOString() })
    // Sizes do not depend on fsync, and 10,000 fsyncs would time the disk, not the library
    // (save speed is `npm run bench`'s). The backup and the check below run as in the app.
    lib.db.pragma('synchronous = OFF')
    const { id } = lib.portfolios.create({ scenario: base })
    const symbol = Object.keys(base.market.symbols)[0]!
    const t0 = performance.now()
    for (let i = 1; i < saves; i++) {
      t = start + Math.floor(i / perDay) * 86400000 + (i % perDay) * 60000
      // A mark price with two decimals, made from integers: no float ever reaches the scenario.
      const cents = 1_000_000 + Math.floor(random() * 9_000_000)
      const markPrice = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
      const next: Scenario = { ...base, market: { ...base.market, symbols: { ...base.market.symbols, [symbol]: { ...base.market.symbols[symbol]!, markPrice } } } }
      lib.portfolios.save({ id, scenario: next })
    }
    const savesMs = performance.now() - t0
    lib.db.pragma('wal_checkpoint(TRUNCATE)')
    lib.db.pragma('synchronous = FULL')
    const revisionsBefore = lib.portfolios.revisions(id).length
    const afterSaves = statSync(path).size

    const b0 = performance.now()
    const backup = await backupTo(lib.db, join(dir, 'backup.sqlite'))
    const backupMs = performance.now() - b0
    const c0 = performance.now()
    if (!checkLibraryFile(path).sound) throw new Error('the library is not sound')
    const checkMs = performance.now() - c0
    // What the app adds to its start: open + PRAGMA quick_check (library-startup.ts).
    const o0 = performance.now()
    const opened = openLibraryForApp(path)
    const appOpenMs = performance.now() - o0
    if (opened.kind !== 'open') throw new Error('the library did not open')
    opened.library.close()

    const k0 = performance.now()
    compactLibrary(lib.db, olderThan, new Date(t + 60000))
    lib.db.pragma('wal_checkpoint(TRUNCATE)')
    const compactMs = performance.now() - k0
    const revisionsAfter = lib.portfolios.revisions(id).length
    const afterCompact = statSync(path).size
    lib.close()
    return {
      saves,
      revisions: { before: revisionsBefore, after: revisionsAfter },
      bytes: { afterSaves, afterCompact },
      ms: { saves: Math.round(savesMs), backup: Math.round(backupMs), check: Math.round(checkMs), appOpen: Math.round(appOpenMs), compact: Math.round(compactMs) },
      backupBytes: statSync(backup).size
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)
if (invokedDirectly) {
  const args = process.argv.slice(2)
  const savesAt = args.indexOf('--saves')
  const saves = savesAt >= 0 ? Number.parseInt(args[savesAt + 1] ?? '', 10) : undefined
  const r = await measureLibrarySize({ saves })
  if (args.includes('--json')) console.log(JSON.stringify(r, null, 2))
  else {
    const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`
    console.log(`${r.saves} saves of one portfolio (100 a day): ${mb(r.bytes.afterSaves)} (${r.revisions.before} revisions), ${r.ms.saves} ms`)
    console.log(`online backup: ${r.ms.backup} ms (${mb(r.backupBytes)}); full check: ${r.ms.check} ms; app open with quick_check: ${r.ms.appOpen} ms`)
    console.log(`compact --older-than 30: ${mb(r.bytes.afterCompact)} (${r.revisions.after} revisions kept), ${r.ms.compact} ms`)
  }
}
