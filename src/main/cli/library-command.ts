// `margin-planner library …`: the desktop app's library from the command line (same store,
// same validation). Bad input (a refused file, an unknown id, a library from a newer app)
// exits 2 with one line per problem and leaves the library as it was.
import { MAX_SCENARIO_BYTES } from '../../shared/scenario/parse'
import { readTextFileCapped, writeFileAtomic } from '../files'
import { Library } from '../store/library'
import { LibraryError } from '../store/errors'
import { DB_ENV, resolveDbPath } from '../store/db-path'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { exportScenarioText, importScenarioText } from '../store/transfer'
import { BadInput, parseArgs, type CliIo } from './cli-io'
import { LIBRARY_CARE_SUBCOMMANDS, LIBRARY_CARE_USAGE, libraryCareCommand } from './library-care-command'

export const LIBRARY_USAGE = `usage: margin-planner library <subcommand> [--db PATH] [--json]
  import FILE [--name NAME] [--tags A,B] [--dry-run]   store a scenario file; prints the new id
  list [--search TEXT] [--tag TAG] [--symbol SYMBOL] [--trash]
  show ID [--revision N]                               the stored scenario (canonical JSON)
  export ID FILE [--revision N]                        write it as a scenario file (atomic)
  rename ID NAME | duplicate ID [--name NAME]
  delete ID                                            move to the trash
  restore ID [--revision N]                            out of the trash, or back to revision N
  revisions ID | empty-trash
${LIBRARY_CARE_USAGE}`

/** Opens the library named by --db / $MARGIN_PLANNER_DB / the app's folder; always closes it. */
export async function withLibrary<T>(options: Map<string, string | true>, f: (lib: Library) => T | Promise<T>): Promise<T> {
  const path = libraryPathOf(options)
  // The app's own folder may not exist yet (the desktop app never ran); a --db or
  // $MARGIN_PLANNER_DB folder must exist already (a typo should not create folders).
  if (options.get('--db') === undefined && !process.env[DB_ENV]) mkdirSync(dirname(path), { recursive: true })
  let lib: Library
  try {
    lib = Library.open(path)
  } catch (e) {
    throw asBadInput(e)
  }
  try {
    return await f(lib)
  } catch (e) {
    throw asBadInput(e)
  } finally {
    lib.close()
  }
}

/** The library file named by --db / $MARGIN_PLANNER_DB / the app's folder (not opened). */
export function libraryPathOf(options: Map<string, string | true>): string {
  const flag = typeof options.get('--db') === 'string' ? (options.get('--db') as string) : undefined
  return resolveDbPath({ flag })
}

/** A refusal from the store as CLI bad input: `FILE: path: message`, one line per problem. */
export function asBadInput(e: unknown, file?: string): unknown {
  if (!(e instanceof LibraryError)) return e
  if (e.code === 'MIGRATION_FAILED' || e.code === 'INTERNAL') return e
  const prefix = file ? `${file}: ` : ''
  if (e.problems.length === 0) return new BadInput([`${prefix}${e.message}`])
  return new BadInput(e.problems.map((p) => `${prefix}${p.path}: ${p.message}`))
}

export function readUserFile(file: string, maxBytes = MAX_SCENARIO_BYTES): string {
  try {
    return readTextFileCapped(file, maxBytes)
  } catch (e) {
    throw asBadInput(e, file)
  }
}

export function parseId(text: string | undefined, what = 'ID'): number {
  if (text === undefined) throw new BadInput([`missing ${what}`])
  if (!/^[1-9][0-9]{0,14}$/.test(text)) throw new BadInput([`${what} must be a positive whole number, got ${JSON.stringify(text)}`])
  return Number(text)
}

function optionalId(options: Map<string, string | true>, flag: string): number | undefined {
  const v = options.get(flag)
  return typeof v === 'string' ? parseId(v, flag) : undefined
}

function str(options: Map<string, string | true>, flag: string): string | undefined {
  const v = options.get(flag)
  return typeof v === 'string' ? v : undefined
}

export function json(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`)
}

function arity(positional: string[], n: number, usage: string): void {
  if (positional.length !== n) throw new BadInput([`usage: margin-planner library ${usage}`])
}

export async function libraryCommand(args: string[], io: CliIo): Promise<number> {
  const { positional: words, options } = parseArgs(
    args,
    ['--db', '--name', '--tags', '--search', '--tag', '--symbol', '--revision', '--from', '--older-than'],
    ['--json', '--dry-run', '--trash']
  )
  const [sub, ...positional] = words
  const asJson = options.has('--json')
  switch (sub) {
    case 'import': {
      arity(positional, 1, 'import FILE [--name NAME] [--tags A,B] [--dry-run]')
      const file = positional[0]!
      const text = readUserFile(file)
      const tags = str(options, '--tags')?.split(',')
      return withLibrary(options, (lib) => {
        let r
        try {
          r = importScenarioText(lib, text, { name: str(options, '--name'), tags, dryRun: options.has('--dry-run') })
        } catch (e) {
          throw asBadInput(e, file)
        }
        const p = r.preview
        if (r.portfolio === null) {
          if (asJson) json(io, { dryRun: true, preview: p })
          else io.out(`would import "${p.name}": ${p.balances} balances, ${p.positions} positions, ${p.symbols} symbols, ${p.assets} assets, ${p.shocks} shocks\n`)
        } else if (asJson) json(io, { id: r.portfolio.id })
        else io.out(`${r.portfolio.id}\n`)
        return 0
      })
    }
    case 'list': {
      arity(positional, 0, 'list [--search TEXT] [--tag TAG] [--symbol SYMBOL] [--trash] [--json]')
      return withLibrary(options, (lib) => {
        const rows = lib.portfolios.list({ text: str(options, '--search'), tag: str(options, '--tag'), symbol: str(options, '--symbol'), trash: options.has('--trash') })
        if (asJson) json(io, rows.map((r) => ({ id: r.id, name: r.name, tags: r.tags, updatedAt: r.updatedAt })))
        else io.out(rows.map((r) => `${String(r.id).padStart(4)}  ${r.updatedAt}  ${r.name}${r.tags.length ? `  [${r.tags.join(', ')}]` : ''}\n`).join(''))
        return 0
      })
    }
    case 'show': {
      arity(positional, 1, 'show ID [--revision N]')
      const id = parseId(positional[0])
      return withLibrary(options, (lib) => {
        io.out(exportScenarioText(lib, id, optionalId(options, '--revision')).text)
        return 0
      })
    }
    case 'export': {
      arity(positional, 2, 'export ID FILE [--revision N]')
      const id = parseId(positional[0])
      const file = positional[1]!
      return withLibrary(options, (lib) => {
        const { text } = exportScenarioText(lib, id, optionalId(options, '--revision'))
        try {
          writeFileAtomic(file, text)
        } catch (e) {
          throw asBadInput(e, file)
        }
        if (asJson) json(io, { id, file })
        return 0
      })
    }
    case 'rename': {
      arity(positional, 2, 'rename ID NAME')
      const id = parseId(positional[0])
      return withLibrary(options, (lib) => summary(io, asJson, lib.portfolios.rename(id, positional[1]!)))
    }
    case 'duplicate': {
      arity(positional, 1, 'duplicate ID [--name NAME]')
      const id = parseId(positional[0])
      return withLibrary(options, (lib) => summary(io, asJson, lib.portfolios.duplicate(id, str(options, '--name'))))
    }
    case 'delete': {
      arity(positional, 1, 'delete ID')
      const id = parseId(positional[0])
      return withLibrary(options, (lib) => {
        lib.portfolios.delete(id)
        if (asJson) json(io, { id, deleted: true })
        return 0
      })
    }
    case 'restore': {
      arity(positional, 1, 'restore ID [--revision N]')
      const id = parseId(positional[0])
      const revision = optionalId(options, '--revision')
      return withLibrary(options, (lib) => summary(io, asJson, revision === undefined ? lib.portfolios.restore(id) : lib.portfolios.restoreRevision(id, revision)))
    }
    case 'revisions': {
      arity(positional, 1, 'revisions ID')
      const id = parseId(positional[0])
      return withLibrary(options, (lib) => {
        const revs = lib.portfolios.revisions(id)
        if (asJson) json(io, revs)
        else io.out(revs.map((r) => `${String(r.revision).padStart(4)}${r.current ? '*' : ' '} ${r.savedAt}  ${r.reason.padEnd(9)} ${r.name}\n`).join(''))
        return 0
      })
    }
    case 'empty-trash': {
      arity(positional, 0, 'empty-trash')
      return withLibrary(options, (lib) => {
        const n = lib.portfolios.emptyTrash()
        if (asJson) json(io, { deleted: n })
        else io.out(`${n} deleted for good\n`)
        return 0
      })
    }
    default:
      if (sub !== undefined && LIBRARY_CARE_SUBCOMMANDS.includes(sub)) return libraryCareCommand(sub, positional, { path: libraryPathOf(options), options, withLibrary: (f) => withLibrary(options, f), json: (v) => json(io, v) }, io)
      throw new BadInput([sub === undefined ? 'missing subcommand' : `unknown subcommand "library ${sub}"`, LIBRARY_USAGE])
  }
}

function summary(io: CliIo, asJson: boolean, p: { id: number; name: string; revision: number }): number {
  if (asJson) json(io, { id: p.id, name: p.name, revision: p.revision })
  else io.out(`${p.id}  revision ${p.revision}  ${p.name}\n`)
  return 0
}

