// positions:csvTemplate and positions:importCsv through their zod schemas and handlers, against a
// real SQLite file: the template, a dry run, a refusal by CSV row, then the saved revision.
import { describe, expect, it } from 'vitest'
import { Library } from '../../src/main/store'
import { API_FUNCTIONS, contract } from '../../src/shared/ipc'
import { call, refusal } from './ipc-call'
import { fixtureScenario, tempDb } from './store/helpers'

describe('positions CSV over IPC', () => {
  it('named functions exist for both channels', () => {
    expect(API_FUNCTIONS.positionsCsvTemplate).toBe('positions:csvTemplate')
    expect(API_FUNCTIONS.importPositionsCsv).toBe('positions:importCsv')
  })

  it('template, dry run, refusal by row, import as a new revision', async () => {
    const ctx = { library: Library.open(tempDb()) }
    const p = await call(ctx, 'portfolio:create', { scenario: fixtureScenario() })
    const template = await call(ctx, 'positions:csvTemplate', {})
    expect(template.fileName).toBe('positions-template.csv')
    expect(template.text.split('\r\n')[0]).toBe('symbol,side,quantity,entryPrice,leverage,marginType,isolatedWallet')

    const dry = await call(ctx, 'positions:importCsv', { id: p.id, text: template.text, mode: 'replace', dryRun: true })
    expect(dry.portfolio).toBeNull()
    expect(dry.preview.changes.map((c) => [c.change, c.symbol])).toEqual([
      ['changed', 'BTCUSDT'],
      ['removed', 'ETHUSDT']
    ])

    // Appending the template's BTCUSDT to a one-way book that holds BTCUSDT: refused by row.
    const bad = await refusal(call(ctx, 'positions:importCsv', { id: p.id, text: template.text, mode: 'append' }))
    expect(bad.toIpc()).toMatchObject({ code: 'BAD_INPUT', path: 'row 2, column symbol' })
    expect((await call(ctx, 'portfolio:get', { id: p.id })).revision).toBe(1)

    const done = await call(ctx, 'positions:importCsv', { id: p.id, text: template.text, mode: 'replace', baseRevision: 1 })
    expect(done.portfolio).toMatchObject({ id: p.id, revision: 2 })
    expect(done.portfolio).not.toHaveProperty('scenario')
    expect(done.preview.after).toHaveLength(1)
    ctx.library.close()
  })

  it('the request schema is strict: a path or an unknown mode never reaches the handler', () => {
    expect(contract['positions:importCsv'].safeParse({ id: 1, path: '/etc/passwd', mode: 'replace' }).success).toBe(false)
    expect(contract['positions:importCsv'].safeParse({ id: 1, text: 'x', mode: 'merge' }).success).toBe(false)
    expect(contract['positions:importCsv'].safeParse({ id: 1, text: 'x' }).success).toBe(false)
    expect(contract['positions:csvTemplate'].safeParse({ x: 1 }).success).toBe(false)
  })
})
