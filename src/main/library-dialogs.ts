// The library's native dialogs as data (issue 8 part 2): what the damaged-library dialog offers
// and says, the confirmation before a restore, the note after "Back up now". Pure functions, so
// tests read them without Electron; index.ts passes them to dialog.showMessageBox. Only a type
// comes from 'electron' (erased at build time).
import type { MessageBoxOptions } from 'electron'
import { basename } from 'node:path'

export type DamagedLibraryChoice = 'restore' | 'new' | 'quit'

export interface BackupFacts {
  /** ISO time the backup was taken. */
  time: string
  portfolios: number | null
}

export interface ChoiceDialog<C> {
  options: MessageBoxOptions
  /** What each button (by index) means. */
  choices: C[]
}

/** "2026-12-01 16:39 UTC": times in names and dialogs are UTC, like the backups' file names. */
export function backupTimeLabel(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

function portfoliosLabel(n: number | null): string {
  return n === null ? 'portfolios unknown' : `${n} portfolio${n === 1 ? '' : 's'}`
}

/**
 * A library that cannot be opened or fails its check: restore the newest sound backup (when
 * there is one), start a new library (the damaged file is renamed aside, never deleted), or quit.
 */
export function damagedLibraryDialog(facts: { path: string; problems: string[]; newestBackup: BackupFacts | null }): ChoiceDialog<DamagedLibraryChoice> {
  const buttons: string[] = []
  const choices: DamagedLibraryChoice[] = []
  if (facts.newestBackup) {
    buttons.push(`Restore the newest backup (${backupTimeLabel(facts.newestBackup.time)}, ${portfoliosLabel(facts.newestBackup.portfolios)})`)
    choices.push('restore')
  }
  buttons.push('Start a new library (the damaged file is kept)')
  choices.push('new')
  buttons.push('Quit')
  choices.push('quit')
  const shown = facts.problems.slice(0, 5)
  const detail = [
    facts.path,
    '',
    ...shown,
    ...(facts.problems.length > shown.length ? [`… and ${facts.problems.length - shown.length} more (margin-planner library check)`] : []),
    '',
    facts.newestBackup
      ? 'Restoring keeps the damaged file beside the library as library.sqlite.damaged-<time>.'
      : 'There is no sound backup in the backups folder beside the library.',
    'Nothing is deleted.'
  ].join('\n')
  return {
    options: {
      type: 'error',
      title: 'Margin Planner',
      message: 'The library is damaged or unreadable',
      detail,
      buttons,
      defaultId: 0,
      cancelId: choices.indexOf('quit'),
      noLink: true
    },
    choices
  }
}

export type RestoreChoice = 'restore' | 'cancel'

/** Before Library › Restore from backup… replaces a sound library. */
export function restoreConfirmDialog(facts: { backupPath: string; backup: BackupFacts }): ChoiceDialog<RestoreChoice> {
  return {
    options: {
      type: 'question',
      title: 'Restore from backup',
      message: `Replace the library with the backup of ${backupTimeLabel(facts.backup.time)} (${portfoliosLabel(facts.backup.portfolios)})?`,
      detail: `${basename(facts.backupPath)}\n\nThe current library is kept beside it as library.sqlite.replaced-<time>. Unsaved edits in the window are lost.`,
      buttons: ['Restore', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true
    },
    choices: ['restore', 'cancel']
  }
}

/** A chosen file that is not a sound library backup. */
export function unsoundBackupDialog(facts: { backupPath: string; problems: string[] }): MessageBoxOptions {
  return {
    type: 'error',
    title: 'Restore from backup',
    message: `${basename(facts.backupPath)} is not a sound library backup; nothing was changed`,
    detail: facts.problems.slice(0, 5).join('\n'),
    buttons: ['OK']
  }
}

export type BackupDoneChoice = 'ok' | 'show'

export function backupDoneDialog(facts: { path: string; backup: BackupFacts }): ChoiceDialog<BackupDoneChoice> {
  return {
    options: {
      type: 'info',
      title: 'Back up now',
      message: `Backed up ${facts.backup.portfolios === null ? 'the library' : portfoliosLabel(facts.backup.portfolios)} (${backupTimeLabel(facts.backup.time)})`,
      detail: facts.path,
      buttons: ['OK', 'Show in Folder'],
      defaultId: 0,
      cancelId: 0,
      noLink: true
    },
    choices: ['ok', 'show']
  }
}

/** The library could not be backed up, restored or reopened. */
export function libraryFailureDialog(what: string, message: string): MessageBoxOptions {
  return { type: 'error', title: 'Margin Planner', message: what, detail: message, buttons: ['OK'] }
}
