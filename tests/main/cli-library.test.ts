// The library CLI: the main journeys through the real process (bin/margin-planner.mjs, the
// built command), the rest in-process through runCli (the same code, minus the spawn).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli'
import { cli } from './cli-library-helpers'
import { FIXTURES, fixtureText, tempDir } from './store/helpers'

const BASIC = join(FIXTURES, 'basic.mpscenario.json')

async function inProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { out: (s) => void (stdout += s), err: (s) => void (stderr += s) })
  return { code, stdout, stderr }
}

describe('library CLI (real process)', () => {
  it('import, list, show, export → import → export byte-identical, compare --id', async () => {
    const dir = tempDir()
    const db = join(dir, 'lib.sqlite')
    const run = (...args: string[]) => cli([...args, '--db', db])

    const imported = await run('library', 'import', BASIC, '--json', '--tags', 'core,btc')
    expect(imported).toEqual({ code: 0, stdout: '{\n  "id": 1\n}\n', stderr: '' })

    const a = join(dir, 'a.mpscenario.json')
    const [list, show, byId, byFile, exported] = await Promise.all([
      run('library', 'list', '--json'),
      run('library', 'show', '1'),
      run('compare', '--id', '1', '--json'),
      cli(['compare', BASIC, '--json']),
      run('library', 'export', '1', a)
    ])
    const rows = JSON.parse(list.stdout) as Record<string, unknown>[]
    expect(rows.map((r) => Object.keys(r))).toEqual([['id', 'name', 'tags', 'updatedAt']])
    expect(rows[0]).toMatchObject({ id: 1, name: 'BTC long, ETH collateral', tags: ['core', 'btc'] })
    expect(show).toEqual({ code: 0, stdout: fixtureText(), stderr: '' })
    // compare --id prints exactly what compare FILE prints.
    expect(byId.code).toBe(0)
    expect(byId.stdout).toBe(byFile.stdout)
    expect(JSON.parse(byId.stdout).scenario).toBe('BTC long, ETH collateral')
    expect(exported.code).toBe(0)

    expect(await run('library', 'import', a)).toEqual({ code: 0, stdout: '2\n', stderr: '' })
    const b = join(dir, 'b.mpscenario.json')
    expect((await run('library', 'export', '2', b)).code).toBe(0)
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true)
    expect(readFileSync(a, 'utf8')).toBe(fixtureText())
  })
})

describe('library CLI (in process)', () => {
  it('dry run, rename, trash, restore, revisions, search', async () => {
    const db = join(tempDir(), 'lib.sqlite')
    const run = (...args: string[]) => inProcess([...args, '--db', db])
    const dry = await run('library', 'import', BASIC, '--dry-run', '--json')
    expect(JSON.parse(dry.stdout)).toEqual({ dryRun: true, preview: { name: 'BTC long, ETH collateral', balances: 2, positions: 2, openOrders: 0, symbols: 2, assets: 3, shocks: 2 } })
    expect((await run('library', 'import', BASIC, '--dry-run')).stdout).toBe('would import "BTC long, ETH collateral": 2 balances, 2 positions, 2 symbols, 2 assets, 2 shocks\n'.replace('2 assets', '3 assets'))
    expect((await run('library', 'list', '--json')).stdout).toBe('[]\n')
    await run('library', 'import', BASIC)
    await run('library', 'import', BASIC, '--name', 'Second', '--tags', 'alt')
    expect(JSON.parse((await run('library', 'rename', '2', 'Hedge', '--json')).stdout)).toEqual({ id: 2, name: 'Hedge', revision: 2 })
    expect(JSON.parse((await run('library', 'duplicate', '2', '--json')).stdout)).toMatchObject({ id: 3, name: 'Hedge (copy)' })
    expect((await run('library', 'delete', '2')).code).toBe(0)
    const ids = async (...extra: string[]) => (JSON.parse((await run('library', 'list', '--json', ...extra)).stdout) as { id: number }[]).map((r) => r.id).sort()
    expect(await ids()).toEqual([1, 3])
    expect(await ids('--trash')).toEqual([2])
    expect(await ids('--tag', 'alt')).toEqual([3])
    expect(await ids('--search', 'hedge')).toEqual([3])
    expect(await ids('--symbol', 'ETHUSDT')).toEqual([1, 3])
    expect(JSON.parse((await run('library', 'restore', '2', '--json')).stdout)).toMatchObject({ id: 2, revision: 2 })
    const revs = JSON.parse((await run('library', 'revisions', '2', '--json')).stdout) as { revision: number; reason: string; current: boolean }[]
    expect(revs.map((r) => [r.revision, r.reason, r.current])).toEqual([
      [2, 'rename', true],
      [1, 'import', false]
    ])
    expect(JSON.parse((await run('library', 'restore', '2', '--revision', '1', '--json')).stdout)).toEqual({ id: 2, name: 'Second', revision: 3 })
    expect((await run('library', 'show', '2', '--revision', '2')).stdout).toContain('"name": "Hedge"')
    await run('library', 'delete', '3')
    expect((await run('library', 'empty-trash', '--json')).stdout).toBe('{\n  "deleted": 1\n}\n')
    expect(await ids()).toEqual([1, 2])
  })

  it('market import, list and apply; account import; compare --id of the result', async () => {
    const db = join(tempDir(), 'lib.sqlite')
    const run = (...args: string[]) => inProcess([...args, '--db', db])
    expect((await run('library', 'import', BASIC)).stdout).toBe('1\n')
    const snap = await run('market', 'import', join(FIXTURES, 'brackets-binance.json'), '--name', 'tiers', '--as-of', '2026-03-05T00:00:00Z', '--json')
    expect(JSON.parse(snap.stdout)).toMatchObject({ id: 1, kind: 'brackets', symbols: 2, asOf: '2026-03-05T00:00:00Z' })
    expect((await run('market', 'import', join(FIXTURES, 'assetIndex.json'), '--name', 'rates')).stdout).toBe('2\n')
    const list = JSON.parse((await run('market', 'list', '--json')).stdout) as { name: string }[]
    expect(list.map((s) => s.name).sort()).toEqual(['rates', 'tiers'])
    const applied = await run('market', 'apply', '2', '1', '--json')
    expect(JSON.parse(applied.stdout)).toEqual({ id: 1, revision: 2, symbolsUpdated: [], assetsUpdated: ['USDT', 'BTC'], symbolsMissing: ['BTCUSDT', 'ETHUSDT'], assetsMissing: ['ETH'] })
    const account = await run('account', 'import', join(FIXTURES, 'account-v2.json'), join(FIXTURES, 'positionRisk-v2.json'), '--name', 'From Binance', '--json')
    expect(account.code).toBe(0)
    expect(JSON.parse(account.stdout)).toMatchObject({ id: 2, preview: { name: 'From Binance', positions: 1 } })
    const compared = await run('compare', '--id', '2', '--json')
    expect(JSON.parse(compared.stdout).singleAsset.positions).toHaveLength(1)
  })
})
