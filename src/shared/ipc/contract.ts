// The IPC contract: every channel the renderer may invoke, its request schema (zod, strict:
// extra or malformed fields are refused before a handler runs) and its response type. Main
// validates with these schemas; the preload and the renderer are typed from them.
// Files cross as TEXT (drag-and-drop, the e2e bridge) or by a main-process dialog; the renderer
// never sends a path.
import { z } from 'zod'
import type { CompareResult } from '../engine/result-types'
import type {
  ApplySummary,
  ImportMarketResult,
  Portfolio,
  PortfolioSummary,
  PositionsCsvPreview,
  Revision,
  RevisionSummary,
  ScenarioPreview,
  SnapshotSummary
} from './library-types'

/** Largest file text accepted over IPC (a full bracket table of every symbol is ~2.5 MB). */
export const MAX_IPC_TEXT = 64 * 1024 * 1024

/** A positions CSV: even thousands of rows are well under 1 MB. */
export const MAX_POSITIONS_CSV_TEXT = 16 * 1024 * 1024

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const name = z.string().max(200)
const tags = z.array(z.string().max(64)).max(50)
const fileText = z.string().max(MAX_IPC_TEXT)
const fileName = z.string().max(255)
const empty = z.strictObject({})

export const FILE_KINDS = ['scenario', 'market', 'account'] as const
export type FileKind = (typeof FILE_KINDS)[number]

export const contract = {
  'portfolio:list': z.strictObject({
    text: z.string().max(200).optional(),
    tag: z.string().max(64).optional(),
    symbol: z.string().max(64).optional(),
    trash: z.boolean().optional()
  }),
  'portfolio:get': z.strictObject({ id }),
  /** The scenario is validated by the store (parseScenarioValue): problems come back by JSON path. */
  'portfolio:create': z.strictObject({ scenario: z.unknown(), name: name.optional(), tags: tags.optional() }),
  'portfolio:save': z.strictObject({ id, scenario: z.unknown(), tags: tags.optional(), baseRevision: id.optional() }),
  'portfolio:duplicate': z.strictObject({ id, name: name.optional() }),
  'portfolio:rename': z.strictObject({ id, name }),
  'portfolio:delete': z.strictObject({ id }),
  'portfolio:restore': z.strictObject({ id }),
  'portfolio:emptyTrash': empty,
  'portfolio:revisions': z.strictObject({ id }),
  'portfolio:revision': z.strictObject({ id, revision: id }),
  'portfolio:restoreRevision': z.strictObject({ id, revision: id }),

  /** A scenario file's text (dropped or opened through file:open); dryRun previews only. */
  'scenario:import': z.strictObject({ text: fileText, fileName: fileName.optional(), name: name.optional(), tags: tags.optional(), dryRun: z.boolean().optional() }),
  /** Saves a portfolio as a scenario file where the user chooses in main's save dialog. */
  'scenario:export': z.strictObject({ id, revision: id.optional() }),
  /** The report (src/shared/report) of the scenario on screen, unsaved edits included, saved where the user chooses in main's dialog. */
  'report:export': z.strictObject({ scenario: z.unknown() }),
  /** The canonical scenario text of a portfolio (copy, e2e bridge). */
  'scenario:text': z.strictObject({ id, revision: id.optional() }),

  /** Main shows an open dialog and returns the chosen file's text (null when cancelled). */
  'file:open': z.strictObject({ kind: z.enum(FILE_KINDS) }),
  /** The scenario file queued by the OS (double-click, command line, Open Recent). */
  'file:openPending': empty,

  'market:import': z.strictObject({
    text: fileText,
    fileName: fileName.optional(),
    name: name.optional(),
    asOf: z.iso.datetime({ offset: true }).optional(),
    dryRun: z.boolean().optional()
  }),
  'market:list': empty,
  'market:delete': z.strictObject({ id }),
  'market:apply': z.strictObject({ snapshotId: id, portfolioId: id }),

  'account:import': z.strictObject({
    accountText: fileText,
    positionRiskText: fileText.optional(),
    settingsText: fileText.optional(),
    /** Version 2: saved GET /fapi/v1/openOrders. */
    openOrdersText: fileText.optional(),
    name: name.optional(),
    tags: tags.optional(),
    /** Market data from these snapshots (first wins); default every snapshot, newest first. */
    snapshotIds: z.array(id).max(100).optional(),
    dryRun: z.boolean().optional()
  }),

  /** The positions CSV template ("Save CSV template"): header and one example row. */
  'positions:csvTemplate': empty,
  /**
   * A positions CSV's text into a stored portfolio: replace its positions or append to them. The
   * whole new scenario is validated; problems come back by CSV row and column. dryRun previews.
   */
  'positions:importCsv': z.strictObject({
    id,
    text: z.string().max(MAX_POSITIONS_CSV_TEXT),
    mode: z.enum(['replace', 'append']),
    dryRun: z.boolean().optional(),
    baseRevision: id.optional()
  }),

  /** Both modes for a stored portfolio, or for an unsaved scenario being edited. */
  'compare:run': z.union([z.strictObject({ id }), z.strictObject({ scenario: z.unknown() })])
} as const satisfies Record<string, z.ZodType>

export type Channel = keyof typeof contract
export const CHANNELS = Object.keys(contract) as Channel[]

/** What the renderer sends. */
export type RequestOf<C extends Channel> = z.input<(typeof contract)[C]>
/** What a handler receives, after validation. */
export type ValidRequestOf<C extends Channel> = z.output<(typeof contract)[C]>

export interface OpenedFile {
  /** The base name only: a path never crosses to the renderer and back. */
  fileName: string
  text: string
}

export interface Responses {
  'portfolio:list': PortfolioSummary[]
  'portfolio:get': Portfolio
  'portfolio:create': Portfolio
  'portfolio:save': Portfolio
  'portfolio:duplicate': Portfolio
  'portfolio:rename': Portfolio
  'portfolio:delete': { id: number }
  'portfolio:restore': Portfolio
  'portfolio:emptyTrash': { deleted: number }
  'portfolio:revisions': RevisionSummary[]
  'portfolio:revision': Revision
  'portfolio:restoreRevision': Portfolio
  'scenario:import': { preview: ScenarioPreview; portfolio: PortfolioSummary | null }
  'scenario:export': { saved: true; fileName: string } | { saved: false }
  'scenario:text': OpenedFile
  'report:export': { saved: true; fileName: string } | { saved: false }
  'file:open': OpenedFile | null
  'file:openPending': OpenedFile | null
  'market:import': ImportMarketResult
  'market:list': SnapshotSummary[]
  'market:delete': { id: number }
  'market:apply': ApplySummary
  'account:import': { preview: ScenarioPreview; notes: string[]; portfolio: PortfolioSummary | null }
  'positions:csvTemplate': OpenedFile
  'positions:importCsv': { preview: PositionsCsvPreview; portfolio: PortfolioSummary | null }
  'compare:run': CompareResult
}

export type ResponseOf<C extends Channel> = Responses[C]
