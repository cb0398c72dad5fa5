// Native open/save dialogs live in main: the renderer asks for "open a scenario" and main
// picks the path with the user. This module holds the dialog options and the services that
// index.ts hands to the IPC handlers; only types come from 'electron'.
import type { OpenDialogOptions, SaveDialogOptions } from 'electron'
import { SCENARIO_EXTENSION } from './open-file-args'

export type OpenPurpose = 'open-scenario' | 'import-market' | 'import-account'

const SCENARIO_FILTER = { name: 'Margin Planner scenario', extensions: ['mpscenario.json'] }
const JSON_FILTER = { name: 'JSON', extensions: ['json'] }

export function openDialogOptions(purpose: OpenPurpose): OpenDialogOptions {
  switch (purpose) {
    case 'open-scenario':
      return { title: 'Open scenario', properties: ['openFile'], filters: [SCENARIO_FILTER, JSON_FILTER] }
    case 'import-market':
      return {
        title: 'Import market data (leverage brackets, asset index)',
        properties: ['openFile', 'multiSelections'],
        filters: [JSON_FILTER]
      }
    case 'import-account':
      return {
        title: 'Import account (account and positionRisk JSON)',
        properties: ['openFile', 'multiSelections'],
        filters: [JSON_FILTER]
      }
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

/** What main's dialogs and open-file queue offer the IPC handlers (index.ts builds it). */
export interface ShellServices {
  /** The paths the user picked, or [] when cancelled. */
  pickFilesToOpen(purpose: OpenPurpose): Promise<string[]>
  /** The path to save to (with the scenario extension), or null when cancelled. */
  pickSavePath(suggestedName: string): Promise<string | null>
  /** The oldest scenario file opened from outside (argv, OS, Open Recent), if any. */
  takePendingOpen(): string | undefined
  /** Record a file the user opened or saved in File > Open Recent. */
  noteRecentFile(path: string): void
}
