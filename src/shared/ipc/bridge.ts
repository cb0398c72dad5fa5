// The renderer's view of main: `window.api`, one named async function per channel (no generic
// invoke). The preload builds it from API_FUNCTIONS; tests check every channel has exactly one.
import type { Channel, RequestOf, ResponseOf } from './contract'
import type { IpcResult } from './errors'
import type { AppEvent } from './events'

export const API_FUNCTIONS = {
  listPortfolios: 'portfolio:list',
  getPortfolio: 'portfolio:get',
  createPortfolio: 'portfolio:create',
  savePortfolio: 'portfolio:save',
  duplicatePortfolio: 'portfolio:duplicate',
  renamePortfolio: 'portfolio:rename',
  deletePortfolio: 'portfolio:delete',
  restorePortfolio: 'portfolio:restore',
  emptyTrash: 'portfolio:emptyTrash',
  listRevisions: 'portfolio:revisions',
  getRevision: 'portfolio:revision',
  restoreRevision: 'portfolio:restoreRevision',
  importScenario: 'scenario:import',
  exportScenario: 'scenario:export',
  scenarioText: 'scenario:text',
  openFile: 'file:open',
  openPendingFile: 'file:openPending',
  importMarket: 'market:import',
  listSnapshots: 'market:list',
  deleteSnapshot: 'market:delete',
  applySnapshot: 'market:apply',
  importAccount: 'account:import',
  positionsCsvTemplate: 'positions:csvTemplate',
  importPositionsCsv: 'positions:importCsv',
  runCompare: 'compare:run',
  exportReport: 'report:export'
} as const satisfies Record<string, Channel>

export type ApiFunctionName = keyof typeof API_FUNCTIONS

/** Channels whose request is `{}`: their function takes no argument. */
type NoArgChannel = 'portfolio:emptyTrash' | 'market:list' | 'file:openPending' | 'positions:csvTemplate'

/**
 * Every function resolves (never rejects for a refusal): `{ ok: true, value }` or
 * `{ ok: false, error: { code, message, path?, problems? } }`.
 */
export type MarginPlannerApi = ApiFunctions & {
  /** Menu commands and "a file is waiting" from main; returns the unsubscribe function. */
  onAppEvent(listener: (event: AppEvent) => void): () => void
}

export type ApiFunctions = {
  [K in ApiFunctionName]: (typeof API_FUNCTIONS)[K] extends NoArgChannel
    ? () => Promise<IpcResult<ResponseOf<(typeof API_FUNCTIONS)[K]>>>
    : (typeof API_FUNCTIONS)[K] extends 'portfolio:list'
      ? (request?: RequestOf<'portfolio:list'>) => Promise<IpcResult<ResponseOf<'portfolio:list'>>>
      : (request: RequestOf<(typeof API_FUNCTIONS)[K]>) => Promise<IpcResult<ResponseOf<(typeof API_FUNCTIONS)[K]>>>
}
