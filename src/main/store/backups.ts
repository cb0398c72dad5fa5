// Automatic and manual copies of the library in `backups/` beside it (issue 8 part 2, after
// Actual Budget, Obsidian and Firefox's places.sqlite). A backup is SQLite's online backup
// (better-sqlite3's db.backup(), which copies a consistent snapshot in small steps and lets
// the event loop run between them) written to a temp file and renamed into place, so a backup
// killed half-way never shows up as a backup. Nothing here deletes a manual backup; retention
// (7 daily + 4 weekly) only thins out the automatic ones.
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fsyncDir, fsyncFile } from '../durable'
import type { Db } from './database'

export const BACKUPS_DIR_NAME = 'backups'
/** On open, an automatic backup is taken when the newest one is older than this. */
export const AUTO_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000
export const KEEP_DAILY = 7
export const KEEP_WEEKLY = 4

/** auto: on open, thinned by retention; manual: asked for, kept; pre-migration: before a schema change, kept. */
export type BackupKind = 'auto' | 'manual' | `pre-migration-${number}`

export interface BackupFile {
  path: string
  fileName: string
  kind: BackupKind
  /** ISO time the backup was taken (from its name, which survives copying). */
  time: string
}

export interface BackupInfo extends BackupFile {
  size: number
  /** Portfolios outside the trash; null when the file cannot be read as a library. */
  portfolios: number | null
}

/** backups/ beside the library file. */
export function backupsDir(libraryPath: string): string {
  return join(dirname(libraryPath), BACKUPS_DIR_NAME)
}

// library-2026-12-01T16-35-38-123Z.auto.sqlite: sorts by time, readable, valid on every OS.
const NAME = /^(.+)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.(auto|manual|pre-migration-\d+)\.sqlite$/

export function backupFileName(libraryPath: string, kind: BackupKind, at: Date): string {
  const stem = basename(libraryPath).replace(/\.sqlite$/, '')
  const stamp = at.toISOString().replace(/:/g, '-').replace('.', '-')
  return `${stem}-${stamp}.${kind}.sqlite`
}

export function parseBackupFileName(fileName: string): { kind: BackupKind; time: string } | null {
  const m = NAME.exec(fileName)
  if (!m) return null
  const time = `${m[2]}T${m[3]}:${m[4]}:${m[5]}.${m[6]}Z`
  if (Number.isNaN(Date.parse(time))) return null
  return { kind: m[7] as BackupKind, time }
}

/** The backups in a folder, newest first; temp files of an unfinished backup are not backups. */
export function listBackupFiles(dir: string): BackupFile[] {
  if (!existsSync(dir)) return []
  const out: BackupFile[] = []
  for (const fileName of readdirSync(dir)) {
    const parsed = parseBackupFileName(fileName)
    if (parsed) out.push({ path: join(dir, fileName), fileName, ...parsed })
  }
  return out.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : a.fileName < b.fileName ? 1 : -1))
}

/** Each backup with its size and portfolio count (opened read-only). */
export function listBackups(dir: string): BackupInfo[] {
  return listBackupFiles(dir).map((b) => ({ ...b, size: statSync(b.path).size, portfolios: countPortfolios(b.path) }))
}

export function countPortfolios(path: string): number | null {
  let db: Db | null = null
  try {
    db = new Database(path, { readonly: true, fileMustExist: true })
    return (db.prepare('SELECT COUNT(*) AS n FROM portfolios WHERE deleted_at IS NULL').get() as { n: number }).n
  } catch {
    return null
  } finally {
    db?.close()
  }
}

/**
 * Online backup of an open library to `dest` (a temp file beside it, then renamed, so an
 * interrupted backup leaves no half file under the backup's name). Resolves to `dest`.
 */
export async function backupTo(db: Db, dest: string): Promise<string> {
  mkdirSync(dirname(dest), { recursive: true })
  removeStalePartials(dirname(dest))
  const temp = join(dirname(dest), `.${basename(dest)}.${process.pid}.partial`)
  try {
    await db.backup(temp)
    fsyncFile(temp)
    renameSync(temp, dest)
    fsyncDir(dirname(dest))
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  }
  return dest
}

/** A backup of the open library into backups/ beside it, named by kind and time. */
export async function backupIntoFolder(db: Db, libraryPath: string, kind: BackupKind, now: Date = new Date()): Promise<BackupFile> {
  const dir = backupsDir(libraryPath)
  const fileName = backupFileName(libraryPath, kind, now)
  const path = await backupTo(db, join(dir, fileName))
  return { path, fileName, kind, time: now.toISOString() }
}

/**
 * Before a migration: the schema change waits for the copy anyway, so it is taken
 * synchronously with VACUUM INTO (a consistent, compact copy through the same connection).
 */
export function backupBeforeMigration(db: Db, libraryPath: string, toVersion: number, now: Date = new Date()): BackupFile {
  const dir = backupsDir(libraryPath)
  mkdirSync(dir, { recursive: true })
  removeStalePartials(dir)
  const kind: BackupKind = `pre-migration-${toVersion}`
  const fileName = backupFileName(libraryPath, kind, now)
  const dest = join(dir, fileName)
  const temp = join(dir, `.${fileName}.${process.pid}.partial`)
  try {
    rmSync(temp, { force: true })
    db.prepare('VACUUM INTO ?').run(temp)
    fsyncFile(temp)
    renameSync(temp, dest)
    fsyncDir(dir)
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  }
  return { path: dest, fileName, kind, time: now.toISOString() }
}

// `.<name>.<pid>.partial`: the temp file of a copy (backup or restore) still being written.
const PARTIAL = /^\..+[.-](\d+)\.partial$/

/**
 * Removes the temp files of copies whose process is gone (killed half-way): they are never a
 * backup or a library, only the unfinished bytes of one. A live process's temp file is left.
 */
export function removeStalePartials(dir: string): string[] {
  if (!existsSync(dir)) return []
  const removed: string[] = []
  for (const f of readdirSync(dir)) {
    const m = PARTIAL.exec(f)
    if (!m || processAlive(Number(m[1]))) continue
    rmSync(join(dir, f), { force: true })
    removed.push(f)
  }
  return removed
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** True when there is no backup of any kind younger than AUTO_BACKUP_INTERVAL_MS. */
export function autoBackupDue(backups: readonly BackupFile[], now: Date): boolean {
  const newest = backups[0]
  return newest === undefined || now.getTime() - Date.parse(newest.time) >= AUTO_BACKUP_INTERVAL_MS
}

/**
 * Which automatic backups retention removes: it keeps the newest backup of each of the
 * KEEP_DAILY most recent UTC days that have one, and of each of the KEEP_WEEKLY most recent
 * ISO weeks that have one. Manual and pre-migration backups are never removed.
 */
export function backupsToPrune(backups: readonly BackupFile[]): BackupFile[] {
  const auto = backups.filter((b) => b.kind === 'auto').sort((a, b) => (a.time < b.time ? 1 : -1))
  const keep = new Set<string>()
  const keepNewestPer = (period: (b: BackupFile) => string, count: number): void => {
    const seen = new Set<string>()
    for (const b of auto) {
      const p = period(b)
      if (seen.has(p)) continue
      if (seen.size === count) break
      seen.add(p)
      keep.add(b.path)
    }
  }
  keepNewestPer((b) => b.time.slice(0, 10), KEEP_DAILY)
  keepNewestPer((b) => isoWeek(b.time), KEEP_WEEKLY)
  return auto.filter((b) => !keep.has(b.path))
}

/** Removes the automatic backups retention does not keep; returns them. */
export function pruneBackups(dir: string): BackupFile[] {
  const gone = backupsToPrune(listBackupFiles(dir))
  for (const b of gone) rmSync(b.path, { force: true })
  return gone
}

/** ISO-8601 week of a UTC time, e.g. "2026-W49". */
export function isoWeek(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`)
  const day = (d.getUTCDay() + 6) % 7 // Monday 0
  d.setUTCDate(d.getUTCDate() - day + 3) // the Thursday of this week decides its year
  const year = d.getUTCFullYear()
  const week = Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / 86400000 / 7) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}
