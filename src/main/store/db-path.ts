// Where the library file is: --db PATH, else $MARGIN_PLANNER_DB, else library.sqlite in the
// app's user-data folder (main passes it in: this module never imports electron).
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const DB_ENV = 'MARGIN_PLANNER_DB'
export const DB_FILE_NAME = 'library.sqlite'
/**
 * The user-data folder's name under the OS's app-data folder. Electron derives it from
 * productName when packaged ("Margin Planner") and from name in development, so main pins it
 * with app.setPath('userData', join(app.getPath('appData'), USER_DATA_DIR_NAME)) and the CLI
 * finds the same library.
 */
export const USER_DATA_DIR_NAME = 'margin-planner'

export function resolveDbPath(opts: { flag?: string; env?: NodeJS.ProcessEnv; userDataDir?: string }): string {
  if (opts.flag !== undefined && opts.flag !== '') return resolve(opts.flag)
  const fromEnv = (opts.env ?? process.env)[DB_ENV]
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv)
  if (opts.userDataDir !== undefined) return join(opts.userDataDir, DB_FILE_NAME)
  return join(defaultUserDataDir(opts.env ?? process.env), DB_FILE_NAME)
}

/** Electron's app.getPath('userData') for an app named margin-planner, computed without electron
 * so the CLI finds the desktop app's library. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const appName = USER_DATA_DIR_NAME
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appName)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appName)
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), appName)
}
