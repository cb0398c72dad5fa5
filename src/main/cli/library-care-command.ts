// `margin-planner library backup | backups | check | recover | compact | auto-compact`: keeping
// the library safe from the command line (issue 8 part 2; README "Backing up", "Recovery").
// check exits 2 on a damaged library with one line per problem; recover never deletes anything.
import Database from 'better-sqlite3'
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { backupIntoFolder, backupsDir, backupTo, countPortfolios, listBackups } from '../store/backups'
import { compactLibrary, compactSetting, setCompactSetting } from '../store/compact'
import { LibraryError } from '../store/errors'
import type { Library } from '../store/library'
import { checkLibraryFile, recoverLibrary } from '../store/library-health'
import { BadInput, type CliIo } from './cli-io'

export const LIBRARY_CARE_SUBCOMMANDS = ['backup', 'backups', 'check', 'recover', 'compact', 'auto-compact']

export const LIBRARY_CARE_USAGE = `  backup [FILE]                                        online copy (default: into backups/ beside the library)
  backups                                              the backups, newest first: file, time, size, portfolios
  check                                                integrity and schema; exit 0 sound, 2 damaged
  recover [--from BACKUP]                              set the damaged library aside, restore a backup
  compact --older-than DAYS                            prune revisions older than DAYS (each day's last kept)
  auto-compact [DAYS|off]                              the same on every open of the app (default off)`

export interface CareContext {
  path: string
  options: Map<string, string | true>
  withLibrary: <T>(f: (lib: Library) => T | Promise<T>) => Promise<T>
  json: (value: unknown) => void
}

function arity(positional: string[], max: number, usage: string): void {
  if (positional.length > max) throw new BadInput([`usage: margin-planner library ${usage}`])
}

function days(text: string | true | undefined, flag: string): number {
  if (typeof text !== 'string' || !/^[0-9]{1,5}$/.test(text)) throw new BadInput([`${flag} needs a whole number of days, got ${JSON.stringify(text ?? '')}`])
  return Number(text)
}

function existingLibrary(path: string): void {
  if (!existsSync(path)) throw new BadInput([`there is no library at ${path}`])
}

export async function libraryCareCommand(sub: string, positional: string[], ctx: CareContext, io: CliIo): Promise<number> {
  const asJson = ctx.options.has('--json')
  const { path } = ctx
  switch (sub) {
    case 'backup': {
      arity(positional, 1, 'backup [FILE]')
      existingLibrary(path)
      const target = positional[0] === undefined ? undefined : resolve(positional[0])
      if (target !== undefined && existsSync(target)) throw new BadInput([`${positional[0]}: the file exists already; a backup never overwrites a file`])
      // Read-only: a backup never migrates or writes to the library it copies.
      let db: Database.Database
      try {
        db = new Database(path, { readonly: true, fileMustExist: true })
      } catch (e) {
        throw new BadInput([`${path}: ${(e as Error).message}`])
      }
      let file: string
      try {
        file = target === undefined ? (await backupIntoFolder(db, path, 'manual')).path : await backupTo(db, target)
      } catch (e) {
        throw new BadInput([`${path}: the backup failed: ${(e as Error).message}`])
      } finally {
        db.close()
      }
      const out = { file, size: statSync(file).size, portfolios: countPortfolios(file) }
      if (asJson) ctx.json(out)
      else io.out(`${file}\n`)
      return 0
    }
    case 'backups': {
      arity(positional, 0, 'backups [--json]')
      const rows = listBackups(backupsDir(path))
      if (asJson) ctx.json(rows.map((b) => ({ file: b.path, time: b.time, kind: b.kind, size: b.size, portfolios: b.portfolios })))
      else io.out(rows.map((b) => `${b.time}  ${String(b.size).padStart(10)} B  ${String(b.portfolios ?? '?').padStart(4)} portfolios  ${b.kind.padEnd(16)} ${b.path}\n`).join(''))
      return 0
    }
    case 'check': {
      arity(positional, 0, 'check [--json]')
      const check = checkLibraryFile(path)
      if (asJson) {
        ctx.json(check)
        return check.sound ? 0 : 2
      }
      if (!check.sound) throw new BadInput([`${path} is damaged:`, ...check.problems.map((p) => `  ${p}`)])
      io.out(`${path}: sound (schema version ${check.schemaVersion}, ${check.portfolios} portfolios)\n`)
      return 0
    }
    case 'recover': {
      arity(positional, 0, 'recover [--from BACKUP]')
      const from = ctx.options.get('--from')
      const before = checkLibraryFile(path)
      if (typeof from !== 'string' && before.sound) {
        const message = `${path} is sound; nothing was changed (to go back to a backup: library recover --from BACKUP)`
        if (asJson) ctx.json({ recovered: false, message })
        else io.out(`${message}\n`)
        return 0
      }
      let report
      try {
        report = recoverLibrary(path, { from: typeof from === 'string' ? from : undefined, label: before.sound ? 'replaced' : 'damaged' })
      } catch (e) {
        if (e instanceof LibraryError) throw new BadInput(e.problems.length ? [e.message, ...e.problems.map((p) => `  ${p.message}`)] : [e.message])
        throw e
      }
      if (asJson) ctx.json({ recovered: true, ...report })
      else {
        for (const f of report.setAside) io.out(`kept the previous file as ${f}\n`)
        io.out(`restored ${report.restoredFrom}\n`)
        io.out(report.check.sound ? `${path}: sound (schema version ${report.check.schemaVersion}, ${report.check.portfolios} portfolios)\n` : '')
      }
      if (!report.check.sound) throw new BadInput([`the restored library is not sound:`, ...report.check.problems.map((p) => `  ${p}`)])
      return 0
    }
    case 'compact': {
      arity(positional, 0, 'compact --older-than DAYS')
      const n = days(ctx.options.get('--older-than'), '--older-than')
      existingLibrary(path)
      const before = statSync(path).size
      return ctx.withLibrary((lib) => {
        const r = compactLibrary(lib.db, n)
        lib.db.pragma('wal_checkpoint(TRUNCATE)')
        const after = statSync(path).size
        if (asJson) ctx.json({ pruned: r.pruned, cutoff: r.cutoff, sizeBefore: before, sizeAfter: after })
        else io.out(`${r.pruned} revisions saved before ${r.cutoff} pruned; ${before} → ${after} bytes\n`)
        return 0
      })
    }
    case 'auto-compact': {
      arity(positional, 1, 'auto-compact [DAYS|off]')
      const arg = positional[0]
      return ctx.withLibrary((lib) => {
        if (arg !== undefined) setCompactSetting(lib.db, arg === 'off' ? null : days(arg, 'auto-compact'))
        const setting = compactSetting(lib.db)
        if (asJson) ctx.json({ olderThanDays: setting })
        else io.out(setting === null ? 'off: every revision is kept\n' : `on open, revisions older than ${setting} days are pruned (each day's last kept)\n`)
        return 0
      })
    }
    default:
      throw new BadInput([`unknown subcommand "library ${sub}"`])
  }
}
