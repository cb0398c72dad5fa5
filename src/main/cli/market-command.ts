// `margin-planner market …`: Binance market files as named snapshots, applied to portfolios.
import { BadInput, parseArgs, type CliIo } from './cli-io'
import { asBadInput, json, parseId, readUserFile, withLibrary } from './library-command'
import { importMarketText } from '../store/transfer'
import { basename } from 'node:path'

/** A full bracket table of every symbol is a few MB (the 2026-03-05 one is 2.4 MB). */
export const MAX_MARKET_FILE_BYTES = 64 * 1024 * 1024

export const MARKET_USAGE = `usage: margin-planner market <subcommand> [--db PATH] [--json]
  import FILE [--name NAME] [--as-of ISO] [--dry-run]  leverageBracket / ccxt tiers / premiumIndex / assetIndex / exchangeInfo JSON -> a snapshot
  list
  apply SNAPSHOT_ID PORTFOLIO_ID                       refresh the portfolio's market (new revision)`

export async function marketCommand(args: string[], io: CliIo): Promise<number> {
  const { positional: words, options } = parseArgs(args, ['--db', '--name', '--as-of'], ['--json', '--dry-run'])
  const [sub, ...positional] = words
  const asJson = options.has('--json')
  const s = (flag: string): string | undefined => {
    const v = options.get(flag)
    return typeof v === 'string' ? v : undefined
  }
  switch (sub) {
    case 'import': {
      if (positional.length !== 1) throw new BadInput(['usage: margin-planner market import FILE [--name NAME] [--as-of ISO] [--dry-run]'])
      const file = positional[0]!
      const asOf = s('--as-of')
      if (asOf !== undefined && Number.isNaN(Date.parse(asOf))) throw new BadInput([`--as-of must be an ISO date or time, got ${JSON.stringify(asOf)}`])
      const text = readUserFile(file, MAX_MARKET_FILE_BYTES)
      return withLibrary(options, (lib) => {
        let r
        try {
          r = importMarketText(lib, text, { name: s('--name'), fileName: basename(file), asOf, dryRun: options.has('--dry-run') })
        } catch (e) {
          throw asBadInput(e, file)
        }
        if (asJson) json(io, r.snapshot ? { id: r.snapshot.id, kind: r.kind, name: r.name, asOf: r.asOf, symbols: r.symbols, assets: r.assets, warnings: r.warnings } : { dryRun: true, ...r, snapshot: undefined })
        else {
          const what = `${r.kind} snapshot "${r.name}" (${r.asOf}): ${r.symbols} symbols, ${r.assets} assets`
          io.out(r.snapshot ? `${r.snapshot.id}\n` : `would import ${what}\n`)
          for (const w of r.warnings) io.err(`warning: ${w.path}: ${w.message}\n`)
        }
        return 0
      })
    }
    case 'list': {
      if (positional.length !== 0) throw new BadInput(['usage: margin-planner market list [--json]'])
      return withLibrary(options, (lib) => {
        const rows = lib.snapshots.list()
        if (asJson) json(io, rows)
        else io.out(rows.map((r) => `${String(r.id).padStart(4)}  ${r.asOf}  ${r.kind.padEnd(12)} ${String(r.symbols).padStart(4)} symbols ${String(r.assets).padStart(3)} assets  ${r.name}\n`).join(''))
        return 0
      })
    }
    case 'apply': {
      if (positional.length !== 2) throw new BadInput(['usage: margin-planner market apply SNAPSHOT_ID PORTFOLIO_ID'])
      const snapshotId = parseId(positional[0], 'SNAPSHOT_ID')
      const portfolioId = parseId(positional[1], 'PORTFOLIO_ID')
      return withLibrary(options, (lib) => {
        const r = lib.applySnapshot(snapshotId, portfolioId)
        const out = {
          id: r.portfolio.id,
          revision: r.portfolio.revision,
          symbolsUpdated: r.symbolsUpdated,
          assetsUpdated: r.assetsUpdated,
          symbolsMissing: r.symbolsMissing,
          assetsMissing: r.assetsMissing
        }
        if (asJson) json(io, out)
        else {
          io.out(`portfolio ${out.id} revision ${out.revision}: updated ${[...out.symbolsUpdated, ...out.assetsUpdated].join(', ') || 'nothing'}\n`)
          const missing = [...out.symbolsMissing, ...out.assetsMissing]
          if (missing.length > 0) io.out(`not in the snapshot (unchanged): ${missing.join(', ')}\n`)
        }
        return 0
      })
    }
    default:
      throw new BadInput([sub === undefined ? 'missing subcommand' : `unknown subcommand "market ${sub}"`, MARKET_USAGE])
  }
}
