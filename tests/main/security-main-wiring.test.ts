// Wiring of src/main/index.ts against a stand-in for 'electron' that records every call:
// window settings, navigation, window.open, webviews, permissions, requests, the app://
// protocol, the single-instance lock and files opened from outside.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../src/shared/ipc/contract'
import { Library } from '../../src/main/store'
import { backupIntoFolder } from '../../src/main/store/backups'
import { garblePages } from './store/damage'
import { fixtureScenario } from './store/helpers'

const h = vi.hoisted(() => {
  type Listener = (...args: any[]) => any
  class Emitter {
    listeners = new Map<string, Listener[]>()
    on(event: string, fn: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn])
      return this
    }
    once(event: string, fn: Listener) {
      return this.on(event, fn)
    }
    emit(event: string, ...args: any[]) {
      for (const fn of this.listeners.get(event) ?? []) fn(...args)
    }
    has(event: string) {
      return (this.listeners.get(event) ?? []).length > 0
    }
  }

  const state = {
    lock: true,
    lockRequested: false,
    isPackaged: true,
    ready: false,
    resolveReady: () => {},
    appData: '',
    userData: '',
    /** Answers of dialog.showMessageBox, in order (then 0). */
    messageBoxResponses: [] as number[],
    /** What dialog.showOpenDialog answers (default: cancelled). */
    openDialogResult: { canceled: true, filePaths: [] as string[] },
    calls: [] as { name: string; args: unknown[] }[]
  }
  const record = (name: string, ...args: unknown[]) => state.calls.push({ name, args })

  class FakeWebContents extends Emitter {
    windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null
    sent: unknown[][] = []
    setWindowOpenHandler(handler: (d: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler
    }
    send(...args: unknown[]) {
      this.sent.push(args)
    }
    reload() {
      record('webContents.reload')
    }
  }

  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    requestSingleInstanceLock: () => {
      state.lockRequested = true
      return state.lock
    },
    quit: () => record('app.quit'),
    enableSandbox: () => record('app.enableSandbox'),
    isReady: () => state.ready,
    whenReady: () =>
      new Promise<void>((res) => {
        state.resolveReady = () => {
          state.ready = true
          res()
        }
      }),
    getPath: (name: string) => (name === 'userData' ? state.userData : name === 'appData' ? state.appData : '/nonexistent'),
    setPath: (name: string, value: string) => {
      record('app.setPath', name, value, state.lockRequested)
      if (name === 'userData') state.userData = value
    },
    getName: () => 'Margin Planner',
    getAppPath: () => resolve(import.meta.dirname, '../..'),
    addRecentDocument: (p: string) => record('app.addRecentDocument', p),
    clearRecentDocuments: () => record('app.clearRecentDocuments')
  })

  class FakeBrowserWindow extends Emitter {
    static instances: FakeBrowserWindow[] = []
    static getAllWindows = () => FakeBrowserWindow.instances.filter((w) => !w.destroyed)
    webContents = new FakeWebContents()
    loadedUrl: string | null = null
    destroyed = false
    constructor(public options: any) {
      super()
      FakeBrowserWindow.instances.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
    loadURL(url: string) {
      this.loadedUrl = url
      return Promise.resolve()
    }
    loadFile(p: string) {
      record('win.loadFile', p)
      return Promise.resolve()
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1300, height: 850 }
    }
    isMaximized = () => false
    isMinimized = () => false
    isFullScreen = () => false
    isDestroyed = () => this.destroyed
    maximize = () => record('win.maximize')
    show = () => record('win.show')
    focus = () => record('win.focus')
    restore = () => record('win.restore')
  }

  const defaultSession = {
    permissionRequestHandler: null as null | ((...a: any[]) => void),
    permissionCheckHandler: null as null | ((...a: any[]) => boolean),
    devicePermissionHandler: null as null | ((...a: any[]) => boolean),
    beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void),
    setPermissionRequestHandler(fn: (...a: any[]) => void) {
      this.permissionRequestHandler = fn
    },
    setPermissionCheckHandler(fn: (...a: any[]) => boolean) {
      this.permissionCheckHandler = fn
    },
    setDevicePermissionHandler(fn: (...a: any[]) => boolean) {
      this.devicePermissionHandler = fn
    },
    setSpellCheckerEnabled: (on: boolean) => record('session.setSpellCheckerEnabled', on),
    webRequest: {
      onBeforeRequest: (fn: (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void) => {
        defaultSession.beforeRequest = fn
      }
    }
  }

  const protocol = {
    handlers: new Map<string, (req: { url: string; method: string }) => Promise<Response>>(),
    registerSchemesAsPrivileged: (schemes: unknown) => record('protocol.registerSchemesAsPrivileged', schemes, state.ready),
    handle(scheme: string, fn: (req: { url: string; method: string }) => Promise<Response>) {
      this.handlers.set(scheme, fn)
    },
    registerFileProtocol: () => record('protocol.registerFileProtocol')
  }

  const shell = {
    openExternal: async (url: string) => record('shell.openExternal', url),
    showItemInFolder: (path: string) => record('shell.showItemInFolder', path)
  }
  const Menu = {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => record('Menu.setApplicationMenu', menu)
  }
  const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] }
  type IpcListener = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown
  const ipcMain = {
    handlers: new Map<string, IpcListener>(),
    handle(channel: string, fn: IpcListener) {
      if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      this.handlers.set(channel, fn)
    },
    on: (...a: unknown[]) => record('ipcMain.on', ...a),
    once: (...a: unknown[]) => record('ipcMain.once', ...a),
    handleOnce: (...a: unknown[]) => record('ipcMain.handleOnce', ...a)
  }
  const dialog = {
    showOpenDialog: async (...a: unknown[]) => {
      record('dialog.showOpenDialog', ...a)
      return state.openDialogResult
    },
    showMessageBox: async (...a: unknown[]) => {
      record('dialog.showMessageBox', a.length > 1 ? a[1] : a[0])
      return { response: state.messageBoxResponses.shift() ?? 0 }
    },
    showSaveDialog: async () => ({ canceled: true }),
    showErrorBox: (...a: unknown[]) => record('dialog.showErrorBox', ...a)
  }

  // A getter, so each test can choose (Object.assign would copy a getter's value once).
  Object.defineProperty(app, 'isPackaged', { get: () => state.isPackaged })

  const reset = () => {
    state.lock = true
    state.lockRequested = false
    state.isPackaged = true
    ipcMain.handlers.clear()
    state.ready = false
    state.calls.length = 0
    state.messageBoxResponses = []
    state.openDialogResult = { canceled: true, filePaths: [] }
    app.listeners.clear()
    FakeBrowserWindow.instances.length = 0
    protocol.handlers.clear()
    defaultSession.permissionRequestHandler = null
    defaultSession.permissionCheckHandler = null
    defaultSession.devicePermissionHandler = null
    defaultSession.beforeRequest = null
  }

  return {
    state,
    reset,
    FakeWebContents,
    electron: {
      app,
      BrowserWindow: FakeBrowserWindow,
      Menu,
      protocol,
      screen,
      session: { defaultSession },
      shell,
      ipcMain,
      dialog
    }
  }
})

vi.mock('electron', () => ({ ...h.electron, default: h.electron }))

const { app, BrowserWindow, ipcMain, protocol, session } = h.electron
const calls = (name: string) => h.state.calls.filter((c) => c.name === name)
const prevent = () => ({ preventDefault: vi.fn() })
const flush = () => new Promise((r) => setTimeout(r, 0))

async function start(): Promise<InstanceType<typeof BrowserWindow>> {
  await import('../../src/main/index')
  h.state.resolveReady()
  await flush()
  const win = BrowserWindow.instances[0]
  expect(win, JSON.stringify(h.state.calls.filter((c) => c.name !== 'protocol.registerSchemesAsPrivileged'))).toBeDefined()
  return win
}

let savedArgv: string[]
let savedEnv: string | undefined
let savedDb: string | undefined

beforeEach(() => {
  vi.resetModules()
  h.reset()
  h.state.appData = mkdtempSync(join(tmpdir(), 'mp-appdata-'))
  h.state.userData = join(h.state.appData, 'wrong-folder')
  savedArgv = process.argv
  savedEnv = process.env.ELECTRON_RENDERER_URL
  process.argv = ['/opt/margin-planner/margin-planner']
  delete process.env.ELECTRON_RENDERER_URL
  savedDb = process.env.MARGIN_PLANNER_DB
  delete process.env.MARGIN_PLANNER_DB
})

afterEach(() => {
  process.argv = savedArgv
  if (savedEnv === undefined) delete process.env.ELECTRON_RENDERER_URL
  else process.env.ELECTRON_RENDERER_URL = savedEnv
  if (savedDb !== undefined) process.env.MARGIN_PLANNER_DB = savedDb
  vi.resetModules()
  h.state.resolveReady = () => {}
  // Close the library the test opened (will-quit), then remove its folder.
  h.electron.app.emit('will-quit')
  rmSync(h.state.appData, { recursive: true, force: true })
})

describe('main window', () => {
  it('is created with the secure webPreferences and a CommonJS preload', async () => {
    const win = await start()
    const wp = win.options.webPreferences
    expect(wp).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false
    })
    expect(wp.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/)
    expect(wp).not.toHaveProperty('enableBlinkFeatures')
    expect(calls('app.enableSandbox')).toHaveLength(1)
    // electron-vite really builds the preload to that name, as CommonJS.
    const config = readFileSync(resolve(import.meta.dirname, '../../electron.vite.config.ts'), 'utf8')
    expect(config).toMatch(/format:\s*'cjs'/)
    expect(config).toMatch(/entryFileNames:\s*'\[name\]\.cjs'/)
  })

  it('loads app://renderer/index.html, never file://, even when a dev URL is set in a packaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/'
    const win = await start()
    expect(win.loadedUrl).toBe('app://renderer/index.html')
    expect(calls('win.loadFile')).toHaveLength(0)
  })

  it('uses the loopback dev server only in an unpackaged run', async () => {
    h.state.isPackaged = false
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/'
    const win = await start()
    expect(win.loadedUrl).toBe('http://localhost:5173/')
    expect(win.options.webPreferences.devTools).toBe(true)
  })

  it('remembers its size and position in userData/window-state.json', async () => {
    const win = await start()
    win.emit('close')
    expect(JSON.parse(readFileSync(join(h.state.userData, 'window-state.json'), 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 1300,
      height: 850,
      maximized: false
    })
  })
})

describe('navigation and new windows', () => {
  it('denies every navigation and redirect; a Binance FAQ link goes to the browser instead', async () => {
    const { webContents } = await start()
    for (const event of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'app://renderer/other.html', 'file:///etc/passwd', 'javascript:alert(1)']) {
        const e = prevent()
        webContents.emit(event, e, url)
        expect(e.preventDefault, `${event} ${url}`).toHaveBeenCalled()
      }
    }
    expect(calls('shell.openExternal')).toHaveLength(0)
    const e = prevent()
    const faq = 'https://www.binance.com/en/support/faq/b3c689c1f50a44cabb3a84e663b81d93'
    webContents.emit('will-navigate', e, faq)
    expect(e.preventDefault).toHaveBeenCalled()
    await flush()
    expect(calls('shell.openExternal').map((c) => c.args[0])).toEqual([faq])
  })

  it('denies window.open for every URL', async () => {
    const { webContents } = await start()
    expect(webContents.windowOpenHandler).not.toBeNull()
    for (const url of ['https://evil.example/', 'app://renderer/index.html', 'about:blank', 'https://www.binance.com/en/support/faq/x']) {
      expect(webContents.windowOpenHandler!({ url })).toEqual({ action: 'deny' })
    }
  })

  it('refuses to attach webviews', async () => {
    const { webContents } = await start()
    const e = prevent()
    webContents.emit('will-attach-webview', e, {}, {})
    expect(e.preventDefault).toHaveBeenCalled()
  })

  it('hardens every web contents created later, not only the main window', async () => {
    await start()
    const other = new h.FakeWebContents()
    app.emit('web-contents-created', {}, other)
    expect(other.windowOpenHandler!({ url: 'https://x.example/' })).toEqual({ action: 'deny' })
    const e = prevent()
    other.emit('will-navigate', e, 'https://x.example/')
    expect(e.preventDefault).toHaveBeenCalled()
  })
})

describe('session', () => {
  it('denies every permission request and check', async () => {
    await start()
    const s = session.defaultSession
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'unknown']) {
      const cb = vi.fn()
      s.permissionRequestHandler!({}, permission, cb, {})
      expect(cb).toHaveBeenCalledWith(false)
      expect(s.permissionCheckHandler!({}, permission, 'app://renderer', {})).toBe(false)
    }
    expect(s.devicePermissionHandler!({})).toBe(false)
    expect(calls('session.setSpellCheckerEnabled')).toEqual([{ name: 'session.setSpellCheckerEnabled', args: [false] }])
  })

  it('cancels every request that leaves app://renderer', async () => {
    await start()
    const decide = (url: string) => {
      let cancel: boolean | undefined
      session.defaultSession.beforeRequest!({ url }, (r) => (cancel = r.cancel))
      return cancel
    }
    expect(decide('app://renderer/assets/index.js')).toBe(false)
    for (const url of ['https://example.com/', 'http://localhost:5173/', 'ws://localhost:5173/', 'file:///etc/passwd', 'app://other/x']) {
      expect(decide(url), url).toBe(true)
    }
  })
})

describe('app:// protocol', () => {
  it('registers app as a privileged standard scheme before ready, and serves it with the guard', async () => {
    await start()
    const reg = calls('protocol.registerSchemesAsPrivileged')
    expect(reg).toHaveLength(1)
    expect(reg[0].args[0]).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    expect(reg[0].args[1]).toBe(false) // not yet ready
    expect(calls('protocol.registerFileProtocol')).toHaveLength(0)
    const handler = protocol.handlers.get('app')!
    expect(handler).toBeDefined()
    for (const url of ['app://renderer/../main/index.ts', 'app://renderer/%2e%2e/main/index.ts', 'app://other/index.html', 'app://renderer/..%5cmain%5cindex.ts']) {
      const res = await handler({ url, method: 'GET' })
      expect(res.status, url).toBeGreaterThanOrEqual(400)
    }
    expect((await handler({ url: 'app://renderer/index.html', method: 'POST' })).status).toBe(405)
    const res = await handler({ url: 'app://renderer/index.html', method: 'GET' })
    // Hash-based (renderer-csp.ts): the built entry's hashes, if any, then 'strict-dynamic'; never 'self'.
    expect(res.headers.get('content-security-policy')).toMatch(/script-src ('sha384-[A-Za-z0-9+/=]+' )*'strict-dynamic';/)
  })
})

describe('single instance and files opened from outside', () => {
  it('quits at once when another instance holds the lock', async () => {
    h.state.lock = false
    await import('../../src/main/index')
    h.state.resolveReady()
    await flush()
    expect(calls('app.quit')).toHaveLength(1)
    expect(BrowserWindow.instances).toHaveLength(0)
    expect(app.has('second-instance')).toBe(false)
  })

  it('queues a file named on the command line and tells the renderer once it has loaded', async () => {
    process.argv = ['/opt/margin-planner/margin-planner', '--no-sandbox-is-ignored', '/plans/a.mpscenario.json']
    const win = await start()
    expect(win.webContents.sent).toEqual([])
    win.webContents.emit('did-finish-load')
    expect(win.webContents.sent).toEqual([['file:open-pending']])
    expect(JSON.parse(readFileSync(join(h.state.userData, 'recent-files.json'), 'utf8'))).toEqual([resolve('/plans/a.mpscenario.json')])
  })

  it('takes files from a second instance argv and macOS open-file, and focuses the window', async () => {
    const win = await start()
    win.webContents.emit('did-finish-load')
    app.emit('second-instance', {}, ['/opt/mp', '--allow-file-access-from-files', 'b.mpscenario.json', 'evil.exe'], '/home/u')
    expect(win.webContents.sent).toEqual([['file:open-pending']])
    expect(calls('win.focus')).toHaveLength(1)
    const e = prevent()
    app.emit('open-file', e, '/plans/c.mpscenario.json')
    expect(e.preventDefault).toHaveBeenCalled()
    app.emit('open-file', prevent(), '/plans/not-a-scenario.txt')
    expect(win.webContents.sent).toHaveLength(2)
    const recent = JSON.parse(readFileSync(join(h.state.userData, 'recent-files.json'), 'utf8'))
    expect(recent).toEqual([resolve('/plans/c.mpscenario.json'), resolve('/home/u/b.mpscenario.json')])
  })
})

describe('application menu', () => {
  it('is installed; its items send fixed events; Help opens only through safeOpenExternal', async () => {
    const win = await start()
    win.webContents.emit('did-finish-load')
    const menus = calls('Menu.setApplicationMenu')
    expect(menus.length).toBeGreaterThan(0)
    const template = (menus.at(-1)!.args[0] as { template: any[] }).template
    const file = template.find((m) => m.label === '&File')
    file.submenu.find((m: any) => m.label === '&New').click()
    expect(win.webContents.sent).toEqual([['menu:new']])
    const help = template.find((m) => m.label === '&Help')
    for (const m of help.submenu) m.click?.()
    await flush()
    const opened = calls('shell.openExternal').map((c) => String(c.args[0]))
    expect(opened).toHaveLength(5)
    for (const url of opened) expect(url.startsWith('https://')).toBe(true)
  })
})

describe('user data and IPC', () => {
  it('pins userData to <appData>/margin-planner before taking the single-instance lock', async () => {
    await start()
    const set = calls('app.setPath')
    expect(set).toEqual([{ name: 'app.setPath', args: ['userData', join(h.state.appData, 'margin-planner'), false] }])
    expect(existsSync(join(h.state.appData, 'margin-planner', 'library.sqlite'))).toBe(true)
  })

  it('seeds the bundled examples into a new library on first launch, in an unpackaged run', async () => {
    h.state.isPackaged = false
    await start()
    h.electron.app.emit('will-quit')
    const lib = Library.open(join(h.state.appData, 'margin-planner', 'library.sqlite'))
    const names = lib.portfolios.list().map((p) => p.name)
    lib.close()
    expect(names).toContain('BTC and ETH collateral behind USDT perpetuals')
    expect(names).toHaveLength(readdirSync(resolve(import.meta.dirname, '../../resources/examples')).length)
  })

  it('registers every channel of the contract through the checking helper, and nothing else', async () => {
    await start()
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
    expect(calls('ipcMain.on')).toEqual([])
    expect(calls('ipcMain.once')).toEqual([])
    expect(calls('ipcMain.handleOnce')).toEqual([])
  })

  it('every channel refuses a sender outside app://renderer before looking at the payload', async () => {
    await start()
    for (const channel of CHANNELS) {
      for (const senderFrame of [{ url: 'https://evil.example/' }, { url: 'file:///x/index.html' }, { url: 'app://other/' }, null]) {
        const answer = (await ipcMain.handlers.get(channel)!({ senderFrame }, {})) as { ok: boolean; error?: { code: string } }
        expect(answer, `${channel} from ${senderFrame?.url}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
    }
  })

  it('answers our renderer, validates payloads, and opens files only where main chooses', async () => {
    process.argv = ['/opt/margin-planner/margin-planner', '/plans/missing.mpscenario.json']
    await start()
    const ours = { senderFrame: { url: 'app://renderer/index.html' } }
    const call = (channel: string, payload: unknown) =>
      ipcMain.handlers.get(channel)!(ours, payload) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>
    expect(await call('portfolio:list', {})).toMatchObject({ ok: true })
    expect(await call('portfolio:list', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await call('file:open', { kind: 'scenario', path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    // The queued command-line file is the one read (it does not exist here), then the queue is empty.
    const pending = await call('file:openPending', {})
    expect(pending).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(pending.error!.message).toContain('missing.mpscenario.json')
    expect(await call('file:openPending', {})).toEqual({ ok: true, value: null })
    // file:open goes through main's dialog (cancelled by the stand-in).
    expect(await call('file:open', { kind: 'market' })).toEqual({ ok: true, value: null })
    expect(calls('dialog.showOpenDialog')).toHaveLength(1)
  })
})

describe('a library that cannot be opened', () => {
  const boxes = () => calls('dialog.showMessageBox').map((c) => c.args[0] as { message: string; buttons: string[]; detail: string })

  async function startWith(db: string): Promise<void> {
    process.env.MARGIN_PLANNER_DB = db
    await import('../../src/main/index')
    h.state.resolveReady()
    for (let i = 0; i < 5; i++) await flush()
  }

  it('not SQLite, no backup: the dialog offers a new library or Quit; Quit leaves the file as it was', async () => {
    const notALibrary = join(h.state.appData, 'notes.txt')
    writeFileSync(notALibrary, 'this is not SQLite '.repeat(100))
    h.state.messageBoxResponses = [1]
    await startWith(notALibrary)
    expect(boxes()).toHaveLength(1)
    expect(boxes()[0]).toMatchObject({ message: 'The library is damaged or unreadable', buttons: ['Start a new library (the damaged file is kept)', 'Quit'] })
    expect(boxes()[0]!.detail).toContain('not an SQLite database at all')
    expect(calls('app.quit')).toHaveLength(1)
    expect(BrowserWindow.instances).toHaveLength(0)
    expect(ipcMain.handlers.size).toBe(0)
    expect(readFileSync(notALibrary, 'utf8')).toBe('this is not SQLite '.repeat(100))
  })

  it('damaged, with a backup: "Restore the newest backup (date, N portfolios)" restores it and the app opens', async () => {
    const db = join(h.state.appData, 'library.sqlite')
    const lib = Library.open(db)
    for (let i = 0; i < 3; i++) lib.portfolios.create({ scenario: fixtureScenario(), name: `kept ${i}` })
    await backupIntoFolder(lib.db, db, 'auto', new Date('2026-11-30T09:15:00.000Z'))
    for (let i = 0; i < 30; i++) lib.portfolios.create({ scenario: fixtureScenario(), name: `later ${i}` })
    lib.close()
    garblePages(db, 2, 6)
    const damaged = readFileSync(db)
    h.state.messageBoxResponses = [0]
    await startWith(db)
    expect(boxes()[0]!.buttons).toEqual(['Restore the newest backup (2026-11-30 09:15 UTC, 3 portfolios)', 'Start a new library (the damaged file is kept)', 'Quit'])
    expect(BrowserWindow.instances).toHaveLength(1)
    const aside = readdirSync(h.state.appData).filter((f) => f.startsWith('library.sqlite.damaged-') && !f.endsWith('-wal') && !f.endsWith('-shm'))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(h.state.appData, aside[0]!)).equals(damaged)).toBe(true)
    // Through the registered handlers: the restored library answers.
    const list = (await ipcMain.handlers.get('portfolio:list')!({ senderFrame: { url: 'app://renderer/index.html' } }, {})) as { ok: boolean; value: { name: string }[] }
    expect(list.value.map((p) => p.name).sort()).toEqual(['kept 0', 'kept 1', 'kept 2'])
  })

  it('damaged: "Start a new library" renames the file aside and opens an empty library', async () => {
    const db = join(h.state.appData, 'library.sqlite')
    const lib = Library.open(db)
    for (let i = 0; i < 20; i++) lib.portfolios.create({ scenario: fixtureScenario(), name: `p${i}` })
    lib.close()
    garblePages(db, 2, 6)
    const damaged = readFileSync(db)
    h.state.messageBoxResponses = [0] // no backup: the first button is "Start a new library"
    await startWith(db)
    expect(boxes()[0]!.buttons[0]).toBe('Start a new library (the damaged file is kept)')
    expect(BrowserWindow.instances).toHaveLength(1)
    const aside = readdirSync(h.state.appData).filter((f) => f.startsWith('library.sqlite.damaged-') && !f.endsWith('-wal') && !f.endsWith('-shm'))
    expect(readFileSync(join(h.state.appData, aside[0]!)).equals(damaged)).toBe(true)
    const list = (await ipcMain.handlers.get('portfolio:list')!({ senderFrame: { url: 'app://renderer/index.html' } }, {})) as { value: unknown[] }
    expect(list.value).toEqual([])
  })

  it('a library from a newer app is not "damaged": an error box, and the app quits', async () => {
    const db = join(h.state.appData, 'library.sqlite')
    const lib = Library.open(db)
    lib.db.prepare(`INSERT INTO schema_migrations VALUES (99, 'future', 'x')`).run()
    lib.close()
    await startWith(db)
    expect(calls('dialog.showErrorBox')).toHaveLength(1)
    expect(boxes()).toHaveLength(0)
    expect(calls('app.quit')).toHaveLength(1)
  })
})

describe('Library menu and backups', () => {
  const libraryMenu = () => {
    const template = (calls('Menu.setApplicationMenu').at(-1)!.args[0] as { template: any[] }).template
    return template.find((m) => m.label === '&Library').submenu as { label: string; click: () => void }[]
  }
  const backups = () => readdirSync(join(h.state.userData, 'backups')).filter((f) => f.endsWith('.sqlite'))
  const waitFor = async (ok: () => boolean) => {
    // Up to 10 s for a busy CI machine; it ends as soon as it holds.
    for (let i = 0; i < 1000 && !ok(); i++) await new Promise((r) => setTimeout(r, 10))
  }

  it('takes the daily automatic backup on open, without waiting for it to show the window', async () => {
    await start()
    await waitFor(() => existsSync(join(h.state.userData, 'backups')) && backups().length > 0)
    expect(backups()).toEqual([expect.stringMatching(/^library-.*\.auto\.sqlite$/)])
  })

  it('Back Up Now… copies the library into backups/ and offers to show it', async () => {
    await start()
    await waitFor(() => existsSync(join(h.state.userData, 'backups')) && backups().length > 0)
    h.state.messageBoxResponses = [1]
    libraryMenu().find((m) => m.label === '&Back Up Now…')!.click()
    await waitFor(() => calls('shell.showItemInFolder').length > 0)
    const manual = backups().filter((f) => f.endsWith('.manual.sqlite'))
    expect(manual).toHaveLength(1)
    expect(calls('dialog.showMessageBox').at(-1)!.args[0]).toMatchObject({ message: expect.stringMatching(/^Backed up \d+ portfolios? \(/) })
    expect(calls('shell.showItemInFolder').map((c) => c.args[0])).toEqual([join(h.state.userData, 'backups', manual[0]!)])
  })

  it('Restore from Backup… checks, confirms, replaces the library (kept aside) and reloads the window', async () => {
    const win = await start()
    const db = join(h.state.userData, 'library.sqlite')
    const other = join(h.state.appData, 'elsewhere.sqlite')
    const lib = Library.open(other)
    lib.portfolios.create({ scenario: fixtureScenario(), name: 'from the backup' })
    lib.close()
    const ours = { senderFrame: { url: 'app://renderer/index.html' } }
    await ipcMain.handlers.get('portfolio:create')!(ours, { scenario: fixtureScenario(), name: 'before the restore' })
    h.state.openDialogResult = { canceled: false, filePaths: [other] }
    h.state.messageBoxResponses = [0]
    libraryMenu().find((m) => m.label === '&Restore from Backup…')!.click()
    await waitFor(() => calls('webContents.reload').length > 0)
    expect(calls('dialog.showMessageBox').at(-1)!.args[0]).toMatchObject({ message: expect.stringContaining('(1 portfolio)?'), buttons: ['Restore', 'Cancel'] })
    const list = (await ipcMain.handlers.get('portfolio:list')!(ours, {})) as { value: { name: string }[] }
    expect(list.value.map((p) => p.name)).toEqual(['from the backup'])
    const aside = readdirSync(h.state.userData).filter((f) => f.startsWith('library.sqlite.replaced-') && !f.endsWith('-wal') && !f.endsWith('-shm'))
    expect(aside).toHaveLength(1)
    const kept = Library.open(join(h.state.userData, aside[0]!), { backupBeforeMigration: false })
    expect(kept.portfolios.list().map((p) => p.name)).toContain('before the restore')
    kept.close()
    expect(existsSync(db)).toBe(true)
    expect(win.webContents).toBeDefined()
  })

  it('Restore from Backup… refuses a file that is not a sound library and changes nothing', async () => {
    await start()
    const bad = join(h.state.appData, 'bad.sqlite')
    writeFileSync(bad, 'nothing here '.repeat(50))
    h.state.openDialogResult = { canceled: false, filePaths: [bad] }
    libraryMenu().find((m) => m.label === '&Restore from Backup…')!.click()
    await waitFor(() => calls('dialog.showMessageBox').length > 0)
    expect(calls('dialog.showMessageBox')[0]!.args[0]).toMatchObject({ message: 'bad.sqlite is not a sound library backup; nothing was changed' })
    expect(calls('webContents.reload')).toHaveLength(0)
    expect(readdirSync(h.state.userData).filter((f) => f.includes('.replaced-'))).toEqual([])
  })
})
