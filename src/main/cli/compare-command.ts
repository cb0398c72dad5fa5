// `margin-planner compare FILE [--json]` (scenario-format.md §2).
import { compareScenario } from '../../shared/engine/compare'
import { parseArgs, type CliIo } from './cli-io'
import { scenarioFromArgs } from './scenario-source'
import { formatCompareTable } from './compare-table'

export async function compareCommand(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['--id', '--db'], ['--json'])
  const { scenario } = await scenarioFromArgs(positional, options, 'usage: margin-planner compare FILE [--json]  |  compare --id ID [--db PATH] [--json]')
  const result = compareScenario(scenario)
  io.out(options.has('--json') ? `${JSON.stringify(result, null, 2)}\n` : formatCompareTable(scenario, result))
  return 0
}
