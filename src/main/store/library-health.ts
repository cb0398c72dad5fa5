// Is a library file sound, and how to get a sound one back (issue 8 part 2). Check: the SQLite
// header, PRAGMA integrity_check and foreign_key_check, and the schema against the one our
// migrations build. Recover: the damaged file (with its -wal and -shm) is set aside under
// `library.sqlite.damaged-<time>`, never deleted; a backup is copied to a temp file in the same
// folder and renamed over the library (atomic), then checked. Every step is ordered so that a
// process killed at any point leaves the library either as it was or restored.
import Database from 'better-sqlite3'
import { closeSync, copyFileSync, existsSync, linkSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fsyncDir, fsyncFile } from '../durable'
import { backupsDir, listBackupFiles, removeStalePartials, type BackupFile } from './backups'
import { openDatabase, schemaVersion, type Db } from './database'
import { LibraryError } from './errors'
import { MIGRATIONS } from './migrations'

export interface LibraryCheck {
  path: string
  sound: boolean
  /** What is wrong, one line each; empty when sound. */
  problems: string[]
  schemaVersion: number | null
  /** Portfolios outside the trash; null when they cannot be counted. */
  portfolios: number | null
}

const SQLITE_HEADER = 'SQLite format 3\0'
const MAX_LISTED = 20

/** Checks a library file without writing to it (opened read-only). */
export function checkLibraryFile(path: string): LibraryCheck {
  const result: LibraryCheck = { path, sound: false, problems: [], schemaVersion: null, portfolios: null }
  const problems = result.problems
  if (!existsSync(path)) {
    problems.push(`there is no file at ${path}`)
    return result
  }
  const headerProblem = checkHeader(path)
  if (headerProblem) {
    problems.push(headerProblem)
    return result
  }
  let db: Db | null = null
  try {
    db = new Database(path, { readonly: true, fileMustExist: true })
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[]
    const bad = integrity.map((r) => r.integrity_check).filter((m) => m !== 'ok')
    listed(problems, bad.map((m) => `integrity check: ${m}`))
    const keys = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
    listed(problems, keys.map((k) => `foreign key: row ${k.rowid} of ${k.table} points to a missing ${k.parent} row`))
    result.schemaVersion = schemaVersion(db)
    problems.push(...schemaProblems(db, result.schemaVersion))
    if (problems.length === 0) result.portfolios = (db.prepare('SELECT COUNT(*) AS n FROM portfolios WHERE deleted_at IS NULL').get() as { n: number }).n
  } catch (e) {
    problems.push(`SQLite cannot read it: ${(e as Error).message}`)
  } finally {
    db?.close()
  }
  result.sound = problems.length === 0
  return result
}

function listed(problems: string[], lines: string[]): void {
  problems.push(...lines.slice(0, MAX_LISTED))
  if (lines.length > MAX_LISTED) problems.push(`… and ${lines.length - MAX_LISTED} more`)
}

function checkHeader(path: string): string | null {
  const size = statSync(path).size
  if (size === 0) return 'the file is empty (0 bytes): it is not a library'
  const fd = openSync(path, 'r')
  const head = Buffer.alloc(100)
  let read: number
  try {
    read = readSync(fd, head, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  if (head.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) {
    return `it is not an SQLite database at all (it does not start with "SQLite format 3"; ${size} bytes)`
  }
  if (read < 100) return `it is truncated: ${size} bytes, less than an SQLite header (100 bytes)`
  // Page size and page count from the header (https://www.sqlite.org/fileformat.html §1.3).
  const rawPageSize = head.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
  const pages = head.readUInt32BE(28)
  const changeCounter = head.readUInt32BE(24)
  const validFor = head.readUInt32BE(92)
  // The page count is trusted only when "version-valid-for" matches the change counter.
  if (pages > 0 && validFor === changeCounter && size < pages * pageSize && !existsSync(`${path}-wal`)) {
    return `it is truncated: ${size} bytes, but its header says ${pages} pages of ${pageSize} bytes (${pages * pageSize} bytes)`
  }
  return null
}

type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null }

function schemaRows(db: Db): Map<string, SchemaRow> {
  const rows = db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`).all() as SchemaRow[]
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, r]))
}

const normalise = (sql: string | null): string => (sql ?? '').replace(/\s+/g, ' ').trim()

/** The file's schema against the one our migrations build up to its recorded version. */
function schemaProblems(db: Db, version: number): string[] {
  const newest = MIGRATIONS.reduce((m, x) => Math.max(m, x.version), 0)
  if (version === 0) return ['it is not a Margin Planner library (it has no schema_migrations table)']
  if (version > newest) return [`it was written by a newer Margin Planner (schema version ${version}; this program knows up to ${newest})`]
  const problems: string[] = []
  const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[]
  for (const m of MIGRATIONS.filter((x) => x.version <= version)) {
    const r = recorded.find((x) => x.version === m.version)
    if (!r) problems.push(`schema: migration ${m.version} (${m.name}) is not recorded`)
    else if (r.name !== m.name) problems.push(`schema: migration ${m.version} is recorded as "${r.name}", expected "${m.name}"`)
  }
  const reference = openDatabase(':memory:', { migrations: MIGRATIONS.filter((m) => m.version <= version), backupBeforeMigration: false })
  try {
    const want = schemaRows(reference)
    const have = schemaRows(db)
    for (const [key, w] of want) {
      const h = have.get(key)
      if (!h) problems.push(`schema: ${w.type} ${w.name} is missing`)
      else if (normalise(h.sql) !== normalise(w.sql)) problems.push(`schema: ${w.type} ${w.name} differs from schema version ${version}`)
    }
    for (const [key, h] of have) if (!want.has(key)) problems.push(`schema: unexpected ${h.type} ${h.name}`)
  } finally {
    reference.close()
  }
  return problems
}

/** `library.sqlite.damaged-2026-12-01T16-35-38-123Z` */
export function asideName(libraryPath: string, label: AsideLabel, at: Date): string {
  return `${libraryPath}.${label}-${at.toISOString().replace(/:/g, '-').replace('.', '-')}`
}

/** damaged: it failed its check; replaced: a sound library the user chose to replace with a backup. */
export type AsideLabel = 'damaged' | 'replaced'

export interface RecoveryReport {
  /** The files set aside (the library, then its -wal and -shm when there were any). */
  setAside: string[]
  restoredFrom: string
  check: LibraryCheck
}

export interface RecoverOptions {
  /** A backup file to restore; default: the newest sound one in backups/. */
  from?: string
  label?: AsideLabel
  now?: Date
}

/** The newest backup in backups/ that passes the check, or null. */
export function newestSoundBackup(libraryPath: string): { backup: BackupFile; check: LibraryCheck } | null {
  for (const backup of listBackupFiles(backupsDir(libraryPath))) {
    const check = checkLibraryFile(backup.path)
    if (check.sound) return { backup, check }
  }
  return null
}

/**
 * Sets the library aside and restores a backup in its place; refuses (touching nothing) when
 * the backup named is not sound or there is no sound backup. Nobody may have the library open.
 */
export function recoverLibrary(libraryPath: string, options: RecoverOptions = {}): RecoveryReport {
  const now = options.now ?? new Date()
  let source: string
  if (options.from !== undefined) {
    source = resolve(options.from)
    if (source === resolve(libraryPath)) throw new LibraryError('BAD_INPUT', `${options.from} is the library itself, not a backup`)
    const check = checkLibraryFile(source)
    if (!check.sound) {
      throw new LibraryError(
        'BAD_INPUT',
        `the backup ${options.from} is not sound; the library was left as it was`,
        check.problems.map((message) => ({ path: options.from!, message }))
      )
    }
  } else {
    const newest = newestSoundBackup(libraryPath)
    if (!newest) throw new LibraryError('NOT_FOUND', `there is no sound backup in ${backupsDir(libraryPath)}; the library was left as it was`)
    source = newest.backup.path
  }

  const dir = dirname(libraryPath)
  const temp = join(dir, `.${basename(libraryPath)}.restore-${process.pid}.partial`)
  removeStalePartials(dir)
  // 1. A consistent copy of the backup beside the library (VACUUM INTO works on a read-only
  //    connection and never writes to the backup). Killed here: the library is untouched.
  rmSync(temp, { force: true })
  const from = new Database(source, { readonly: true, fileMustExist: true })
  try {
    from.prepare('VACUUM INTO ?').run(temp)
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  } finally {
    from.close()
  }
  fsyncFile(temp)
  // 2. The damaged file stays where it is and gains a second name (hard link), its -wal and
  //    -shm move beside that name: they belong to it, and a stale WAL must never be replayed
  //    onto the restored file. Killed here: the library is still the damaged file, complete
  //    under its aside name, and recovery can run again.
  const setAside = existsSync(libraryPath) ? setAsideKeepingPlace(libraryPath, asideName(libraryPath, options.label ?? 'damaged', now)) : []
  // 3. The restored copy replaces the library in one rename.
  renameSync(temp, libraryPath)
  fsyncDir(dir)
  return { setAside, restoredFrom: source, check: checkLibraryFile(libraryPath) }
}

function setAsideKeepingPlace(libraryPath: string, aside: string): string[] {
  try {
    linkSync(libraryPath, aside)
  } catch {
    copyFileSync(libraryPath, aside) // a file system without hard links
    fsyncFile(aside)
  }
  const out = [aside]
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(libraryPath + suffix)) {
      renameSync(libraryPath + suffix, aside + suffix)
      out.push(aside + suffix)
    }
  }
  fsyncDir(dirname(libraryPath))
  return out
}

/** "Start a new library": the damaged file and its -wal/-shm are renamed aside, never deleted. */
export function setLibraryAside(libraryPath: string, label: AsideLabel = 'damaged', now: Date = new Date()): string[] {
  const aside = asideName(libraryPath, label, now)
  const out: string[] = []
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(libraryPath + suffix)) {
      renameSync(libraryPath + suffix, aside + suffix)
      out.push(aside + suffix)
    }
  }
  fsyncDir(dirname(libraryPath))
  return out
}
