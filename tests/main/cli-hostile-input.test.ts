// The real CLI on the fuzz run's crashes (issue 8 §3): deep nesting and NUL bytes are refused
// with exit 2, each problem by path, and neither stderr nor stdout ever carries a raw control
// character (a scenario's name, notes and shock names are shown escaped).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'
import { MAX_JSON_DEPTH } from '../../src/shared/json/strict-json'
import { parseScenario, writeScenario } from '../../src/shared/scenario'
import { ROOT } from '../helpers/scenarios'

const dir = mkdtempSync(join(tmpdir(), 'mp-hostile-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
/** Any control character but the line feed that ends each stderr line. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

describe('the CLI on hostile files', () => {
  it('200,000 nested [ : exit 2 with the path where the nesting goes too deep, not a stack overflow', async () => {
    const path = file('deep.json', '['.repeat(200_000))
    const run = await runCli(['compare', path])
    expect([run.code, run.stdout]).toEqual([2, ''])
    expect(run.stderr).toBe(`${path}: ${'[0]'.repeat(MAX_JSON_DEPTH)}: nested deeper than ${MAX_JSON_DEPTH} arrays or objects; no file this program reads nests more than a few\n`)
  })

  it('a file of NUL bytes: exit 2, the NUL shown as \\u0000', async () => {
    const path = file('nul.json', Buffer.alloc(64))
    const run = await runCli(['compare', path])
    expect([run.code, run.stdout]).toEqual([2, ''])
    expect(run.stderr).toBe(`${path}: (file): not valid JSON at line 1, column 1: unexpected '\\u0000'\n`)
  })

  it('control characters in keys, values and the file name are escaped on stderr', async () => {
    const path = file('esc\u001b[31m.json', '{"format": "margin-planner/scenario", "version": 1, "na\\u0007me": "\\u001b]0;pwned\\u0007", "name": "\\u202e"}')
    const run = await runCli(['compare', path])
    expect([run.code, run.stdout]).toEqual([2, ''])
    expect(run.stderr).not.toMatch(RAW_CONTROL)
    expect(run.stderr).toContain('esc\\u001b[31m.json: ["na\\u0007me"]: unknown key')
    const market = await runCli(['market', 'import', file('bad.json', '{"symbol": "X\\u001bY", "brackets": [{"notionalFloor": "\\u0000"}]}'), '--db', join(dir, 'lib.sqlite')])
    expect(market.code).toBe(2)
    expect(market.stderr).not.toMatch(RAW_CONTROL)
    expect(market.stderr).toContain('"\\u0000"')
  })

  it('a valid file whose name and shock carry control characters: stdout escapes them, and --json still decodes to the exact name', async () => {
    const parsed = parseScenario(readFileSync(join(ROOT, 'resources/examples/btc-eth-collateral.mpscenario.json'), 'utf8'))
    if (!parsed.ok) throw new Error('example')
    const s = parsed.value
    s.name = 'evil\u001b[31mRED\u202eXYZ'
    s.shocks = [{ name: 'crash\u0007', moves: { BTC: '-0.2' } }]
    const path = file('named.mpscenario.json', writeScenario(s))
    const table = await runCli(['compare', path])
    expect(table.code).toBe(0)
    expect(table.stdout).not.toMatch(RAW_CONTROL)
    expect(table.stdout).toContain('evil\\u001b[31mRED\\u202eXYZ')
    const json = await runCli(['compare', path, '--json'])
    expect(json.code).toBe(0)
    expect(json.stdout).not.toMatch(RAW_CONTROL)
    expect(JSON.parse(json.stdout).scenario).toBe(s.name)
    expect(JSON.parse(json.stdout).shocks[0].name).toBe('crash\u0007')
  })
})
