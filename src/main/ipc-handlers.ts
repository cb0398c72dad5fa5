// The main-process side of every IPC channel, as plain functions (context, request) → response,
// so they run and are tested under Node against a real SQLite file. Requests arrive already
// validated by their zod schema (ipc.ts); scenarios inside them are validated by the store.
import { basename } from 'node:path'
import { compareScenario } from '../shared/engine/compare'
import { MAX_SCENARIO_BYTES } from '../shared/scenario/parse'
import type { Channel, FileKind, OpenedFile, ResponseOf, ValidRequestOf } from '../shared/ipc/contract'
import type { PortfolioSummary, Portfolio } from '../shared/ipc/library-types'
import { readTextFileCapped, writeFileAtomic } from './files'
import type { Library } from './store/library'
import { LibraryError } from './store/errors'
import { validScenario } from './store/scenario-input'
import { exportScenarioText, importMarketText, importScenarioText } from './store/transfer'
import { importAccountTexts } from './store/account-market'
import { importPositionsCsv } from './store/positions-csv-import'
import { positionsCsvTemplate } from '../shared/import/positions-csv'
import { buildReport } from '../shared/report/build-report'

/** What only the Electron main process can do: dialogs and the OS's queue of opened files. */
export interface FileAccess {
  /** Shows an open dialog for that kind of file; the chosen path, or null when cancelled. */
  chooseOpen(kind: FileKind): Promise<string | null>
  /** Shows a save dialog proposing that file name (a scenario, or an HTML report); the chosen path, or null when cancelled. */
  chooseSave(suggestedName: string, kind?: 'scenario' | 'report'): Promise<string | null>
  /** The oldest scenario path queued by the OS (double-click, argv, Open Recent). */
  takePending(): string | undefined
  /** Called with every path opened or saved (recent files). */
  remember?(path: string): void
}

export interface HandlerContext {
  library: Library
  /** Absent under plain Node (tests, the e2e bridge): file:open / scenario:export answer UNAVAILABLE. */
  files?: FileAccess
}

export type Handler<C extends Channel> = (ctx: HandlerContext, request: ValidRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>
export type HandlerTable = { [C in Channel]: Handler<C> }

const MAX_FILE_BYTES: Record<FileKind, number> = {
  scenario: MAX_SCENARIO_BYTES,
  market: 64 * 1024 * 1024,
  account: 16 * 1024 * 1024
}

function files(ctx: HandlerContext): FileAccess {
  if (!ctx.files) throw new LibraryError('UNAVAILABLE', 'file dialogs are not available here; send the file text instead')
  return ctx.files
}

function readChosen(ctx: HandlerContext, path: string, kind: FileKind): OpenedFile {
  const text = readTextFileCapped(path, MAX_FILE_BYTES[kind])
  ctx.files?.remember?.(path)
  return { fileName: basename(path), text }
}

const summary = ({ id, name, tags, symbols, revision, createdAt, updatedAt, deletedAt }: Portfolio): PortfolioSummary => ({
  id,
  name,
  tags,
  symbols,
  revision,
  createdAt,
  updatedAt,
  deletedAt
})

export const HANDLERS: HandlerTable = {
  'portfolio:list': ({ library }, q) => library.portfolios.list(q),
  'portfolio:get': ({ library }, { id }) => library.portfolios.get(id),
  'portfolio:create': ({ library }, r) => library.portfolios.create({ scenario: r.scenario, name: r.name, tags: r.tags }),
  'portfolio:save': ({ library }, r) => library.portfolios.save({ id: r.id, scenario: r.scenario, tags: r.tags, baseRevision: r.baseRevision }),
  'portfolio:duplicate': ({ library }, { id, name }) => library.portfolios.duplicate(id, name),
  'portfolio:rename': ({ library }, { id, name }) => library.portfolios.rename(id, name),
  'portfolio:delete': ({ library }, { id }) => {
    library.portfolios.delete(id)
    return { id }
  },
  'portfolio:restore': ({ library }, { id }) => library.portfolios.restore(id),
  'portfolio:emptyTrash': ({ library }) => ({ deleted: library.portfolios.emptyTrash() }),
  'portfolio:revisions': ({ library }, { id }) => library.portfolios.revisions(id),
  'portfolio:revision': ({ library }, { id, revision }) => library.portfolios.revision(id, revision),
  'portfolio:restoreRevision': ({ library }, { id, revision }) => library.portfolios.restoreRevision(id, revision),

  'scenario:import': ({ library }, r) => {
    if (r.text.length > MAX_SCENARIO_BYTES) {
      throw new LibraryError('BAD_INPUT', 'the scenario file is too large', [{ path: '(file)', message: `the file is larger than ${MAX_SCENARIO_BYTES} bytes` }])
    }
    const out = importScenarioText(library, r.text, { name: r.name, tags: r.tags, dryRun: r.dryRun })
    return { preview: out.preview, portfolio: out.portfolio && summary(out.portfolio) }
  },
  'scenario:export': async (ctx, { id, revision }) => {
    const { fileName, text } = exportScenarioText(ctx.library, id, revision)
    const fa = files(ctx)
    const path = await fa.chooseSave(fileName)
    if (path === null) return { saved: false }
    writeFileAtomic(path, text)
    fa.remember?.(path)
    return { saved: true, fileName: basename(path) }
  },
  'scenario:text': ({ library }, { id, revision }) => exportScenarioText(library, id, revision),
  'report:export': async (ctx, { scenario }) => {
    // Validated first (problems by path, no dialog); built after the dialog, from what was sent.
    const valid = validScenario(scenario)
    const path = await files(ctx).chooseSave(valid.name, 'report')
    if (path === null) return { saved: false }
    writeFileAtomic(path, buildReport(valid, new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')))
    return { saved: true, fileName: basename(path) }
  },

  'file:open': async (ctx, { kind }) => {
    const path = await files(ctx).chooseOpen(kind)
    return path === null ? null : readChosen(ctx, path, kind)
  },
  'file:openPending': (ctx) => {
    const path = files(ctx).takePending()
    return path === undefined ? null : readChosen(ctx, path, 'scenario')
  },

  'market:import': ({ library }, r) => importMarketText(library, r.text, { name: r.name, fileName: r.fileName, asOf: r.asOf, dryRun: r.dryRun }),
  'market:list': ({ library }) => library.snapshots.list(),
  'market:delete': ({ library }, { id }) => {
    library.snapshots.delete(id)
    return { id }
  },
  'market:apply': ({ library }, { snapshotId, portfolioId }) => library.applySnapshot(snapshotId, portfolioId),

  'account:import': ({ library }, r) => {
    const out = importAccountTexts(
      library,
      { account: r.accountText, positionRisk: r.positionRiskText, settings: r.settingsText, openOrders: r.openOrdersText },
      { name: r.name, tags: r.tags, snapshotIds: r.snapshotIds, dryRun: r.dryRun }
    )
    return { preview: out.preview, notes: out.notes, portfolio: out.portfolio && summary(out.portfolio) }
  },

  'positions:csvTemplate': () => ({ fileName: 'positions-template.csv', text: positionsCsvTemplate() }),
  'positions:importCsv': ({ library }, r) => {
    const out = importPositionsCsv(library, r.id, r.text, { mode: r.mode, dryRun: r.dryRun, baseRevision: r.baseRevision })
    return { preview: out.preview, portfolio: out.portfolio && summary(out.portfolio) }
  },

  'compare:run': ({ library }, r) => compareScenario('id' in r ? library.portfolios.get(r.id).scenario : validScenario(r.scenario)),
}

/** The table bound to one context: what registerIpc takes. */
export function bindHandlers(ctx: HandlerContext): { [C in Channel]: (request: ValidRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>> } {
  const out = {} as Record<Channel, (request: never) => unknown>
  for (const channel of Object.keys(HANDLERS) as Channel[]) {
    const h = HANDLERS[channel] as Handler<Channel>
    out[channel] = (request: never) => h(ctx, request)
  }
  return out as never
}
