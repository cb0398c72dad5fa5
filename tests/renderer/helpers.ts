// Shared fixtures for renderer tests: the worked examples and bundled examples, parsed.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseScenario, type Scenario } from '../../src/shared/scenario'

const ROOT = resolve(import.meta.dirname, '../..')

export function loadScenario(rel: string): Scenario {
  const parsed = parseScenario(readFileSync(resolve(ROOT, rel), 'utf8'))
  if (!parsed.ok) throw new Error(`${rel}: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
  return parsed.value
}

export const FAQ_MULTI = 'tests/fixtures/worked/faq-multi-assets.mpscenario.json'
export const LP_CROSS = 'tests/fixtures/worked/binance-lp-cross.mpscenario.json'
export const LP_ISOLATED = 'tests/fixtures/worked/binance-lp-isolated.mpscenario.json'
