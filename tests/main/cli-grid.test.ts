// `margin-planner grid` through the real process (scenario-format.md §4).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'
import { ROOT } from '../helpers/scenarios'

const dir = mkdtempSync(join(tmpdir(), 'mp-cli-grid-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const example = (name: string): string => join(ROOT, 'resources/examples', `${name}.mpscenario.json`)

describe('grid FILE --json', () => {
  it('prints exactly the §4 document; its cells equal `compare --json` of the file with that shock', async () => {
    const file = example('btc-eth-collateral')
    const r = await runCli(['grid', file, '--x', 'ETH', '--y', 'BTC', '--range', '0.3', '--steps', '7', '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const grid = JSON.parse(r.stdout)
    expect(Object.keys(grid)).toEqual(['x', 'y', 'cells'])
    expect(grid.x).toEqual({ asset: 'ETH', moves: ['-0.3', '-0.2', '-0.1', '0', '0.1', '0.2', '0.3'] })
    expect(grid.y.asset).toBe('BTC')
    expect(grid.cells).toHaveLength(7)
    expect(grid.cells[0]).toHaveLength(7)
    expect(Object.keys(grid.cells[0][0])).toEqual(['singleAsset', 'multiAssets'])
    // Two cells through the real `compare`: ETH −20% / BTC +30% (Single-Asset liquidated) and ETH +10% / BTC −10%.
    const scenario = JSON.parse(readFileSync(file, 'utf8'))
    scenario.shocks = [
      { name: 'a', moves: { ETH: '-0.2', BTC: '0.3' } },
      { name: 'b', moves: { ETH: '0.1', BTC: '-0.1' } }
    ]
    const shocked = join(dir, 'shocked.mpscenario.json')
    writeFileSync(shocked, JSON.stringify(scenario))
    const compare = JSON.parse((await runCli(['compare', shocked, '--json'])).stdout)
    for (const [k, [i, j]] of [[1, 6], [4, 2]].entries()) {
      const shock = compare.shocks[k]
      const cell = grid.cells[j!][i!]
      expect(cell.singleAsset.liquidated).toBe(shock.singleAsset.groups.some((g: { liquidated: boolean }) => g.liquidated))
      expect(cell.singleAsset.worstMarginRatio).toBe(cell.singleAsset.liquidated ? null : shock.singleAsset.groups[0].marginRatio)
      expect(cell.multiAssets).toEqual({ marginRatio: shock.multiAssets.marginRatio, liquidated: shock.multiAssets.liquidated })
    }
    expect(grid.cells[6][1].singleAsset).toEqual({ worstMarginRatio: null, liquidated: true })
  })

  it('defaults: the two largest exposures, ±50% in 21 steps', async () => {
    const r = await runCli(['grid', example('fifty-positions'), '--json'])
    expect(r.code).toBe(0)
    const grid = JSON.parse(r.stdout)
    expect([grid.x.asset, grid.y.asset]).toEqual(['ENA', 'XRP'])
    expect(grid.x.moves).toHaveLength(21)
    expect([grid.x.moves[0], grid.x.moves[10], grid.x.moves[20]]).toEqual(['-0.5', '0', '0.5'])
    expect(grid.cells.flat()).toHaveLength(441)
  })
})

describe('grid FILE (table)', () => {
  it('prints one text heat map per mode, rises at the top', async () => {
    const r = await runCli(['grid', example('btc-eth-collateral'), '--x', 'ETH', '--y', 'SOL', '--steps', '11'])
    expect(r.code).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toBe('BTC and ETH collateral behind USDT perpetuals')
    const single = lines.indexOf('SINGLE-ASSET MODE: the worst group')
    const multi = lines.indexOf('MULTI-ASSETS MODE: the account')
    expect(lines[single + 1]).toMatch(/^SOL \\ ETH\s+-50%\s+-40%.*\+50%$/)
    expect(lines[single + 2]).toMatch(/^\+50%\s/)
    expect(lines[single + 12]).toMatch(/^-50%\s+LIQ/)
    // The idle collateral: liquidated cells in Single-Asset Mode, none in Multi-Assets Mode.
    expect(lines.slice(multi).join('\n')).not.toMatch(/LIQ/)
  })
})

describe('grid: bad arguments exit 2, each problem named, nothing on stdout', () => {
  const bad: [string, string[], RegExp][] = [
    ['an unknown asset', ['--x', 'DOGE', '--y', 'BTC'], /--x: unknown asset "DOGE": the assets a shock can move are ETH, SOL, BTC/],
    ['the same asset twice', ['--x', 'BTC', '--y', 'BTC'], /--x and --y are both BTC/],
    ['a range of 1', ['--range', '1'], /--range: must be above 0 and below 1/],
    ['a range of 0', ['--range', '0'], /--range: must be above 0 and below 1/],
    ['a range in exponent notation', ['--range', '5e-1'], /--range: expected a decimal such as 0.5, got "5e-1"/],
    ['one step', ['--steps', '1'], /--steps: must be a whole number from 2 to 101, got 1/],
    ['steps that are not a number', ['--steps', 'many'], /--steps: must be a whole number from 2 to 101, got "many"/],
    ['an unknown option', ['--z', 'ETH'], /unknown option --z/]
  ]
  for (const [what, args, message] of bad) {
    it(what, async () => {
      const r = await runCli(['grid', example('btc-eth-collateral'), ...args])
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(message)
    })
  }

  it('a refused scenario file names its problems by path', async () => {
    const file = join(dir, 'broken.mpscenario.json')
    writeFileSync(file, readFileSync(example('btc-eth-collateral'), 'utf8').replace('"entryPrice": "', '"entryPrice": "x'))
    const r = await runCli(['grid', file])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/account\.positions\[0\]\.entryPrice/)
  })
})

describe('grid --id ID', () => {
  it('grids a stored portfolio as it grids the file', async () => {
    const db = join(dir, 'library.sqlite')
    const file = example('hedge-mode-isolated-blocked')
    const imported = await runCli(['library', 'import', file, '--db', db])
    expect(imported.code).toBe(0)
    const id = imported.stdout.trim()
    const stored = await runCli(['grid', '--id', id, '--db', db, '--steps', '5', '--json'])
    const fromFile = await runCli(['grid', file, '--steps', '5', '--json'])
    expect(stored.code).toBe(0)
    expect(stored.stdout).toBe(fromFile.stdout)
  })
})
