// library check and recover on real files damaged the way disks and people damage them:
// garbage over pages, a truncated file, a file that is not SQLite, a foreign schema.
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { Library, MIGRATIONS } from '../../../src/main/store'
import { backupIntoFolder, backupsDir } from '../../../src/main/store/backups'
import { checkLibraryFile, newestSoundBackup, recoverLibrary, setLibraryAside } from '../../../src/main/store/library-health'
import { openLibraryForApp } from '../../../src/main/store/library-startup'
import { refusal, tempDb } from './helpers'
import { garblePages, makeLibrary } from './damage'

const NEWEST = MIGRATIONS[MIGRATIONS.length - 1]!.version

async function backUp(path: string, at: string): Promise<string> {
  const lib = Library.open(path)
  const b = await backupIntoFolder(lib.db, path, 'auto', new Date(at))
  lib.close()
  return b.path
}

describe('library check', () => {
  it('a sound library: no problems, its schema version and portfolio count', () => {
    const path = makeLibrary(3)
    expect(checkLibraryFile(path)).toEqual({ path, sound: true, problems: [], schemaVersion: NEWEST, portfolios: 3 })
  })

  it('a file that is not SQLite at all, an empty file, a missing file', () => {
    const dir = dirname(tempDb())
    const text = join(dir, 'notes.sqlite')
    writeFileSync(text, 'these are my notes, not a database\n'.repeat(50))
    expect(checkLibraryFile(text).problems).toEqual([expect.stringContaining('not an SQLite database at all')])
    const empty = join(dir, 'empty.sqlite')
    writeFileSync(empty, '')
    expect(checkLibraryFile(empty).problems).toEqual([expect.stringContaining('empty (0 bytes)')])
    expect(checkLibraryFile(join(dir, 'nothing.sqlite'))).toMatchObject({ sound: false, problems: [expect.stringContaining('there is no file')] })
  })

  it('a truncated file', () => {
    const path = makeLibrary(20)
    const size = statSync(path).size
    truncateSync(path, Math.floor(size / 2 / 4096) * 4096)
    const check = checkLibraryFile(path)
    expect(check.sound).toBe(false)
    expect(check.problems[0]).toMatch(/truncated: \d+ bytes, but its header says \d+ pages/)
    truncateSync(path, 60)
    expect(checkLibraryFile(path).problems).toEqual([expect.stringContaining('less than an SQLite header')])
  })

  it('garbage over pages in the middle', () => {
    const path = makeLibrary(20)
    garblePages(path, 5, 3)
    const check = checkLibraryFile(path)
    expect(check.sound).toBe(false)
    expect(check.problems.length).toBeGreaterThan(0)
    expect(check.problems.join('\n')).toMatch(/malformed|integrity check/)
  })

  it('an SQLite file with a foreign or altered schema', () => {
    const dir = dirname(tempDb())
    const foreign = join(dir, 'other.sqlite')
    const db = new Database(foreign)
    db.exec('CREATE TABLE notes (x TEXT)')
    db.close()
    expect(checkLibraryFile(foreign).problems).toEqual(['it is not a Margin Planner library (it has no schema_migrations table)'])

    const altered = makeLibrary(1)
    const raw = new Database(altered)
    raw.exec('DROP INDEX portfolio_tags_tag; CREATE TABLE extra (y); ALTER TABLE market_snapshots ADD COLUMN z TEXT')
    raw.close()
    expect(checkLibraryFile(altered).problems).toEqual([
      'schema: index portfolio_tags_tag is missing',
      `schema: table market_snapshots differs from schema version ${NEWEST}`,
      'schema: unexpected table extra'
    ])

    const future = makeLibrary(1)
    const f = new Database(future)
    f.prepare(`INSERT INTO schema_migrations VALUES (?, 'future', 'x')`).run(NEWEST + 1)
    f.close()
    expect(checkLibraryFile(future).problems).toEqual([expect.stringContaining(`newer Margin Planner (schema version ${NEWEST + 1}`)])
  })

  it('rows whose parent is gone (foreign keys)', () => {
    const path = makeLibrary(1)
    const raw = new Database(path)
    raw.pragma('foreign_keys = OFF')
    raw.exec('DELETE FROM portfolios')
    raw.close()
    expect(checkLibraryFile(path).problems[0]).toMatch(/^foreign key: row \d+ of portfolio_(revisions|tags|symbols) points to a missing portfolios row$/)
  })
})

describe('library recover', () => {
  it('sets the damaged file (and its -wal/-shm) aside, restores the newest sound backup, skipping a damaged one', async () => {
    const path = makeLibrary(2)
    await backUp(path, '2026-11-01T10:00:00.000Z')
    const newer = await backUp(path, '2026-11-02T10:00:00.000Z')
    garblePages(newer, 3, 2) // the newest backup is damaged too
    writeFileSync(`${path}-wal`, 'stale wal')
    garblePages(path, 3, 4)
    const damagedBytes = readFileSync(path)
    expect(newestSoundBackup(path)!.backup.time).toBe('2026-11-01T10:00:00.000Z')

    const report = recoverLibrary(path, { now: new Date('2026-12-01T16:00:00.000Z') })
    const aside = `${path}.damaged-2026-12-01T16-00-00-000Z`
    expect(report.setAside).toEqual([aside, `${aside}-wal`])
    expect(report.restoredFrom).toBe(join(backupsDir(path), 'library-2026-11-01T10-00-00-000Z.auto.sqlite'))
    expect(report.check).toMatchObject({ sound: true, portfolios: 2 })
    expect(readFileSync(aside).equals(damagedBytes)).toBe(true)
    expect(readFileSync(`${aside}-wal`, 'utf8')).toBe('stale wal')
    expect(existsSync(`${path}-wal`)).toBe(false)
    expect(existsSync(newer)).toBe(true) // the damaged backup is not deleted either
    expect(readdirSync(dirname(path)).filter((f) => f.includes('partial'))).toEqual([])
    const lib = Library.open(path)
    expect(lib.portfolios.list().map((p) => p.name).sort()).toEqual(['p0 r4', 'p1 r4'])
    lib.close()
  })

  it('--from a named backup; a damaged or missing backup is refused and nothing is touched', async () => {
    const path = makeLibrary(1)
    const good = await backUp(path, '2026-11-01T10:00:00.000Z')
    const bad = join(dirname(path), 'bad.sqlite')
    copyFileSync(good, bad)
    garblePages(bad, 2, 3)
    garblePages(path, 2, 2)
    const before = readFileSync(path)
    const refused = refusal(() => recoverLibrary(path, { from: bad }))
    expect(refused.code).toBe('BAD_INPUT')
    expect(refused.message).toContain('is not sound; the library was left as it was')
    expect(refusal(() => recoverLibrary(path, { from: path })).message).toContain('is the library itself')
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(readdirSync(dirname(path)).filter((f) => f.includes('damaged-'))).toEqual([])
    const report = recoverLibrary(path, { from: good })
    expect(report.check.sound).toBe(true)
  })

  it('with no sound backup: refused, the damaged library left as it was', () => {
    const path = makeLibrary(1)
    garblePages(path, 2, 2)
    const before = readFileSync(path)
    const e = refusal(() => recoverLibrary(path))
    expect(e.code).toBe('NOT_FOUND')
    expect(e.message).toContain('there is no sound backup')
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('"start a new library" renames the damaged file aside; the next open makes a new one', () => {
    const path = makeLibrary(1)
    garblePages(path, 2, 2)
    const bytes = readFileSync(path)
    const moved = setLibraryAside(path, 'damaged', new Date('2026-12-01T16:00:00.000Z'))
    expect(moved).toEqual([`${path}.damaged-2026-12-01T16-00-00-000Z`])
    expect(readFileSync(moved[0]!).equals(bytes)).toBe(true)
    const outcome = openLibraryForApp(path)
    expect(outcome.kind).toBe('open')
    if (outcome.kind === 'open') {
      expect(outcome.library.portfolios.list()).toEqual([])
      outcome.library.close()
    }
  })
})

describe('opening in the app', () => {
  it('damaged (garbage pages, not SQLite) → damaged with the problems; too new → refused', () => {
    const path = makeLibrary(10)
    garblePages(path, 4, 3)
    const o = openLibraryForApp(path)
    expect(o.kind).toBe('damaged')
    const text = join(dirname(path), 'notes.sqlite')
    writeFileSync(text, 'not a database '.repeat(100))
    expect(openLibraryForApp(text)).toEqual({ kind: 'damaged', problems: [expect.stringContaining('not an SQLite database at all')] })
    const future = makeLibrary(1)
    const f = new Database(future)
    f.prepare(`INSERT INTO schema_migrations VALUES (?, 'future', 'x')`).run(NEWEST + 1)
    f.close()
    expect(openLibraryForApp(future)).toMatchObject({ kind: 'refused', message: expect.stringContaining('newer Margin Planner') })
  })
})
