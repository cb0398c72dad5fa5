// Opens the library file and brings its schema up to date. Migrations run in one IMMEDIATE
// transaction, each in its own savepoint and recorded in schema_migrations; the first failure
// rolls everything back, so the file is left exactly as it was. A file written by a newer app
// (a recorded version above the newest we know) is refused before anything is written to it.
import Database from 'better-sqlite3'
import { MIGRATIONS, type Migration } from './migrations'
import { LibraryError } from './errors'
import { backupBeforeMigration } from './backups'

export type Db = Database.Database

export interface OpenOptions {
  /** The schema history to apply (tests pass a shorter or failing one). */
  migrations?: readonly Migration[]
  /** Milliseconds to wait for another connection's write lock. */
  busyTimeoutMs?: number
  /** Copy an existing library into backups/ before changing its schema (default true). */
  backupBeforeMigration?: boolean
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS
  let db: Db
  try {
    db = new Database(path)
  } catch (e) {
    throw new LibraryError('NOT_A_LIBRARY', `cannot open the library ${path}: ${(e as Error).message}`)
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`)
    // Read-only checks first: nothing below may write to a file we are going to refuse.
    checkVersion(db, path, migrations)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    // FULL: an acknowledged save survives a power cut, not only a crash (one fsync per save).
    db.pragma('synchronous = FULL')
    migrate(db, path, migrations, options.backupBeforeMigration ?? true)
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

/** The highest migration recorded in the file; 0 for a new, empty file. */
export function schemaVersion(db: Db): number {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get()
  if (!table) return 0
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }
  return row.v ?? 0
}

function checkVersion(db: Db, path: string, migrations: readonly Migration[]): void {
  let version: number
  let tables: number
  try {
    version = schemaVersion(db)
    tables = (db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number }).n
  } catch (e) {
    throw new LibraryError('NOT_A_LIBRARY', `${path} is not a Margin Planner library (${(e as Error).message})`)
  }
  if (version === 0 && tables > 0) {
    throw new LibraryError('NOT_A_LIBRARY', `${path} is an SQLite database but not a Margin Planner library (it has no schema_migrations table); it was left untouched`)
  }
  const newest = newestVersion(migrations)
  if (version > newest) {
    throw new LibraryError(
      'LIBRARY_TOO_NEW',
      `the library ${path} was written by a newer Margin Planner (schema version ${version}; this program knows up to ${newest}); it was left untouched: update Margin Planner`
    )
  }
}

function newestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0)
}

function migrate(db: Db, path: string, migrations: readonly Migration[], backupFirst: boolean): void {
  const sorted = [...migrations].sort((a, b) => a.version - b.version)
  const run = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`)
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const current = schemaVersion(db)
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
    for (const m of sorted) {
      if (m.version <= current) continue
      const step = db.transaction(() => {
        m.up(db)
        record.run(m.version, m.name, new Date().toISOString())
      })
      try {
        step()
      } catch (e) {
        throw new LibraryError(
          'MIGRATION_FAILED',
          `migration ${String(m.version).padStart(3, '0')}-${m.name} failed on ${path}: ${(e as Error).message}; the library was left as it was`
        )
      }
    }
  })
  // Up to date: no write transaction at all.
  const from = schemaVersion(db)
  if (from >= newestVersion(sorted)) return
  // An existing library (not a new, empty file) is copied first: a migration that goes wrong
  // later, or a downgrade, can be undone from backups/ (issue 8).
  if (backupFirst && from > 0) {
    try {
      backupBeforeMigration(db, path, newestVersion(sorted))
    } catch (e) {
      throw new LibraryError('MIGRATION_FAILED', `could not back up ${path} before updating its schema: ${(e as Error).message}; the library was left as it was`)
    }
  }
  run.immediate()
}
