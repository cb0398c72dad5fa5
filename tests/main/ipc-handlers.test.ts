// The IPC handlers as plain functions against a real SQLite file in a temp folder; dialogs are
// a stand-in FileAccess that returns paths in the same temp folder.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FileAccess } from '../../src/main/ipc-handlers'
import { Library } from '../../src/main/store'
import { call, refusal } from './ipc-call'
import { FIXTURES, fixtureScenario, fixtureText, tempDb, tempDir } from './store/helpers'


function fakeFiles(dir: string, answers: { open?: string | null; save?: string | null; pending?: string[] }): FileAccess & { remembered: string[]; suggested: string[] } {
  const remembered: string[] = []
  const suggested: string[] = []
  return {
    remembered,
    suggested,
    chooseOpen: async () => (answers.open === undefined ? null : answers.open),
    chooseSave: async (name) => {
      suggested.push(name)
      return answers.save === undefined ? null : answers.save && join(dir, answers.save)
    },
    takePending: () => answers.pending?.shift(),
    remember: (p) => void remembered.push(p)
  }
}

describe('IPC handlers (real SQLite)', () => {
  it('portfolio lifecycle: create, save with baseRevision, revisions, restore, rename, duplicate, trash', async () => {
    const ctx = { library: Library.open(tempDb()) }
    const p = await call(ctx, 'portfolio:create', { scenario: fixtureScenario(), tags: ['a'] })
    const s = fixtureScenario()
    s.account.balances[0]!.wallet = '12000'
    const saved = await call(ctx, 'portfolio:save', { id: p.id, scenario: s, baseRevision: 1 })
    expect(saved.revision).toBe(2)
    expect((await refusal(call(ctx, 'portfolio:save', { id: p.id, scenario: fixtureScenario(), baseRevision: 1 }))).code).toBe('CONFLICT')
    expect((await call(ctx, 'portfolio:revisions', { id: p.id })).map((r) => r.revision)).toEqual([2, 1])
    expect((await call(ctx, 'portfolio:revision', { id: p.id, revision: 1 })).scenario.account.balances[0]!.wallet).toBe('10000')
    expect((await call(ctx, 'portfolio:restoreRevision', { id: p.id, revision: 1 })).revision).toBe(3)
    expect((await call(ctx, 'portfolio:rename', { id: p.id, name: 'N' })).name).toBe('N')
    const copy = await call(ctx, 'portfolio:duplicate', { id: p.id })
    expect(await call(ctx, 'portfolio:delete', { id: copy.id })).toEqual({ id: copy.id })
    expect((await call(ctx, 'portfolio:list', { trash: true })).map((x) => x.id)).toEqual([copy.id])
    expect((await call(ctx, 'portfolio:restore', { id: copy.id })).deletedAt).toBeNull()
    await call(ctx, 'portfolio:delete', { id: copy.id })
    expect(await call(ctx, 'portfolio:emptyTrash', {})).toEqual({ deleted: 1 })
    expect((await call(ctx, 'portfolio:list', { text: 'n' })).map((x) => x.name)).toEqual(['N'])
    ctx.library.close()
  })

  it('scenario:import previews on dry run, imports text; scenario:text round-trips byte-identically', async () => {
    const ctx = { library: Library.open(tempDb()) }
    const dry = await call(ctx, 'scenario:import', { text: fixtureText(), fileName: 'x.mpscenario.json', dryRun: true })
    expect(dry).toEqual({ preview: { name: 'BTC long, ETH collateral', balances: 2, positions: 2, openOrders: 0, symbols: 2, assets: 3, shocks: 2 }, portfolio: null })
    expect(await call(ctx, 'portfolio:list', {})).toEqual([])
    const done = await call(ctx, 'scenario:import', { text: fixtureText() })
    expect(done.portfolio).toMatchObject({ id: 1, revision: 1 })
    expect(done.portfolio).not.toHaveProperty('scenario') // a summary, not the whole scenario
    const out = await call(ctx, 'scenario:text', { id: 1 })
    expect(out).toEqual({ fileName: 'BTC long, ETH collateral.mpscenario.json', text: fixtureText() })
    const again = await call(ctx, 'scenario:import', { text: out.text })
    expect((await call(ctx, 'scenario:text', { id: again.portfolio!.id })).text).toBe(out.text)
    const bad = await refusal(call(ctx, 'scenario:import', { text: fixtureText().replace('"quantity": "0.8"', '"quantity": "-0.8"') }))
    expect(bad.toIpc()).toMatchObject({ code: 'BAD_INPUT', path: 'account.positions[0].quantity' })
    expect((await call(ctx, 'portfolio:list', {})).length).toBe(2)
    ctx.library.close()
  })

  it('scenario:export writes atomically where the save dialog says; cancel writes nothing', async () => {
    const dir = tempDir()
    const library = Library.open(tempDb())
    await call({ library }, 'scenario:import', { text: fixtureText() })
    const files = fakeFiles(dir, { save: 'out.mpscenario.json' })
    expect(await call({ library, files }, 'scenario:export', { id: 1 })).toEqual({ saved: true, fileName: 'out.mpscenario.json' })
    expect(files.suggested).toEqual(['BTC long, ETH collateral.mpscenario.json'])
    expect(readFileSync(join(dir, 'out.mpscenario.json'), 'utf8')).toBe(fixtureText())
    expect(files.remembered).toEqual([join(dir, 'out.mpscenario.json')])
    expect(await call({ library, files: fakeFiles(dir, {}) }, 'scenario:export', { id: 1 })).toEqual({ saved: false })
    expect((await refusal(call({ library }, 'scenario:export', { id: 1 }))).code).toBe('UNAVAILABLE')
    library.close()
  })

  it('file:open and file:openPending read the chosen file (capped), returning its base name and text', async () => {
    const dir = tempDir()
    const library = Library.open(tempDb())
    const path = join(dir, 'mine.mpscenario.json')
    writeFileSync(path, fixtureText())
    expect(await call({ library, files: fakeFiles(dir, { open: path }) }, 'file:open', { kind: 'scenario' })).toEqual({ fileName: 'mine.mpscenario.json', text: fixtureText() })
    expect(await call({ library, files: fakeFiles(dir, { open: null }) }, 'file:open', { kind: 'market' })).toBeNull()
    const pending = fakeFiles(dir, { pending: [path] })
    expect((await call({ library, files: pending }, 'file:openPending', {}))?.fileName).toBe('mine.mpscenario.json')
    expect(await call({ library, files: pending }, 'file:openPending', {})).toBeNull()
    const gone = await refusal(call({ library, files: fakeFiles(dir, { open: join(dir, 'gone.json') }) }, 'file:open', { kind: 'scenario' }))
    expect(gone.toIpc()).toMatchObject({ code: 'BAD_INPUT', path: '(file)' })
    library.close()
  })

  it('market:import, market:list, market:apply, account:import, compare:run', async () => {
    const ctx = { library: Library.open(tempDb()) }
    await call(ctx, 'scenario:import', { text: fixtureText() })
    const text = (f: string) => readFileSync(join(FIXTURES, f), 'utf8')
    const tiers = await call(ctx, 'market:import', { text: text('brackets-binance.json'), fileName: 'brackets.json', asOf: '2026-03-05T00:00:00Z' })
    expect(tiers).toMatchObject({ kind: 'brackets', name: 'brackets 2026-03-05T00:00:00Z (brackets.json)', symbols: 2, snapshot: { id: 1 } })
    const rates = await call(ctx, 'market:import', { text: text('assetIndex.json'), name: 'rates' })
    expect((await call(ctx, 'market:list', {})).map((s) => s.name).sort()).toEqual(['brackets 2026-03-05T00:00:00Z (brackets.json)', 'rates'])
    const applied = await call(ctx, 'market:apply', { snapshotId: rates.snapshot!.id, portfolioId: 1 })
    expect(applied.assetsUpdated).toEqual(['USDT', 'BTC'])
    const acct = await call(ctx, 'account:import', { accountText: text('account-v2.json'), positionRiskText: text('positionRisk-v2.json'), name: 'Live' })
    expect(acct.portfolio).toMatchObject({ id: 2, name: 'Live' })
    const byId = await call(ctx, 'compare:run', { id: 2 })
    expect(byId.scenario).toBe('Live')
    const unsaved = await call(ctx, 'compare:run', { scenario: fixtureScenario() })
    expect(unsaved.singleAsset.positions).toHaveLength(2)
    const badCompare = await refusal(call(ctx, 'compare:run', { scenario: { ...fixtureScenario(), version: 9 } }))
    expect(badCompare.toIpc().path).toBe('version')
    expect(await call(ctx, 'market:delete', { id: 1 })).toEqual({ id: 1 })
    expect((await call(ctx, 'market:list', {})).length).toBe(1)
    ctx.library.close()
  })
})
