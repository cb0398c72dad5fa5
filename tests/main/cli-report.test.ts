// `margin-planner report` through the real process (scenario-format.md §4).
import { existsSync, mkdtempSync, readFileSync, rmSync, copyFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'
import { ROOT } from '../helpers/scenarios'

const dir = mkdtempSync(join(tmpdir(), 'mp-cli-report-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const example = (name: string): string => join(ROOT, 'resources/examples', `${name}.mpscenario.json`)

describe('report', () => {
  it('--out writes one HTML file atomically and prints its path', async () => {
    const out = join(dir, 'book.html')
    const r = await runCli(['report', example('hedge-mode-isolated-blocked'), '--out', out])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(`${out}\n`)
    const html = readFileSync(out, 'utf8')
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).toContain('<h1>Hedge')
    expect(html).toContain('switch blocked')
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('without --out it goes beside the file as NAME.report.html; --out - prints it', async () => {
    const copy = join(dir, 'collateral.mpscenario.json')
    copyFileSync(example('btc-eth-collateral'), copy)
    const r = await runCli(['report', copy])
    expect(r.code).toBe(0)
    expect(r.stdout.trim()).toBe(join(dir, 'collateral.report.html'))
    expect(existsSync(join(dir, 'collateral.report.html'))).toBe(true)
    const stdout = await runCli(['report', copy, '--out', '-'])
    expect(stdout.code).toBe(0)
    expect(stdout.stdout).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/)
  })

  it('--id reports a stored portfolio', async () => {
    const db = join(dir, 'library.sqlite')
    const id = (await runCli(['library', 'import', example('btc-eth-collateral'), '--db', db])).stdout.trim()
    const r = await runCli(['report', '--id', id, '--db', db, '--out', '-'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('<h1>BTC and ETH collateral behind USDT perpetuals</h1>')
  })

  it('bad input exits 2 with nothing on stdout and no file written', async () => {
    const missing = await runCli(['report', join(dir, 'nope.json')])
    expect(missing.code).toBe(2)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toMatch(/no such file/)
    const noFolder = await runCli(['report', example('btc-eth-collateral'), '--out', join(dir, 'no/such/folder/r.html')])
    expect(noFolder.code).toBe(2)
    expect(noFolder.stdout).toBe('')
    expect(noFolder.stderr).toMatch(/cannot write/)
  })
})
