// Native open/save dialogs live in main: the renderer asks for "open a scenario" and main
// picks the path with the user (ipc-handlers.ts's FileAccess, built in index.ts). This module
// holds the dialogs' options; only types come from 'electron'.
import type { OpenDialogOptions, SaveDialogOptions } from 'electron'
import type { FileKind } from '../shared/ipc/contract'
import { SCENARIO_EXTENSION } from './open-file-args'

const SCENARIO_FILTER = { name: 'Margin Planner scenario', extensions: ['mpscenario.json'] }
const JSON_FILTER = { name: 'JSON', extensions: ['json'] }

/** One file per dialog: the handler reads exactly the path the user picked. */
export function openDialogOptions(kind: FileKind): OpenDialogOptions {
  switch (kind) {
    case 'scenario':
      return { title: 'Open scenario', properties: ['openFile'], filters: [SCENARIO_FILTER, JSON_FILTER] }
    case 'market':
      return { title: 'Import market data (leverage brackets, asset index)', properties: ['openFile'], filters: [JSON_FILTER] }
    case 'account':
      return { title: 'Import account (account or positionRisk JSON)', properties: ['openFile'], filters: [JSON_FILTER] }
  }
}

export function saveDialogOptions(suggestedName: string): SaveDialogOptions {
  return {
    title: 'Save scenario',
    defaultPath: ensureScenarioExtension(suggestedName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'scenario'),
    filters: [SCENARIO_FILTER],
    properties: ['createDirectory', 'showOverwriteConfirmation']
  }
}

/** `plan` -> `plan.mpscenario.json`; `plan.json` -> `plan.mpscenario.json`; unchanged if right. */
export function ensureScenarioExtension(path: string): string {
  if (path.toLowerCase().endsWith(SCENARIO_EXTENSION)) return path
  return `${path.replace(/\.json$/i, '')}${SCENARIO_EXTENSION}`
}

/** The HTML report's save dialog (File › Export report…): NAME.report.html by default. */
export function reportSaveDialogOptions(suggestedName: string): SaveDialogOptions {
  return {
    title: 'Export report',
    defaultPath: ensureReportExtension(suggestedName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'report'),
    filters: [{ name: 'HTML report', extensions: ['html'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation']
  }
}

/** `plan` -> `plan.report.html`; a name already ending in .html is kept. */
export function ensureReportExtension(path: string): string {
  return /\.html?$/i.test(path) ? path : `${path}.report.html`
}
