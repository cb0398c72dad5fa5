// Electron main process: wiring only (lifecycle, window, menu, protocol, security settings).
// Every decision lives in a plain-Node neighbour that is unit-tested without Electron:
// app-protocol, security, window-state, menu-template, open-file-args, recent-files,
// safe-open-external, dialog-options; IPC in ipc.ts and ipc-handlers.ts; the library in store/.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
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
    { send: sendToRenderer, openRecent: openFromOutside, clearRecent, openLink }
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

/** Opens the library (userData/library.sqlite unless MARGIN_PLANNER_DB says otherwise). */
function openLibrary(): Library | null {
  const path = resolveDbPath({ env: process.env, userDataDir: app.getPath('userData') })
  try {
    mkdirSync(dirname(path), { recursive: true })
    return Library.open(path)
  } catch (e) {
    // LIBRARY_TOO_NEW, NOT_A_LIBRARY, MIGRATION_FAILED...: say so and stop; never half-open.
    dialog.showErrorBox('Margin Planner cannot open its library', `${path}\n\n${e instanceof Error ? e.message : String(e)}`)
    return null
  }
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
  registerIpc(ipcMain, bindHandlers({ library: lib, files: fileAccess }), isTrustedSender, {
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

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, devServerOrigin)
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir))
    recentFiles = loadRecentFiles(userDataFile(RECENT_FILES_FILE))
    // Files named on the command line (or opened by macOS) before 'ready' join the list now.
    for (const p of openedBeforeReady.splice(0)) noteRecent(p)
    library = openLibrary()
    if (!library) {
      app.quit()
      return
    }
    seedExamples(library)
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
