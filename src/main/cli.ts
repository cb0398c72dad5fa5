// The `margin-planner` command. Runs the same engine (and, for library commands, the same
// store) as the desktop app; never imports electron. Exit codes: 0 done, 2 bad input (one line
// per problem on stderr, nothing on stdout), 1 anything else.
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { compareCommand } from './cli/compare-command'
import { libraryCommand } from './cli/library-command'
import { marketCommand } from './cli/market-command'
import { accountCommand } from './cli/account-command'
import { positionsCommand } from './cli/positions-command'
import { gridCommand } from './cli/grid-command'
import { reportCommand } from './cli/report-command'
import { BadInput, type CliIo, type Command } from './cli/cli-io'
import { escapeControlCharacters } from '../shared/text/escape-control'

const USAGE = `usage: margin-planner <command> ...
  compare FILE [--json]            both modes side by side for a scenario file
  compare --id ID [--db PATH]      the same for a portfolio stored in the library
  grid FILE [--x ASSET] [--y ASSET] [--range 0.5] [--steps 21] [--json]   stress grid of two assets' moves
  report FILE [--out REPORT.html | --out -]   one self-contained HTML report (also --id ID)
  library import FILE [--name NAME] [--dry-run] | list | show ID | export ID FILE
  library delete ID | restore ID [--revision N] | revisions ID | rename | duplicate | empty-trash
  library backup [FILE] | backups | check | recover [--from BACKUP] | compact --older-than DAYS
  market import FILE [--name NAME] | list | apply SNAPSHOT_ID PORTFOLIO_ID
  account import ACCOUNT.json POSITIONS.json [--name NAME]
  positions template | import PORTFOLIO_ID FILE.csv [--append] [--dry-run]
  (library, market, account, positions: --db PATH or $MARGIN_PLANNER_DB, --json for machine output)`

/** Each top-level word and the module that runs it. */
const COMMANDS: Record<string, Command> = {
  compare: compareCommand,
  library: libraryCommand,
  market: marketCommand,
  account: accountCommand,
  positions: positionsCommand,
  grid: gridCommand,
  report: reportCommand
}

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // Names, tags and notes come from files: never a raw control character on the terminal, on
  // stdout as on stderr. JSON stays JSON: an escape \u001b in a string is the same string.
  const io: CliIo = { out: (text) => rawIo.out(escapeLines(text)), err: rawIo.err }
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${USAGE}\n`)
    return name === undefined ? 2 : 0
  }
  const command = COMMANDS[name]
  try {
    if (!command) throw new BadInput([`unknown command "${name}"`, USAGE])
    return await command(rest, io)
  } catch (e) {
    if (e instanceof BadInput) {
      // Lines echo file names and file contents: never a raw control character on the terminal.
      for (const line of e.lines) io.err(`${escapeLines(line)}\n`)
      return 2
    }
    io.err(`margin-planner: ${escapeLines(e instanceof Error ? e.message : String(e))}\n`)
    return 1
  }
}

/** Escapes control characters but keeps our own line breaks (the usage text has several; CSV ends its lines with CR LF). */
function escapeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.endsWith('\r') ? `${escapeControlCharacters(line.slice(0, -1))}\r` : escapeControlCharacters(line)))
    .join('\n')
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
if (invokedDirectly) {
  const io: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code
  })
}
