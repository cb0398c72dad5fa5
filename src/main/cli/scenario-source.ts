// The scenario a command works on: a file (FILE) or a stored portfolio (--id ID [--db PATH]).
import { MAX_SCENARIO_BYTES, parseScenario, type Scenario } from '../../shared/scenario'
import { BadInput } from './cli-io'
import { readInputFile } from './read-input-file'
import { parseId, withLibrary } from './library-command'

export async function scenarioFromArgs(positional: string[], options: Map<string, string | true>, usage: string): Promise<{ scenario: Scenario; file: string | null }> {
  const id = options.get('--id')
  if (positional.length !== (id === undefined ? 1 : 0)) throw new BadInput([usage])
  // --id: the stored portfolio (already validated when saved), through the same output path.
  if (typeof id === 'string') return { scenario: await withLibrary(options, (lib) => lib.portfolios.get(parseId(id)).scenario), file: null }
  return { scenario: loadScenarioFile(positional[0]!), file: positional[0]! }
}

export function loadScenarioFile(file: string): Scenario {
  const parsed = parseScenario(readInputFile(file, MAX_SCENARIO_BYTES))
  if (!parsed.ok) throw new BadInput(parsed.problems.map((p) => `${file}: ${p.path}: ${p.message}`))
  return parsed.value
}
