// Bad input through the real CLI process: exit 2, the problem named on stderr, nothing on
// stdout, and the library unchanged (the same `list` and `show` output before and after).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { Library, MIGRATIONS } from '../../src/main/store'
import { importMarketText, importScenarioText } from '../../src/main/store/transfer'
import { runCli } from '../../src/main/cli'
import { cli, type CliRun } from './cli-library-helpers'
import { FIXTURES, fixtureText, tempDir } from './store/helpers'

describe('library CLI refusals (real process)', () => {
  it('each bad input exits 2, names the problem, and leaves list and show unchanged', async () => {
    const dir = tempDir()
    const db = join(dir, 'lib.sqlite')
    const lib = Library.open(db)
    importScenarioText(lib, fixtureText())
    importMarketText(lib, JSON.stringify([{ symbol: 'BTCUSDT', brackets: [{ bracket: 1, initialLeverage: 5, notionalCap: 10000, notionalFloor: 0, maintMarginRatio: 0.01, cum: 0 }] }]), { name: 'tiny' })
    lib.close()
    const file = (name: string, text: string) => {
      const p = join(dir, name)
      writeFileSync(p, text)
      return p
    }
    const badDecimal = file('bad.mpscenario.json', fixtureText().replace('"entryPrice": "60000"', '"entryPrice": 6.4e4'))
    const badMarket = file('market.json', '{"hello": 1}')
    const notJson = file('broken.json', '{"format": "margin-planner/scenario",\n  "version": 1,\n  oops')
    // Through the real process: one of each kind of refusal.
    const cases: [string[], RegExp][] = [
      [['library', 'import', badDecimal], /bad\.mpscenario\.json: account\.positions\[0\]\.entryPrice: expected a decimal string, got 6\.4e4/],
      [['library', 'import', notJson], /broken\.json: \(file\): not valid JSON at line 3/],
      [['library', 'import', join(dir, 'missing.json')], /missing\.json: \(file\): no such file/],
      [['library', 'import', dir], /\(file\): not a regular file/],
      [['library', 'show', '99'], /no portfolio 99/],
      [['market', 'import', badMarket], /market\.json: \(file\): not a market file/],
      [['market', 'apply', '1', '1'], /account\.positions\[0\]\.quantity: notional 48800 at mark exceeds the largest bracket/],
      [['account', 'import', join(FIXTURES, 'account-v2.json'), join(FIXTURES, 'positionRisk-v2.json')], /market\.assets\.BTC\.index: no index price for BTC/],
      [['compare', '--id', '42'], /no portfolio 42/]
    ]
    // In process (runCli, the same code without the spawn): the rest.
    const inProcessCases: [string[], RegExp][] = [
      [['library', 'import', dir], /\(file\): not a regular file/],
      [['library', 'import', join(FIXTURES, 'basic.mpscenario.json'), '--name', ' '], /name: a name must not be empty/],
      [['library', 'show', 'abc'], /ID must be a positive whole number/],
      [['library', 'export', '1', join(dir, 'no-such-dir', 'x.json')], /no-such-dir.*ENOENT/],
      [['library', 'rename', '1', ''], /a name must not be empty/],
      [['library', 'restore', '1'], /not in the trash/],
      [['library', 'restore', '1', '--revision', '5'], /no revision 5/],
      [['library', 'frobnicate'], /unknown subcommand "library frobnicate"/],
      [['library', 'list', '--bogus'], /unknown option --bogus/],
      [['library'], /missing subcommand/],
      [['market', 'apply', '9', '1'], /no market snapshot 9/],
      [['market', 'import', badMarket, '--as-of', 'yesterday'], /--as-of must be an ISO date/],
      [['account', 'import', join(FIXTURES, 'positionRisk-v2.json'), join(FIXTURES, 'positionRisk-v2.json')], /account.*not a Binance GET \/fapi\/v2\/account/],
      [['account', 'import', join(FIXTURES, 'account-v2.json')], /usage: margin-planner account import/],
      [['compare', '--id', '1', join(FIXTURES, 'basic.mpscenario.json')], /usage: margin-planner compare/]
    ]
    const run = (args: string[]) => cli([...args, '--db', db])
    const [listBefore, showBefore] = await Promise.all([run(['library', 'list', '--json']), run(['library', 'show', '1'])])
    expect(showBefore.stdout).toBe(fixtureText())
    const results = await Promise.all(cases.map(([args]) => run(args)))
    results.forEach((r, i) => {
      const [args, pattern] = cases[i]!
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' })
      expect(r.stderr, args.join(' ')).toMatch(pattern)
    })
    for (const [args, pattern] of inProcessCases) {
      const r: CliRun = { code: 0, stdout: '', stderr: '' }
      r.code = await runCli([...args, '--db', db], { out: (t) => void (r.stdout += t), err: (t) => void (r.stderr += t) })
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' })
      expect(r.stderr, args.join(' ')).toMatch(pattern)
    }
    const [listAfter, showAfter] = await Promise.all([run(['library', 'list', '--json']), run(['library', 'show', '1'])])
    expect(listAfter).toEqual(listBefore)
    expect(showAfter).toEqual(showBefore)
  })

  it('a library from a newer Margin Planner: exit 2, a clear message, the file byte-identical', async () => {
    const db = join(tempDir(), 'lib.sqlite')
    const lib = Library.open(db)
    importScenarioText(lib, fixtureText())
    lib.close()
    const raw = new Database(db)
    raw.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', '2030-01-01')`).run()
    raw.close()
    const before = readFileSync(db)
    const [list, imp] = await Promise.all([cli(['library', 'list', '--db', db]), cli(['library', 'import', join(FIXTURES, 'basic.mpscenario.json')], { MARGIN_PLANNER_DB: db })])
    for (const r of [list, imp]) {
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toContain(`written by a newer Margin Planner (schema version 99; this program knows up to ${MIGRATIONS.length})`)
    }
    expect(readFileSync(db).equals(before)).toBe(true)
  })
})
