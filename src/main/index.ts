// Electron main process: wiring only (lifecycle, window, menu, protocol, security settings).
// Every decision lives in a plain-Node neighbour that is unit-tested without Electron:
// app-protocol, security, window-state, menu-template, open-file-args, recent-files,
// safe-open-external, dialog-options; IPC in ipc.ts and ipc-handlers.ts; the library in store/.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron'
import { mkdirSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol'
import { ensureReportExtension, ensureScenarioExtension, openDialogOptions, reportSaveDialogOptions, saveDialogOptions } from './dialog-options'
import { makeIsTrustedSender, registerIpc } from './ipc'
import { bindHandlers, type FileAccess } from './ipc-handlers'
import { buildMenuTemplate } from './menu-template'
import { isScenarioFileName, PendingOpenQueue, scenarioPathsFromArgv } from './open-file-args'
import { addRecentFile, loadRecentFiles, RECENT_FILES_FILE, saveRecentFiles } from './recent-files'
import { FILE_OPEN_PENDING_EVENT, type RendererEvent } from './renderer-events'
import { safeOpenExternal } from './safe-open-external'
import { devServerUrl, hardenSession, hardenWebContents } from './security'
import { Library } from './store/library'
import { backupIntoFolder, backupsDir, countPortfolios, parseBackupFileName } from './store/backups'
import { checkLibraryFile, newestSoundBackup, recoverLibrary, setLibraryAside } from './store/library-health'
import { applyOpenSettings, autoBackupIfDue, openLibraryForApp } from './store/library-startup'
import { backupDoneDialog, damagedLibraryDialog, libraryFailureDialog, restoreConfirmDialog, unsoundBackupDialog } from './library-dialogs'
import { readExampleFiles, seedExamplesOnce } from './store/seed-examples'
import { resolveDbPath, USER_DATA_DIR_NAME } from './store/db-path'
import { loadWindowState, MIN_HEIGHT, MIN_WIDTH, saveWindowState, trackWindowState, WINDOW_STATE_FILE } from './window-state'

const isDev = !app.isPackaged
const devServer = devServerUrl(process.env, app.isPackaged)
const devServerOrigin = devServer ? new URL(devServer).origin : null
const rendererDir = join(import.meta.dirname, '../renderer')
// A sandboxed preload must be CommonJS (electron.vite.config.ts builds it to index.cjs).
const preloadPath = join(import.meta.dirname, '../preload/index.cjs')

let mainWindow: BrowserWindow | null = null
let rendererReady = false
const pendingOpens = new PendingOpenQueue()
let recentFiles: string[] = []
const openedBeforeReady: string[] = []

const openLink = (url: string): void => {
  void safeOpenExternal(url, shell)
}

function userDataFile(name: string): string {
  return join(app.getPath('userData'), name)
}

function logError(what: string, e: unknown): void {
  console.error(`[main] ${what}:`, e instanceof Error ? e.message : e)
}

// ---- Renderer notifications (fixed names from renderer-events.ts) ----

function sendToRenderer(event: RendererEvent): void {
  if (mainWindow && !mainWindow.isDestroyed() && rendererReady) {
    mainWindow.webContents.send(event)
  } else if (!mainWindow && app.isReady()) {
    createWindow() // macOS: a menu item with no window open; pending files are sent once it loads
  }
}

// ---- Files opened from outside: queued in main, the renderer is only told one is waiting ----

function noteRecent(path: string): void {
  recentFiles = addRecentFile(recentFiles, path)
  try {
    saveRecentFiles(userDataFile(RECENT_FILES_FILE), recentFiles)
  } catch (e) {
    logError('saving recent files', e)
  }
  if (process.platform !== 'linux') app.addRecentDocument(path)
  if (app.isReady()) installMenu()
}

function openFromOutside(path: string): void {
  if (!isScenarioFileName(path)) return
  if (!pendingOpens.push(path)) return
  if (app.isReady()) noteRecent(path)
  else openedBeforeReady.push(path)
  sendToRenderer(FILE_OPEN_PENDING_EVENT)
}

function clearRecent(): void {
  recentFiles = []
  try {
    saveRecentFiles(userDataFile(RECENT_FILES_FILE), recentFiles)
  } catch (e) {
    logError('saving recent files', e)
  }
  if (process.platform !== 'linux') app.clearRecentDocuments()
  installMenu()
}

// ---- Menu ----

function installMenu(): void {
  const template = buildMenuTemplate(
    { platform: process.platform, appName: app.getName(), isDev, recentFiles },
    { send: sendToRenderer, openRecent: openFromOutside, clearRecent, openLink, backUpNow: () => void backUpNow(), restoreFromBackup: () => void restoreFromBackup() }
  )
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

// ---- Window ----

function createWindow(): BrowserWindow {
  const stateFile = userDataFile(WINDOW_STATE_FILE)
  const state = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea)
  )
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Margin Planner',
    webPreferences: {
      // Reviewed for electronegativity's PRELOAD_JS_CHECK: the preload exposes named functions
      // through contextBridge only (no ipcRenderer, no generic invoke).
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools: isDev
    }
  })
  mainWindow = win
  rendererReady = false
  if (state.maximized) win.maximize()
  trackWindowState(win, (s) => saveWindowState(stateFile, s), { onError: (e) => logError('saving window state', e) })

  win.once('ready-to-show', () => win.show())
  win.webContents.on('did-finish-load', () => {
    rendererReady = true
    if (pendingOpens.size > 0) win.webContents.send(FILE_OPEN_PENDING_EVENT)
  })
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
    rendererReady = false
  })
  void win.loadURL(devServer ?? APP_ENTRY_URL)
  return win
}

// ---- IPC: the library, main's dialogs and the pending-file queue behind every channel ----
// Every channel of src/shared/ipc/contract.ts is registered by ipc.ts's registerIpc, which
// refuses senders outside app://renderer (or the unpackaged dev server) and validates each
// payload with its zod schema. The renderer never supplies a path: main picks it (dialog) or
// already has it (the queue).

let library: Library | null = null

const fileAccess: FileAccess = {
  async chooseOpen(kind) {
    const options = openDialogOptions(kind)
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  },
  async chooseSave(suggestedName, kind = 'scenario') {
    const options = kind === 'report' ? reportSaveDialogOptions(suggestedName) : saveDialogOptions(suggestedName)
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
    if (result.canceled || !result.filePath) return null
    return kind === 'report' ? ensureReportExtension(result.filePath) : ensureScenarioExtension(result.filePath)
  },
  takePending: () => pendingOpens.take(),
  remember: (path) => {
    if (isScenarioFileName(path)) noteRecent(path)
  }
}

function libraryPath(): string {
  return resolveDbPath({ env: process.env, userDataDir: app.getPath('userData') })
}

async function showBox(options: Electron.MessageBoxOptions): Promise<number> {
  const result = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options)
  return result.response
}

/**
 * Opens the library (userData/library.sqlite unless MARGIN_PLANNER_DB says otherwise). A damaged
 * or unreadable file gets the damaged-library dialog (library-dialogs.ts): restore the newest
 * sound backup, start a new library (the damaged file is renamed aside), or quit.
 */
async function openLibrary(): Promise<Library | null> {
  const path = libraryPath()
  try {
    mkdirSync(dirname(path), { recursive: true })
  } catch (e) {
    dialog.showErrorBox('Margin Planner cannot open its library', `${path}\n\n${e instanceof Error ? e.message : String(e)}`)
    return null
  }
  // A restore (checked sound) or a fresh start makes the next open succeed; three tries bound it.
  for (let attempt = 0; attempt < 3; attempt++) {
    const outcome = openLibraryForApp(path)
    if (outcome.kind === 'open') return outcome.library
    if (outcome.kind === 'refused') {
      // LIBRARY_TOO_NEW, MIGRATION_FAILED: the file is sound; say so and stop, never half-open.
      dialog.showErrorBox('Margin Planner cannot open its library', `${path}\n\n${outcome.message}`)
      return null
    }
    const newest = newestSoundBackup(path)
    const box = damagedLibraryDialog({
      path,
      problems: outcome.problems,
      newestBackup: newest ? { time: newest.backup.time, portfolios: newest.check.portfolios } : null
    })
    const choice = box.choices[await showBox(box.options)] ?? 'quit'
    try {
      if (choice === 'restore' && newest) recoverLibrary(path, { from: newest.backup.path })
      else if (choice === 'new') setLibraryAside(path)
      else return null
    } catch (e) {
      dialog.showErrorBox('Margin Planner cannot repair its library', `${path}\n\n${e instanceof Error ? e.message : String(e)}`)
      return null
    }
  }
  return null
}

/** After opening: the compact setting, then the daily backup in the background. */
function maintainLibrary(lib: Library): void {
  try {
    applyOpenSettings(lib)
  } catch (e) {
    logError('compacting revisions', e)
  }
  autoBackupIfDue(lib).catch((e: unknown) => logError('the automatic backup', e))
}

/** Library › Back Up Now… */
async function backUpNow(): Promise<void> {
  if (!library) return
  try {
    const made = await backupIntoFolder(library.db, library.path, 'manual')
    const box = backupDoneDialog({ path: made.path, backup: { time: made.time, portfolios: countPortfolios(made.path) } })
    if (box.choices[await showBox(box.options)] === 'show') shell.showItemInFolder(made.path)
  } catch (e) {
    await showBox(libraryFailureDialog('The library could not be backed up', e instanceof Error ? e.message : String(e)))
  }
}

/** Library › Restore from Backup…: choose, check, confirm; the current file is kept aside. */
async function restoreFromBackup(): Promise<void> {
  if (!library) return
  const path = library.path
  const options: Electron.OpenDialogOptions = {
    title: 'Restore from backup',
    defaultPath: backupsDir(path),
    properties: ['openFile'],
    filters: [{ name: 'Library backups', extensions: ['sqlite'] }]
  }
  const chosen = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
  const from = chosen.canceled ? undefined : chosen.filePaths[0]
  if (from === undefined) return
  const check = checkLibraryFile(from)
  if (!check.sound) {
    await showBox(unsoundBackupDialog({ backupPath: from, problems: check.problems }))
    return
  }
  // Any SQLite file may be chosen; one without a backup's name is dated by its modification time.
  const time = parseBackupFileName(basename(from))?.time ?? statSync(from).mtime.toISOString()
  const confirm = restoreConfirmDialog({ backupPath: from, backup: { time, portfolios: check.portfolios } })
  if (confirm.choices[await showBox(confirm.options)] !== 'restore') return
  library.close()
  try {
    recoverLibrary(path, { from, label: 'replaced' })
  } catch (e) {
    await showBox(libraryFailureDialog('The backup could not be restored; the library was left as it was', e instanceof Error ? e.message : String(e)))
  }
  const reopened = openLibraryForApp(path)
  if (reopened.kind !== 'open') {
    dialog.showErrorBox('Margin Planner cannot open its library', `${path}\n\n${reopened.kind === 'refused' ? reopened.message : reopened.problems.join('\n')}`)
    app.quit()
    return
  }
  library = reopened.library
  // The renderer reloads its lists from the restored library.
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.reload()
}

/** First launch: the bundled examples (resources/examples, shipped beside the asar) join the library once. */
function seedExamples(lib: Library): void {
  try {
    const dir = app.isPackaged ? join(process.resourcesPath, 'resources', 'examples') : join(app.getAppPath(), 'resources', 'examples')
    seedExamplesOnce(lib, readExampleFiles(dir))
  } catch (e) {
    logError('seeding the bundled examples', e)
  }
}

function wireIpc(lib: Library): void {
  const isTrustedSender = makeIsTrustedSender({ appScheme: APP_SCHEME, appHost: APP_HOST, devServerUrl: devServer })
  // A getter: Restore from Backup… swaps the library under the registered handlers.
  const context = {
    get library(): Library {
      return library ?? lib
    },
    files: fileAccess
  }
  registerIpc(ipcMain, bindHandlers(context), isTrustedSender, {
    onInternalError: (channel, e) => logError(`IPC ${channel}`, e)
  })
}

// ---- Lifecycle ----

// One userData folder whatever the build calls itself, so the CLI finds the same library
// (store/db-path.ts). Before the single-instance lock, which lives in userData.
app.setPath('userData', join(app.getPath('appData'), USER_DATA_DIR_NAME))

// Must run before 'ready': gives app:// a real origin and secure-context status.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

if (!app.requestSingleInstanceLock()) {
  // Another instance is running; it receives our argv through 'second-instance'.
  app.quit()
} else {
  // Every renderer sandboxed, whatever a webPreferences says.
  app.enableSandbox()

  for (const p of scenarioPathsFromArgv(process.argv, { cwd: process.cwd(), defaultApp: process.defaultApp === true })) {
    openFromOutside(p)
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const p of scenarioPathsFromArgv(argv, { cwd: workingDirectory, defaultApp: process.defaultApp === true })) {
      openFromOutside(p)
    }
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    } else if (app.isReady()) {
      createWindow()
    }
  })

  // macOS: double-clicked files and files dropped on the Dock icon, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openFromOutside(path)
  })

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openLink))

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, devServerOrigin)
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir))
    recentFiles = loadRecentFiles(userDataFile(RECENT_FILES_FILE))
    // Files named on the command line (or opened by macOS) before 'ready' join the list now.
    for (const p of openedBeforeReady.splice(0)) noteRecent(p)
    library = await openLibrary()
    if (!library) {
      app.quit()
      return
    }
    seedExamples(library)
    maintainLibrary(library)
    wireIpc(library)
    installMenu()
    createWindow()
  })

  app.on('will-quit', () => {
    library?.close()
    library = null
  })

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && app.isReady()) createWindow()
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
