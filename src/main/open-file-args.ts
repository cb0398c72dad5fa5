// Scenario files reach the app from outside in three ways: the command line of the first
// instance, the argv of a second instance (forwarded by the single-instance lock), and macOS's
// 'open-file' event. All of them end up here, in main; the renderer is only told that a file
// is waiting and asks main to open "the pending file" — it never names a path itself.
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const SCENARIO_EXTENSION = '.mpscenario.json'

export function isScenarioFileName(p: string): boolean {
  return p.toLowerCase().endsWith(SCENARIO_EXTENSION) && p.length > SCENARIO_EXTENSION.length
}

export interface ArgvContext {
  /** Directory relative paths are resolved against (second-instance gives its own). */
  cwd: string
  /**
   * True when started as `electron <app> ...` (process.defaultApp): then argv[1] is the app
   * path, not a user argument.
   */
  defaultApp: boolean
}

/**
 * The scenario files named on a command line, as absolute paths, in order, without duplicates.
 * Skips the executable (and the app path in development), every `-`/`--` switch (Chromium adds
 * its own, e.g. `--allow-file-access-from-files` in a second instance's argv), and anything not
 * named `*.mpscenario.json`. Accepts `file://` URLs, which some Linux file managers pass.
 */
export function scenarioPathsFromArgv(argv: readonly string[], ctx: ArgvContext): string[] {
  const args = argv.slice(ctx.defaultApp ? 2 : 1)
  const out: string[] = []
  let positionalOnly = false
  for (const arg of args) {
    if (typeof arg !== 'string' || arg === '' || arg.includes('\0')) continue
    if (!positionalOnly && arg === '--') {
      positionalOnly = true
      continue
    }
    if (!positionalOnly && arg.startsWith('-')) continue
    let p = arg
    if (/^file:/i.test(p)) {
      try {
        p = fileURLToPath(p)
      } catch {
        continue
      }
    } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(p)) {
      continue // another URL scheme: not a file
    }
    if (!isScenarioFileName(p)) continue
    const abs = isAbsolute(p) ? resolve(p) : resolve(ctx.cwd, p)
    if (!out.includes(abs)) out.push(abs)
  }
  return out
}

/**
 * Paths opened from outside, waiting for the renderer to take them (first in, first out).
 * Bounded, so a flood of open-file events cannot grow memory without limit.
 */
export class PendingOpenQueue {
  private readonly items: string[] = []

  constructor(private readonly capacity = 16) {}

  /** Returns false when the path was already waiting or the queue is full. */
  push(path: string): boolean {
    if (this.items.includes(path) || this.items.length >= this.capacity) return false
    this.items.push(path)
    return true
  }

  /** The oldest waiting path, removed from the queue. */
  take(): string | undefined {
    return this.items.shift()
  }

  get size(): number {
    return this.items.length
  }
}
