// Backups beside the library: names, listing, the online copy, retention (7 daily + 4 weekly),
// the daily automatic backup, and the copy taken before every migration. Real SQLite files.
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Library, MIGRATIONS, schemaVersion } from '../../../src/main/store'
import {
  autoBackupDue,
  backupFileName,
  backupIntoFolder,
  backupsDir,
  backupsToPrune,
  isoWeek,
  listBackupFiles,
  listBackups,
  parseBackupFileName,
  pruneBackups,
  type BackupFile
} from '../../../src/main/store/backups'
import { autoBackupIfDue } from '../../../src/main/store/library-startup'
import { checkLibraryFile } from '../../../src/main/store/library-health'
import { fixtureScenario, tempDb } from './helpers'

const NEWEST = MIGRATIONS[MIGRATIONS.length - 1]!.version

function libraryWith(n: number): { path: string; lib: Library } {
  const path = tempDb()
  const lib = Library.open(path)
  for (let i = 0; i < n; i++) lib.portfolios.create({ scenario: fixtureScenario(), name: `p${i}` })
  return { path, lib }
}

const auto = (iso: string): BackupFile => ({ path: `/b/${iso}`, fileName: iso, kind: 'auto', time: iso })

describe('backup names', () => {
  it('carry the library name, the UTC time to the millisecond and the kind, and parse back', () => {
    const at = new Date('2026-12-01T16:35:38.123Z')
    const name = backupFileName('/x/library.sqlite', 'auto', at)
    expect(name).toBe('library-2026-12-01T16-35-38-123Z.auto.sqlite')
    expect(parseBackupFileName(name)).toEqual({ kind: 'auto', time: '2026-12-01T16:35:38.123Z' })
    expect(parseBackupFileName(backupFileName('/x/library.sqlite', 'pre-migration-4', at))).toEqual({ kind: 'pre-migration-4', time: at.toISOString() })
    for (const other of ['library.sqlite', '.library-2026-12-01T16-35-38-123Z.auto.sqlite.77.partial', 'library-2026-13-45T99-00-00-000Z.auto.sqlite', 'notes.txt']) {
      expect(parseBackupFileName(other), other).toBeNull()
    }
  })

  it('ISO weeks: Monday starts a week; the Thursday decides its year', () => {
    expect(isoWeek('2026-12-01T10:00:00.000Z')).toBe('2026-W49')
    expect(isoWeek('2026-01-01T10:00:00.000Z')).toBe('2026-W01') // a Thursday
    expect(isoWeek('2027-01-01T10:00:00.000Z')).toBe('2026-W53') // a Friday
    expect(isoWeek('2024-12-30T10:00:00.000Z')).toBe('2025-W01') // a Monday
    expect(isoWeek('2026-11-29T23:59:59.999Z')).toBe('2026-W48') // Sunday ends the week
    expect(isoWeek('2026-11-30T00:00:00.000Z')).toBe('2026-W49')
  })
})

describe('online backup', () => {
  it('copies the open library into backups/, listed newest first with time, size and portfolios', async () => {
    const { path, lib } = libraryWith(3)
    const first = await backupIntoFolder(lib.db, path, 'manual', new Date('2026-12-01T10:00:00.000Z'))
    lib.portfolios.create({ scenario: fixtureScenario(), name: 'fourth' })
    const second = await backupIntoFolder(lib.db, path, 'auto', new Date('2026-12-02T10:00:00.000Z'))
    lib.close()
    expect(first.path).toBe(join(backupsDir(path), 'library-2026-12-01T10-00-00-000Z.manual.sqlite'))
    const listed = listBackups(backupsDir(path))
    expect(listed.map((b) => [b.fileName, b.portfolios])).toEqual([
      [second.fileName, 4],
      [first.fileName, 3]
    ])
    expect(listed[0]!.size).toBeGreaterThan(4096)
    expect(checkLibraryFile(second.path)).toMatchObject({ sound: true, schemaVersion: NEWEST, portfolios: 4 })
    // No temp file is left behind.
    expect(readdirSync(backupsDir(path)).filter((f) => f.endsWith('.partial'))).toEqual([])
  })

  it('does not block: other work runs on the event loop while a large library is copied', async () => {
    const { path, lib } = libraryWith(0)
    const big = lib.db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?)')
    lib.db.transaction(() => {
      for (let i = 0; i < 4000; i++) big.run(`k${i}`, 'x'.repeat(2000))
    })()
    let ticks = 0
    const timer = setInterval(() => ticks++, 0)
    await backupIntoFolder(lib.db, path, 'manual')
    clearInterval(timer)
    lib.close()
    expect(ticks).toBeGreaterThan(0)
  })
})

describe('retention: the last 7 daily and 4 weekly automatic backups', () => {
  it('keeps the newest of each of the 7 newest days and of the 4 newest weeks, nothing else', () => {
    // Two backups a day from 2026-10-01 to 2026-12-01 (62 days).
    const all: BackupFile[] = []
    for (let d = 0; d < 62; d++) {
      const day = new Date(Date.UTC(2026, 9, 1 + d))
      for (const hour of [8, 20]) all.push(auto(new Date(day.getTime() + hour * 3600000).toISOString()))
    }
    const gone = new Set(backupsToPrune(all).map((b) => b.time))
    const kept = all.filter((b) => !gone.has(b.time)).map((b) => b.time)
    // Days: Nov 25…Dec 1 at 20:00. Weeks (overlapping the days, as restic's keep-weekly):
    // W49 → Dec 1 and W48 → Nov 29 (kept already), W47 → Nov 22, W46 → Nov 15.
    expect(kept.sort()).toEqual(
      ['2026-11-15', '2026-11-22', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01'].map((d) => `${d}T20:00:00.000Z`)
    )
  })

  it('never removes manual or pre-migration backups, however old', () => {
    const old: BackupFile[] = [
      { path: '/b/m', fileName: 'm', kind: 'manual', time: '2020-01-01T00:00:00.000Z' },
      { path: '/b/p', fileName: 'p', kind: 'pre-migration-3', time: '2020-01-02T00:00:00.000Z' },
      ...Array.from({ length: 40 }, (_, i) => auto(new Date(Date.UTC(2026, 0, 1 + i)).toISOString()))
    ]
    const gone = backupsToPrune(old)
    expect(gone.every((b) => b.kind === 'auto')).toBe(true)
    // Kept: Feb 3–9 (Feb 9 is a Monday), and the weeks' newest: Feb 9, Feb 8 (kept already), Feb 1, Jan 25.
    expect(gone.length).toBe(40 - 9)
    expect(gone.map((b) => b.time.slice(0, 10))).not.toContain('2026-01-25')
    expect(gone.map((b) => b.time.slice(0, 10))).not.toContain('2026-02-01')
  })

  it('removes the files it does not keep, and only those', async () => {
    const { path, lib } = libraryWith(1)
    for (let d = 1; d <= 12; d++) await backupIntoFolder(lib.db, path, 'auto', new Date(Date.UTC(2026, 10, d, 12)))
    await backupIntoFolder(lib.db, path, 'manual', new Date(Date.UTC(2026, 9, 1, 12)))
    writeFileSync(join(backupsDir(path), 'my-notes.txt'), 'mine')
    lib.close()
    const gone = pruneBackups(backupsDir(path))
    // Kept: Nov 6–12 (7 days); weeks W46 (Nov 9–), W45 (Nov 2–8: Nov 6 already), W44 (Nov 1).
    expect(gone.map((b) => b.time.slice(0, 10)).sort()).toEqual(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'])
    const left = readdirSync(backupsDir(path))
    expect(left).toContain('my-notes.txt')
    expect(left.filter((f) => f.endsWith('.manual.sqlite'))).toHaveLength(1)
    for (const b of gone) expect(existsSync(b.path)).toBe(false)
  })
})

describe('the daily automatic backup', () => {
  it('is due with no backup or when the newest is a day old, not before', () => {
    const now = new Date('2026-12-02T10:00:00.000Z')
    expect(autoBackupDue([], now)).toBe(true)
    expect(autoBackupDue([auto('2026-12-01T10:00:00.001Z')], now)).toBe(false)
    expect(autoBackupDue([auto('2026-12-01T10:00:00.000Z')], now)).toBe(true)
  })

  it('is taken on open when due, then retention runs; not again the same day', async () => {
    const { path, lib } = libraryWith(2)
    const made = await autoBackupIfDue(lib, new Date('2026-12-01T08:00:00.000Z'))
    expect(made).toMatchObject({ kind: 'auto', time: '2026-12-01T08:00:00.000Z' })
    expect(await autoBackupIfDue(lib, new Date('2026-12-01T20:00:00.000Z'))).toBeNull()
    expect(await autoBackupIfDue(lib, new Date('2026-12-02T08:00:00.000Z'))).not.toBeNull()
    lib.close()
    expect(listBackupFiles(backupsDir(path)).map((b) => b.time)).toEqual(['2026-12-02T08:00:00.000Z', '2026-12-01T08:00:00.000Z'])
  })
})

describe('before every migration', () => {
  it('an existing library is copied, at its old schema, before the schema changes', () => {
    const path = tempDb()
    const old = Library.open(path, { migrations: MIGRATIONS.slice(0, 1) })
    old.portfolios.create({ scenario: fixtureScenario() })
    old.close()
    expect(existsSync(backupsDir(path))).toBe(false)
    const lib = Library.open(path)
    lib.close()
    const backups = listBackupFiles(backupsDir(path))
    expect(backups.map((b) => b.kind)).toEqual([`pre-migration-${NEWEST}`])
    expect(checkLibraryFile(backups[0]!.path)).toMatchObject({ sound: true, schemaVersion: 1, portfolios: 1 })
    // Up to date: no further backup on the next open.
    Library.open(path).close()
    expect(listBackupFiles(backupsDir(path))).toHaveLength(1)
  })

  it('a new, empty library is not backed up', () => {
    const path = tempDb()
    const lib = Library.open(path)
    expect(schemaVersion(lib.db)).toBe(NEWEST)
    lib.close()
    expect(existsSync(backupsDir(path))).toBe(false)
  })
})
