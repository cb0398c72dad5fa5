// `margin-planner grid FILE --x ASSET --y ASSET [--range 0.5] [--steps 21] [--json]`
// (scenario-format.md §4). Without --x/--y the axes are the two largest exposures (Decision).
import { exposures } from '../../shared/engine/exposure'
import { stressGrid } from '../../shared/engine/grid'
import { GRID_DEFAULT_RANGE, GRID_DEFAULT_STEPS, gridSpecProblems, type GridSpec } from '../../shared/engine/grid-spec'
import { prepareAccount } from '../../shared/engine/prepare'
import { BadInput, parseArgs, type CliIo } from './cli-io'
import { formatGridTable } from './grid-table'
import { scenarioFromArgs } from './scenario-source'

const USAGE = 'usage: margin-planner grid FILE [--x ASSET] [--y ASSET] [--range 0.5] [--steps 21] [--json]  |  grid --id ID [--db PATH] ...'

export async function gridCommand(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['--x', '--y', '--range', '--steps', '--id', '--db'], ['--json'])
  const { scenario } = await scenarioFromArgs(positional, options, USAGE)
  const account = prepareAccount(scenario)
  const text = (flag: string): string | undefined => {
    const v = options.get(flag)
    return typeof v === 'string' ? v : undefined
  }
  // Decision: an axis left out is the largest exposure not already on the other axis.
  const ranked = exposures(account).map((e) => e.asset)
  const x = text('--x') ?? ranked.find((a) => a !== text('--y'))
  const y = text('--y') ?? ranked.find((a) => a !== x)
  if (x === undefined || y === undefined) throw new BadInput(['the portfolio has fewer than two assets to move: give --x ASSET and --y ASSET'])
  const stepsText = text('--steps') ?? String(GRID_DEFAULT_STEPS)
  const spec: GridSpec = { x, y, range: text('--range') ?? GRID_DEFAULT_RANGE, steps: /^[0-9]{1,6}$/.test(stepsText) ? Number(stepsText) : Number.NaN }
  const problems = gridSpecProblems(account, spec).map((p) => (p.startsWith('--steps') && Number.isNaN(spec.steps) ? p.replace('got NaN', `got "${stepsText}"`) : p))
  if (problems.length > 0) throw new BadInput(problems)
  const grid = stressGrid(account, spec)
  io.out(options.has('--json') ? `${JSON.stringify(grid, null, 2)}\n` : formatGridTable(scenario, grid))
  return 0
}
