// First launch (ui.md: "the bundled examples in the library"): the scenario files shipped in
// resources/examples become portfolios tagged "example", once per library, all or none.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Library } from './library'
import { importScenarioText } from './transfer'

const SEEDED = 'examples-seeded'

export interface ExampleFile {
  fileName: string
  text: string
}

/** Imports the examples unless this library was seeded before; returns how many it imported. */
export function seedExamplesOnce(lib: Library, examples: ExampleFile[]): number {
  const seeded = lib.db.prepare('SELECT value FROM app_state WHERE key = ?').get(SEEDED)
  if (seeded) return 0
  const seed = lib.db.transaction(() => {
    for (const e of examples) importScenarioText(lib, e.text, { tags: ['example'] })
    lib.db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?)').run(SEEDED, new Date().toISOString())
  })
  seed()
  return examples.length
}

/** The bundled example files of a folder (resources/examples), sorted by name. */
export function readExampleFiles(dir: string): ExampleFile[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mpscenario.json'))
    .sort()
    .map((fileName) => ({ fileName, text: readFileSync(join(dir, fileName), 'utf8') }))
}
