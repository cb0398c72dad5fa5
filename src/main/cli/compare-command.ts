// `margin-planner compare FILE [--json]` (scenario-format.md §2).
import { compareScenario } from '../../shared/engine/compare'
import { MAX_SCENARIO_BYTES, parseScenario, type Scenario } from '../../shared/scenario'
import { BadInput, parseArgs, type CliIo } from './cli-io'
import { formatCompareTable } from './compare-table'
import { readInputFile } from './read-input-file'
import { parseId, withLibrary } from './library-command'

export async function compareCommand(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['--id', '--db'], ['--json'])
  const id = options.get('--id')
  if (positional.length !== (id === undefined ? 1 : 0)) throw new BadInput(['usage: margin-planner compare FILE [--json]  |  compare --id ID [--db PATH] [--json]'])
  // --id: the stored portfolio (already validated when saved), through the same output path.
  const scenario = typeof id === 'string' ? await withLibrary(options, (lib) => lib.portfolios.get(parseId(id)).scenario) : loadScenarioFile(positional[0]!)
  const result = compareScenario(scenario)
  io.out(options.has('--json') ? `${JSON.stringify(result, null, 2)}\n` : formatCompareTable(scenario, result))
  return 0
}

export function loadScenarioFile(file: string): Scenario {
  const parsed = parseScenario(readInputFile(file, MAX_SCENARIO_BYTES))
  if (!parsed.ok) throw new BadInput(parsed.problems.map((p) => `${file}: ${p.path}: ${p.message}`))
  return parsed.value
}
