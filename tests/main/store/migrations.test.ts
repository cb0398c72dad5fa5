import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { Library, MIGRATIONS, openDatabase, schemaVersion, type Migration } from '../../../src/main/store'
import { fixtureScenario, refusal, tempDb } from './helpers'

const NEWEST = MIGRATIONS[MIGRATIONS.length - 1]!.version


describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
  })

  it('build the newest schema from an empty file, with WAL and foreign keys on', () => {
    const path = tempDb()
    const db = openDatabase(path)
    expect(schemaVersion(db)).toBe(NEWEST)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(Number(db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0)
    const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()
    expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })))
    db.close()
    // Reopening an up-to-date file changes nothing.
    const again = openDatabase(path)
    expect(schemaVersion(again)).toBe(NEWEST)
    again.close()
  })

  for (let from = 1; from < NEWEST; from++) {
    it(`upgrade a library at version ${from} to ${NEWEST}, keeping its portfolios`, () => {
      const path = tempDb()
      const old = Library.open(path, { migrations: MIGRATIONS.slice(0, from) })
      const p = old.portfolios.create({ scenario: fixtureScenario(), tags: ['kept'] })
      expect(schemaVersion(old.db)).toBe(from)
      old.close()
      const lib = Library.open(path)
      expect(schemaVersion(lib.db)).toBe(NEWEST)
      expect(lib.portfolios.get(p.id).scenario).toEqual(fixtureScenario())
      expect(lib.portfolios.list({ tag: 'kept' }).map((x) => x.id)).toEqual([p.id])
      lib.close()
    })
  }

  it('refuse a library from a newer version and leave it byte-for-byte unchanged', () => {
    const path = tempDb()
    const lib = Library.open(path)
    lib.portfolios.create({ scenario: fixtureScenario() })
    lib.db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from-the-future', '2030-01-01T00:00:00Z')`).run(NEWEST + 7)
    lib.close()
    const before = readFileSync(path)
    const e = refusal(() => Library.open(path))
    expect(e.code).toBe('LIBRARY_TOO_NEW')
    expect(e.message).toContain(`schema version ${NEWEST + 7}`)
    expect(e.message).toContain(`up to ${NEWEST}`)
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(existsSync(`${path}-wal`)).toBe(false)
  })

  it('stop at the first failing migration and leave the file as it was', () => {
    const path = tempDb()
    const v1 = Library.open(path, { migrations: MIGRATIONS.slice(0, 1) })
    v1.portfolios.create({ scenario: fixtureScenario() })
    v1.close()
    const before = readFileSync(path)
    const ran: number[] = []
    const failing: Migration = {
      version: NEWEST + 1,
      name: 'broken',
      up(db) {
        ran.push(NEWEST + 1)
        db.exec('CREATE TABLE half_done (x)')
        db.exec('INSERT INTO no_such_table VALUES (1)')
      }
    }
    const never: Migration = { version: NEWEST + 2, name: 'never', up: () => void ran.push(NEWEST + 2) }
    const e = refusal(() => openDatabase(path, { migrations: [...MIGRATIONS, failing, never] }))
    expect(e.code).toBe('MIGRATION_FAILED')
    expect(e.message).toContain(`${NEWEST + 1}-broken`)
    expect(ran).toEqual([NEWEST + 1])
    expect(readFileSync(path).equals(before)).toBe(true)
    const db = new Database(path, { readonly: true })
    expect(schemaVersion(db)).toBe(1)
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get()).toBeUndefined()
    db.close()
  })

  it('refuse a file that is not a library, untouched', () => {
    const text = tempDb()
    writeFileSync(text, 'hello, not a database, but long enough to have a header of sorts..........\n')
    const before = readFileSync(text)
    expect(refusal(() => Library.open(text)).code).toBe('NOT_A_LIBRARY')
    expect(readFileSync(text).equals(before)).toBe(true)

    const other = tempDb()
    const db = new Database(other)
    db.exec('CREATE TABLE someone_elses (x)')
    db.close()
    const otherBefore = readFileSync(other)
    const e = refusal(() => Library.open(other))
    expect(e.code).toBe('NOT_A_LIBRARY')
    expect(readFileSync(other).equals(otherBefore)).toBe(true)
  })
})
