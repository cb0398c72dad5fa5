// `margin-planner account import ACCOUNT.json POSITIONS.json [OPENORDERS.json]`: a saved Binance
// account (GET /fapi/v2|v3/account), its positions (GET /fapi/v2|v3/positionRisk) and optionally
// its open orders (GET /fapi/v1/openOrders) as a portfolio, with market data from the library's snapshots ("market import" them first).
import { BadInput, parseArgs, type CliIo } from './cli-io'
import { asBadInput, json, parseId, readUserFile, withLibrary } from './library-command'
import { importAccountTexts } from '../store/account-market'

const MAX_ACCOUNT_FILE_BYTES = 16 * 1024 * 1024

export const ACCOUNT_USAGE = `usage: margin-planner account import ACCOUNT.json POSITIONS.json [OPENORDERS.json] [--settings FILE] [--name NAME]
       [--tags A,B] [--snapshots ID,ID] [--dry-run] [--db PATH] [--json]`

export async function accountCommand(args: string[], io: CliIo): Promise<number> {
  const { positional: words, options } = parseArgs(args, ['--db', '--name', '--tags', '--snapshots', '--settings'], ['--json', '--dry-run'])
  const [sub, ...positional] = words
  if (sub !== 'import') throw new BadInput([sub === undefined ? 'missing subcommand' : `unknown subcommand "account ${sub}"`, ACCOUNT_USAGE])
  if (positional.length !== 2 && positional.length !== 3) throw new BadInput([ACCOUNT_USAGE])
  const s = (flag: string): string | undefined => {
    const v = options.get(flag)
    return typeof v === 'string' ? v : undefined
  }
  const snapshotIds = s('--snapshots')?.split(',').map((x) => parseId(x.trim(), '--snapshots'))
  const asJson = options.has('--json')
  const settingsFile = s('--settings')
  const files = {
    account: readUserFile(positional[0]!, MAX_ACCOUNT_FILE_BYTES),
    positionRisk: readUserFile(positional[1]!, MAX_ACCOUNT_FILE_BYTES),
    ...(settingsFile ? { settings: readUserFile(settingsFile, MAX_ACCOUNT_FILE_BYTES) } : {}),
    ...(positional[2] !== undefined ? { openOrders: readUserFile(positional[2], MAX_ACCOUNT_FILE_BYTES) } : {})
  }
  return withLibrary(options, (lib) => {
    let r
    try {
      r = importAccountTexts(lib, files, { name: s('--name'), tags: s('--tags')?.split(','), snapshotIds, dryRun: options.has('--dry-run') })
    } catch (e) {
      // Problem paths already say which file: "account …", "positionRisk …", or "market.…".
      throw asBadInput(e)
    }
    if (asJson) json(io, r.portfolio ? { id: r.portfolio.id, preview: r.preview, notes: r.notes } : { dryRun: true, preview: r.preview, notes: r.notes })
    else {
      const p = r.preview
      io.out(r.portfolio ? `${r.portfolio.id}\n` : `would import "${p.name}": ${p.balances} balances, ${p.positions} positions, ${p.openOrders} open orders, ${p.symbols} symbols, ${p.assets} assets\n`)
      for (const n of r.notes) io.err(`note: ${n}\n`)
    }
    return 0
  })
}
