// How the desktop app opens its library (issue 8 part 2), as plain Node so it is tested without
// Electron: open and migrate (a backup is taken before any migration), then a quick check, so a
// damaged file is caught before the window shows rather than on some later save; after it,
// the stored compact setting and, without blocking, the daily automatic backup.
import { autoBackupDue, backupIntoFolder, backupsDir, listBackupFiles, pruneBackups, type BackupFile } from './backups'
import { applyCompactSetting } from './compact'
import { LibraryError } from './errors'
import { checkLibraryFile } from './library-health'
import { Library, type LibraryOptions } from './library'

export type OpenOutcome =
  | { kind: 'open'; library: Library }
  /** The file is damaged or not a library: offer the damaged-library dialog. */
  | { kind: 'damaged'; problems: string[] }
  /** Sound but cannot be used by this program (too new, a migration failed): say so and quit. */
  | { kind: 'refused'; message: string }

export function openLibraryForApp(path: string, options: LibraryOptions = {}): OpenOutcome {
  let library: Library
  try {
    library = Library.open(path, options)
  } catch (e) {
    if (e instanceof LibraryError && e.code === 'LIBRARY_TOO_NEW') return { kind: 'refused', message: e.message }
    // A failed migration on a sound file is the program's problem, not the file's: no dialog
    // offering to replace it.
    const check = checkLibraryFile(path)
    if (check.sound) return { kind: 'refused', message: (e as Error).message }
    return { kind: 'damaged', problems: check.problems }
  }
  let quick: string[]
  try {
    quick = (library.db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((m) => m !== 'ok')
  } catch (e) {
    quick = [`SQLite cannot read it: ${(e as Error).message}`]
  }
  if (quick.length > 0) {
    library.close()
    return { kind: 'damaged', problems: quick.map((m) => (m.startsWith('SQLite') ? m : `integrity check: ${m}`)) }
  }
  return { kind: 'open', library }
}

/** After a successful open: prunes revisions when the compact setting is on (default off). */
export function applyOpenSettings(library: Library, now: Date = new Date()): number {
  return applyCompactSetting(library.db, now)
}

/**
 * The daily automatic backup: taken when the newest backup of any kind is a day old or more,
 * then retention thins the automatic ones. Runs on the event loop in small steps (db.backup).
 */
export async function autoBackupIfDue(library: Library, now: Date = new Date()): Promise<BackupFile | null> {
  if (!autoBackupDue(listBackupFiles(backupsDir(library.path)), now)) return null
  const made = await backupIntoFolder(library.db, library.path, 'auto', now)
  pruneBackups(backupsDir(library.path))
  return made
}
