// Every scenario entering the library goes through the one validator (parseScenarioValue /
// parseScenario): all-or-nothing, each problem named by its JSON path.
import { parseScenario, parseScenarioValue } from '../../shared/scenario/parse'
import type { Problem, Scenario } from '../../shared/scenario/types'
import type { ScenarioPreview } from '../../shared/ipc/library-types'
import { badInput } from './errors'

export function validScenario(value: unknown, what = 'the scenario'): Scenario {
  const parsed = parseScenarioValue(value)
  if (!parsed.ok) throw badInput(parsed.problems, what)
  return parsed.value
}

export function validScenarioText(text: string, what = 'the scenario file'): Scenario {
  const parsed = parseScenario(text)
  if (!parsed.ok) throw badInput(parsed.problems, what)
  return parsed.value
}

export const MAX_NAME_LENGTH = 200
export const MAX_TAG_LENGTH = 64
export const MAX_TAGS = 50

export function nameProblems(name: string, path = 'name'): Problem[] {
  if (name.trim() === '') return [{ path, message: 'a name must not be empty' }]
  if (name.length > MAX_NAME_LENGTH) return [{ path, message: `a name is at most ${MAX_NAME_LENGTH} characters, got ${name.length}` }]
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return [{ path, message: 'a name must not contain control characters (line breaks, tabs)' }]
  return []
}

/** Tags: trimmed, non-empty, no duplicates (case-insensitive), first spelling kept. */
export function normaliseTags(tags: readonly string[], path = 'tags'): string[] {
  const problems: Problem[] = []
  const out: string[] = []
  const seen = new Set<string>()
  if (tags.length > MAX_TAGS) problems.push({ path, message: `at most ${MAX_TAGS} tags, got ${tags.length}` })
  tags.forEach((raw, i) => {
    const tag = raw.trim()
    const at = `${path}[${i}]`
    if (tag === '') problems.push({ path: at, message: 'a tag must not be empty' })
    else if (tag.length > MAX_TAG_LENGTH) problems.push({ path: at, message: `a tag is at most ${MAX_TAG_LENGTH} characters` })
    // eslint-disable-next-line no-control-regex
    else if (/[\u0000-\u001f\u007f]/.test(tag)) problems.push({ path: at, message: 'a tag must not contain control characters' })
    else if (!seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase())
      out.push(tag)
    }
  })
  if (problems.length > 0) throw badInput(problems, 'the tags')
  return out
}

export function previewOf(s: Scenario): ScenarioPreview {
  return {
    name: s.name,
    balances: s.account.balances.length,
    positions: s.account.positions.length,
    openOrders: s.account.openOrders?.length ?? 0,
    symbols: Object.keys(s.market.symbols).length,
    assets: Object.keys(s.market.assets).length,
    shocks: s.shocks?.length ?? 0
  }
}

/** Symbols for search: the positions' and the market's, sorted, once each. */
export function symbolsOf(s: Scenario): string[] {
  return [...new Set([...s.account.positions.map((p) => p.symbol), ...Object.keys(s.market.symbols)])].sort()
}
