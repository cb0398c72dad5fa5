import { describe, expect, it } from 'vitest'
import { Library } from '../../../src/main/store'
import type { Scenario } from '../../../src/shared/scenario/types'
import { fakeClock, fixtureScenario, refusal, tempDb } from './helpers'

function open(): Library {
  return Library.open(tempDb(), { now: fakeClock() })
}


/** Everything a user could see of the library, to check that a refusal changed nothing. */
function snapshotOf(lib: Library): unknown {
  const all = [...lib.portfolios.list(), ...lib.portfolios.list({ trash: true })]
  return all.map((p) => ({ p: lib.portfolios.get(p.id), revs: lib.portfolios.revisions(p.id) }))
}

const withMark = (s: Scenario, mark: string): Scenario => ({
  ...s,
  market: { ...s.market, symbols: { ...s.market.symbols, BTCUSDT: { ...s.market.symbols.BTCUSDT!, markPrice: mark } } }
})

describe('portfolios', () => {
  it('create stores the canonical scenario, name, notes, tags and times', () => {
    const lib = open()
    const p = lib.portfolios.create({ scenario: fixtureScenario(), tags: [' swing ', 'BTC', 'btc'] })
    expect(p).toMatchObject({ id: 1, name: 'BTC long, ETH collateral', notes: 'optional free text', tags: ['swing', 'BTC'], revision: 1, deletedAt: null })
    expect(p.symbols).toEqual(['BTCUSDT', 'ETHUSDT'])
    expect(p.createdAt).toMatch(/^2026-03-05T00:00:01/)
    expect(p.scenario).toEqual(fixtureScenario())
    lib.close()
  })

  it('every save keeps the previous version as a revision; restore makes a new revision', () => {
    const lib = open()
    const s = fixtureScenario()
    const p = lib.portfolios.create({ scenario: s })
    lib.portfolios.save({ id: p.id, scenario: withMark(s, '62000') })
    const third = lib.portfolios.save({ id: p.id, scenario: withMark(s, '63000'), tags: ['x'] })
    expect(third.revision).toBe(3)
    expect(lib.portfolios.revisions(p.id).map((r) => [r.revision, r.reason, r.current])).toEqual([
      [3, 'save', true],
      [2, 'save', false],
      [1, 'create', false]
    ])
    expect(lib.portfolios.revision(p.id, 2).scenario.market.symbols.BTCUSDT!.markPrice).toBe('62000')
    expect(lib.portfolios.revision(p.id, 1).tags).toEqual([])

    const restored = lib.portfolios.restoreRevision(p.id, 1)
    expect(restored.revision).toBe(4)
    expect(restored.scenario).toEqual(s)
    expect(restored.tags).toEqual([])
    expect(lib.portfolios.revisions(p.id)[0]).toMatchObject({ revision: 4, reason: 'restore', current: true })
    // The restored-over version is still there.
    expect(lib.portfolios.revision(p.id, 3).scenario.market.symbols.BTCUSDT!.markPrice).toBe('63000')
    expect(refusal(() => lib.portfolios.revision(p.id, 9)).code).toBe('NOT_FOUND')
    lib.close()
  })

  it('an identical save writes no revision; a stale baseRevision is a conflict', () => {
    const lib = open()
    const p = lib.portfolios.create({ scenario: fixtureScenario() })
    expect(lib.portfolios.save({ id: p.id, scenario: fixtureScenario() }).revision).toBe(1)
    lib.portfolios.save({ id: p.id, scenario: withMark(fixtureScenario(), '1'), baseRevision: 1 })
    const before = snapshotOf(lib)
    const e = refusal(() => lib.portfolios.save({ id: p.id, scenario: withMark(fixtureScenario(), '2'), baseRevision: 1 }))
    expect(e.code).toBe('CONFLICT')
    expect(snapshotOf(lib)).toEqual(before)
    lib.close()
  })

  it('rename and duplicate', () => {
    const lib = open()
    const p = lib.portfolios.create({ scenario: fixtureScenario(), tags: ['a'] })
    const renamed = lib.portfolios.rename(p.id, '  Hedge book ')
    expect(renamed).toMatchObject({ name: 'Hedge book', revision: 2 })
    expect(renamed.scenario.name).toBe('Hedge book')
    expect(lib.portfolios.revisions(p.id)[0]!.reason).toBe('rename')
    const copy = lib.portfolios.duplicate(p.id)
    expect(copy).toMatchObject({ name: 'Hedge book (copy)', tags: ['a'], revision: 1 })
    expect(copy.id).not.toBe(p.id)
    expect(lib.portfolios.duplicate(p.id, 'Other').name).toBe('Other')
    expect(refusal(() => lib.portfolios.rename(p.id, '   ')).problems).toEqual([{ path: 'name', message: 'a name must not be empty' }])
    expect(refusal(() => lib.portfolios.rename(p.id, 'a\nb')).code).toBe('BAD_INPUT')
    lib.close()
  })

  it('soft delete, restore, and empty trash', () => {
    const lib = open()
    const a = lib.portfolios.create({ scenario: fixtureScenario(), name: 'A' })
    const b = lib.portfolios.create({ scenario: fixtureScenario(), name: 'B' })
    lib.portfolios.delete(a.id)
    expect(lib.portfolios.list().map((p) => p.name)).toEqual(['B'])
    expect(lib.portfolios.list({ trash: true }).map((p) => p.name)).toEqual(['A'])
    expect(lib.portfolios.get(a.id).deletedAt).not.toBeNull()
    // A trashed portfolio cannot be edited until restored.
    expect(refusal(() => lib.portfolios.rename(a.id, 'A2')).code).toBe('NOT_FOUND')
    expect(lib.portfolios.restore(a.id).deletedAt).toBeNull()
    expect(lib.portfolios.list().map((p) => p.name).sort()).toEqual(['A', 'B'])
    lib.portfolios.delete(a.id)
    lib.portfolios.delete(b.id)
    lib.portfolios.restore(b.id)
    expect(lib.portfolios.emptyTrash()).toBe(1)
    expect(refusal(() => lib.portfolios.get(a.id)).code).toBe('NOT_FOUND')
    expect(lib.db.prepare('SELECT COUNT(*) AS n FROM portfolio_revisions WHERE portfolio_id = ?').get(a.id)).toEqual({ n: 0 })
    expect(lib.portfolios.list().map((p) => p.name)).toEqual(['B'])
    lib.close()
  })

  it('search by name, tag and symbol', () => {
    const lib = open()
    const s = fixtureScenario()
    const sol: Scenario = {
      ...s,
      account: { ...s.account, positions: [] },
      market: { ...s.market, symbols: { SOLUSDT: { ...s.market.symbols.ETHUSDT!, baseAsset: 'SOL' } } }
    }
    lib.portfolios.create({ scenario: s, name: 'Core BTC', tags: ['long-term'] })
    lib.portfolios.create({ scenario: sol, name: 'Sol 50% trade', tags: ['scalp'] })
    const names = (q: Parameters<typeof lib.portfolios.list>[0]) => lib.portfolios.list(q).map((p) => p.name).sort()
    expect(names({ text: 'core' })).toEqual(['Core BTC'])
    expect(names({ text: 'SCALP' })).toEqual(['Sol 50% trade'])
    expect(names({ text: 'sol' })).toEqual(['Sol 50% trade'])
    expect(names({ text: 'ethusdt' })).toEqual(['Core BTC'])
    expect(names({ text: '50%' })).toEqual(['Sol 50% trade'])
    expect(names({ text: '%' })).toEqual(['Sol 50% trade'])
    expect(names({ tag: 'long-term' })).toEqual(['Core BTC'])
    expect(names({ symbol: 'solusdt' })).toEqual(['Sol 50% trade'])
    expect(names({ symbol: 'SOL' })).toEqual([])
    expect(names({})).toEqual(['Core BTC', 'Sol 50% trade'])
    lib.close()
  })

  it('a bad scenario is refused whole, every problem by path, and nothing saved changes', () => {
    const lib = open()
    const p = lib.portfolios.create({ scenario: fixtureScenario() })
    const before = snapshotOf(lib)
    const bad = fixtureScenario() as unknown as { account: { positions: Record<string, unknown>[] } ; market: { asOf: unknown } }
    bad.account.positions[0]!.quantity = 0.8
    bad.account.positions[1]!.symbol = 'XRPUSDT'
    bad.market.asOf = ''
    const save = refusal(() => lib.portfolios.save({ id: p.id, scenario: bad }))
    expect(save.code).toBe('BAD_INPUT')
    expect(save.problems.map((x) => x.path).sort()).toEqual(['account.positions[0].quantity', 'market.asOf'])
    const create = refusal(() => lib.portfolios.create({ scenario: { format: 'margin-planner/scenario', version: 1 } }))
    expect(create.problems.map((x) => x.path)).toEqual(['name', 'account', 'market'])
    expect(refusal(() => lib.portfolios.create({ scenario: fixtureScenario(), tags: ['ok', ''] })).problems).toEqual([{ path: 'tags[1]', message: 'a tag must not be empty' }])
    expect(refusal(() => lib.portfolios.save({ id: 999, scenario: fixtureScenario() })).code).toBe('NOT_FOUND')
    expect(snapshotOf(lib)).toEqual(before)
    lib.close()
  })
})
