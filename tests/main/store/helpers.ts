import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { LibraryError } from '../../../src/main/store'
import type { Scenario } from '../../../src/shared/scenario/types'
import { storedScenario } from '../../../src/shared/scenario/versions'

export const FIXTURES = join(import.meta.dirname, '../../fixtures/store')

export function fixtureText(name = 'basic.mpscenario.json'): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
}

/** The fixture in the in-memory shape (a version 1 file is read as version 2). */
export function fixtureScenario(name?: string): Scenario {
  return storedScenario(fixtureText(name))
}

const dirs: string[] = []

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mp-store-'))
  dirs.push(dir)
  return dir
}

export function tempDb(): string {
  return join(tempDir(), 'library.sqlite')
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A clock that ticks one second per call, so updatedAt orders are deterministic. */
export function fakeClock(start = Date.UTC(2026, 2, 5)): () => string {
  let t = start
  return () => new Date((t += 1000)).toISOString()
}

/** The LibraryError a call throws (any other outcome fails the test). */
export function refusal(f: () => unknown): LibraryError {
  try {
    f()
  } catch (e) {
    if (e instanceof LibraryError) return e
    throw e
  }
  throw new Error('expected a LibraryError')
}
