// File > Open Recent: the last few scenario files, most recent first, kept in
// userData/recent-files.json (written atomically). Plain Node; index.ts also tells the OS via
// app.addRecentDocument.
import { readFileSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { isScenarioFileName } from './open-file-args'
import { writeJsonAtomic } from './window-state'

export const RECENT_FILES_FILE = 'recent-files.json'
export const MAX_RECENT_FILES = 10

/** Whatever was stored -> a clean list of absolute scenario paths; never throws. */
export function parseRecentFiles(raw: unknown, max = MAX_RECENT_FILES): string[] {
  if (!Array.isArray(raw)) return []
  const out: string[] = []
  for (const p of raw) {
    if (typeof p !== 'string' || p.length > 4096 || p.includes('\0')) continue
    if (!isAbsolute(p) || !isScenarioFileName(p) || out.includes(p)) continue
    out.push(p)
    if (out.length === max) break
  }
  return out
}

export function addRecentFile(list: readonly string[], path: string, max = MAX_RECENT_FILES): string[] {
  return parseRecentFiles([path, ...list.filter((p) => p !== path)], max)
}

export function loadRecentFiles(file: string): string[] {
  try {
    return parseRecentFiles(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    return []
  }
}

export function saveRecentFiles(file: string, list: readonly string[]): void {
  writeJsonAtomic(file, parseRecentFiles(list))
}
