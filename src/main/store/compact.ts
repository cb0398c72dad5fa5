// Revisions are kept forever by default. Compacting prunes the revisions saved more than N days
// ago except, per portfolio, the last one of each UTC day, and never the current one (issue 8
// part 2). The stored setting (app_state "compact-older-than-days") makes the app prune on
// open; `library compact` prunes now and then VACUUMs so the file really shrinks.
import type { Db } from './database'
import { LibraryError } from './errors'

export const COMPACT_SETTING = 'compact-older-than-days'
export const MAX_COMPACT_DAYS = 36500

export interface CompactResult {
  /** Revisions removed. */
  pruned: number
  /** saved_at older than this (ISO) were candidates. */
  cutoff: string
}

export function checkCompactDays(days: number): void {
  if (!Number.isInteger(days) || days < 0 || days > MAX_COMPACT_DAYS) {
    throw new LibraryError('BAD_INPUT', `the number of days must be a whole number from 0 to ${MAX_COMPACT_DAYS}, got ${days}`)
  }
}

/** Prunes in one transaction; the file keeps its size until a VACUUM. */
export function pruneRevisions(db: Db, olderThanDays: number, now: Date = new Date()): CompactResult {
  checkCompactDays(olderThanDays)
  const cutoff = new Date(now.getTime() - olderThanDays * 86400000).toISOString()
  // saved_at is ISO-8601 UTC text, so substr(…, 1, 10) is its UTC day and text order is time
  // order. Each day's last is found in one uncorrelated pass (saved_at sits after the large
  // scenario column, so a per-row correlated lookup would re-read every scenario's pages).
  const result = db
    .prepare(
      `DELETE FROM portfolio_revisions
       WHERE saved_at < ?
         AND revision <> (SELECT p.revision FROM portfolios AS p WHERE p.id = portfolio_revisions.portfolio_id)
         AND (portfolio_id, revision) NOT IN (
           SELECT portfolio_id, MAX(revision) FROM portfolio_revisions GROUP BY portfolio_id, substr(saved_at, 1, 10)
         )`
    )
    .run(cutoff)
  return { pruned: result.changes, cutoff }
}

/** `library compact`: prune, then rebuild the file without the free pages. */
export function compactLibrary(db: Db, olderThanDays: number, now: Date = new Date()): CompactResult {
  const result = db.transaction(() => pruneRevisions(db, olderThanDays, now))()
  db.exec('VACUUM')
  return result
}

/** The stored setting: days, or null when off (the default: keep every revision). */
export function compactSetting(db: Db): number | null {
  const row = db.prepare('SELECT value FROM app_state WHERE key = ?').get(COMPACT_SETTING) as { value: string } | undefined
  if (!row || !/^[0-9]{1,5}$/.test(row.value)) return null
  return Number(row.value)
}

export function setCompactSetting(db: Db, days: number | null): void {
  if (days === null) {
    db.prepare('DELETE FROM app_state WHERE key = ?').run(COMPACT_SETTING)
    return
  }
  checkCompactDays(days)
  db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(COMPACT_SETTING, String(days))
}

/** On open: applies the stored setting, if any; returns how many revisions went. */
export function applyCompactSetting(db: Db, now: Date = new Date()): number {
  const days = compactSetting(db)
  if (days === null) return 0
  return db.transaction(() => pruneRevisions(db, days, now))().pruned
}
