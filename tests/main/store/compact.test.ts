// Compacting revisions: older than N days go, except each day's last per portfolio and the
// current one; the setting (off by default) is applied on open.
import { statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Library } from '../../../src/main/store'
import { compactLibrary, compactSetting, pruneRevisions, setCompactSetting } from '../../../src/main/store/compact'
import { applyOpenSettings } from '../../../src/main/store/library-startup'
import { fixtureScenario, refusal, tempDb } from './helpers'

/** A clock the test moves: saves land at the times it sets. */
function movableClock(): { now: () => string; set: (iso: string) => void } {
  let t = '2026-01-01T00:00:00.000Z'
  return { now: () => t, set: (iso) => (t = iso) }
}

function withHistory() {
  const clock = movableClock()
  const path = tempDb()
  const lib = Library.open(path, { now: clock.now })
  clock.set('2026-11-01T08:00:00.000Z')
  const p = lib.portfolios.create({ scenario: fixtureScenario(), name: 'r1' }) // Nov 1
  for (const [i, at] of ['2026-11-01T12:00:00.000Z', '2026-11-01T23:59:00.000Z', '2026-11-02T09:00:00.000Z', '2026-11-02T10:00:00.000Z', '2026-11-20T10:00:00.000Z', '2026-11-30T10:00:00.000Z'].entries()) {
    clock.set(at)
    lib.portfolios.rename(p.id, `r${i + 2}`)
  }
  return { path, lib, id: p.id }
}

describe('compact', () => {
  it('prunes revisions older than N days except each day\'s last; newer ones and the current stay', () => {
    const { lib, id } = withHistory()
    // Revisions 1–3 on Nov 1, 4–5 on Nov 2, 6 on Nov 20, 7 (current) on Nov 30.
    const r = pruneRevisions(lib.db, 10, new Date('2026-12-01T00:00:00.000Z'))
    expect(r).toEqual({ pruned: 3, cutoff: '2026-11-21T00:00:00.000Z' })
    expect(lib.portfolios.revisions(id).map((x) => x.revision)).toEqual([7, 6, 5, 3])
    // Again: nothing more to prune.
    expect(pruneRevisions(lib.db, 10, new Date('2026-12-01T00:00:00.000Z')).pruned).toBe(0)
    // 0 days: every day keeps its last; the current one always stays.
    expect(pruneRevisions(lib.db, 0, new Date('2027-01-01T00:00:00.000Z')).pruned).toBe(0)
    expect(lib.portfolios.get(id).revision).toBe(7)
    lib.close()
  })

  it('the current revision stays even when it is not its day\'s last (a restore made it current again)', () => {
    const { lib, id } = withHistory()
    lib.db.prepare('UPDATE portfolios SET revision = 2 WHERE id = ?').run(id)
    pruneRevisions(lib.db, 0, new Date('2026-12-01T00:00:00.000Z'))
    expect(lib.portfolios.revisions(id).map((x) => x.revision)).toEqual([7, 6, 5, 3, 2])
    lib.close()
  })

  it('refuses a number of days that is not a whole number from 0', () => {
    const { lib } = withHistory()
    for (const bad of [-1, 1.5, Number.NaN, 100000]) expect(refusal(() => pruneRevisions(lib.db, bad)).code).toBe('BAD_INPUT')
    lib.close()
  })

  it('library compact VACUUMs: the file shrinks after many revisions go', () => {
    const clock = movableClock()
    const path = tempDb()
    const lib = Library.open(path, { now: clock.now })
    clock.set('2026-01-01T00:00:00.000Z')
    const p = lib.portfolios.create({ scenario: fixtureScenario() })
    for (let i = 0; i < 300; i++) {
      clock.set(new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString())
      lib.portfolios.rename(p.id, `name ${i} ${'x'.repeat(150)}`)
    }
    lib.db.pragma('wal_checkpoint(TRUNCATE)')
    const before = statSync(path).size
    expect(compactLibrary(lib.db, 30, new Date('2026-06-01T00:00:00.000Z')).pruned).toBe(300) // all but the current one, which is also the day's last
    lib.db.pragma('wal_checkpoint(TRUNCATE)')
    expect(statSync(path).size).toBeLessThan(before / 4)
    expect(lib.portfolios.revisions(p.id)).toHaveLength(1)
    lib.close()
  })

  it('the setting: off by default; when on, applied on open', () => {
    const { lib, id } = withHistory()
    expect(compactSetting(lib.db)).toBeNull()
    expect(applyOpenSettings(lib, new Date('2026-12-01T00:00:00.000Z'))).toBe(0)
    expect(lib.portfolios.revisions(id)).toHaveLength(7)
    setCompactSetting(lib.db, 10)
    expect(compactSetting(lib.db)).toBe(10)
    expect(applyOpenSettings(lib, new Date('2026-12-01T00:00:00.000Z'))).toBe(3)
    setCompactSetting(lib.db, null)
    expect(compactSetting(lib.db)).toBeNull()
    lib.close()
  })
})
