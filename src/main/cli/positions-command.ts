// `margin-planner positions …`: the positions CSV template, and a CSV into a stored portfolio
// (replace its positions, or --append). The whole new scenario is validated first; bad input
// exits 2 with one line per problem (FILE: row R, column C: message) and the library unchanged.
import { positionsCsvTemplate } from '../../shared/import/positions-csv'
import { importPositionsCsv } from '../store/positions-csv-import'
import type { PositionsCsvChange } from '../../shared/ipc/library-types'
import type { Position } from '../../shared/scenario/types'
import { BadInput, parseArgs, type CliIo } from './cli-io'
import { asBadInput, json, parseId, readUserFile, withLibrary } from './library-command'

export const MAX_POSITIONS_CSV_BYTES = 16 * 1024 * 1024

export const POSITIONS_USAGE = `usage: margin-planner positions <subcommand>
  template                                             print the CSV template (header and one example row)
  import PORTFOLIO_ID FILE.csv [--append] [--dry-run]  replace (or append to) the portfolio's positions
                               [--db PATH] [--json]    as a new revision; --dry-run previews only`

const describe = (p: Position): string =>
  `${p.symbol} ${p.side} ${p.quantity} @ ${p.entryPrice} ${p.leverage}x ${p.marginType}${p.isolatedWallet !== undefined ? ` (isolated wallet ${p.isolatedWallet})` : ''}`

function changeLine(c: PositionsCsvChange): string {
  if (c.change === 'added') return `  + ${describe(c.after!)}`
  if (c.change === 'removed') return `  - ${describe(c.before!)}`
  return `  ~ ${describe(c.before!)}  ->  ${describe(c.after!)}`
}

export async function positionsCommand(args: string[], io: CliIo): Promise<number> {
  const { positional: words, options } = parseArgs(args, ['--db'], ['--json', '--dry-run', '--append'])
  const [sub, ...positional] = words
  switch (sub) {
    case 'template': {
      if (positional.length !== 0 || options.size > 0) throw new BadInput(['usage: margin-planner positions template'])
      io.out(positionsCsvTemplate())
      return 0
    }
    case 'import': {
      if (positional.length !== 2) throw new BadInput([POSITIONS_USAGE])
      const id = parseId(positional[0], 'PORTFOLIO_ID')
      const file = positional[1]!
      const text = readUserFile(file, MAX_POSITIONS_CSV_BYTES)
      const mode = options.has('--append') ? 'append' : 'replace'
      const dryRun = options.has('--dry-run')
      return withLibrary(options, (lib) => {
        let r
        try {
          r = importPositionsCsv(lib, id, text, { mode, dryRun })
        } catch (e) {
          throw asBadInput(e, file)
        }
        const p = r.preview
        if (options.has('--json')) {
          json(io, r.portfolio ? { id: r.portfolio.id, revision: r.portfolio.revision, preview: p } : { dryRun: true, preview: p })
          return 0
        }
        const counts = (['added', 'changed', 'removed'] as const).map((k) => `${p.changes.filter((c) => c.change === k).length} ${k}`).join(', ')
        io.out(
          r.portfolio
            ? `portfolio ${r.portfolio.id} revision ${r.portfolio.revision}: ${p.after.length} positions (${counts}, ${p.unchanged} unchanged)\n`
            : `would ${mode} the positions of portfolio ${id} with ${p.rows} from ${file}: ${p.after.length} positions (${counts}, ${p.unchanged} unchanged)\n`
        )
        for (const c of p.changes) io.out(`${changeLine(c)}\n`)
        return 0
      })
    }
    default:
      throw new BadInput([sub === undefined ? 'missing subcommand' : `unknown subcommand "positions ${sub}"`, POSITIONS_USAGE])
  }
}
