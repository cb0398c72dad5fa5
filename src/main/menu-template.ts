// The application menu as data. A pure function of the platform, the recent files and a few
// callbacks, so tests read the template without Electron; index.ts passes it to
// Menu.buildFromTemplate. Only a type comes from 'electron' (erased at build time).
import type { MenuItemConstructorOptions } from 'electron'
import { basename, dirname } from 'node:path'
import type { MenuEvent } from './renderer-events'

const FAQ = 'https://www.binance.com/en/support/faq/'

/**
 * Where the Help menu's "Documentation" item points. TODO(release): replace with the project's
 * published documentation address once it exists.
 */
export const DOCUMENTATION_URL = 'https://github.com/margin-planner/margin-planner#readme'

/** The Binance FAQ pages the margin rules cite (see docs/margin-rules.md). */
export const HELP_LINKS: readonly { label: string; url: string }[] = [
  { label: 'Binance FAQ: Single-Asset and Multi-Assets Modes', url: `${FAQ}29b45c485d664028b9ca1cdf90b24f6f` },
  { label: 'Binance FAQ: Multi-Assets Mode', url: `${FAQ}c983a9268cfa4e70a4916c276bb3b7bc` },
  { label: 'Binance FAQ: Maintenance Margin and Liquidation', url: `${FAQ}b3c689c1f50a44cabb3a84e663b81d93` },
  { label: 'Binance FAQ: Auto-Exchange', url: `${FAQ}f80415bea8124f6494566f23c0bf9c38` }
]

export interface MenuOptions {
  platform: NodeJS.Platform
  appName: string
  /** Development build: adds Toggle Developer Tools. */
  isDev: boolean
  /** Most recent first. */
  recentFiles: readonly string[]
  documentationUrl?: string
}

export interface MenuActions {
  /** Forward a fixed, named event to the renderer. */
  send(event: MenuEvent): void
  /** Queue a recent file for opening (main keeps the path; the renderer is only notified). */
  openRecent(path: string): void
  clearRecent(): void
  /** Must go through safeOpenExternal. */
  openLink(url: string): void
  /** Library › Back up now… (an online backup into backups/, then a note). */
  backUpNow?(): void
  /** Library › Restore from backup… (choose, confirm, restore; the current file is kept). */
  restoreFromBackup?(): void
}

/** '&' is a mnemonic marker in Windows and Linux menu labels. */
function escapeLabel(text: string): string {
  return text.replace(/&/g, '&&')
}

export function recentFileLabel(path: string): string {
  return escapeLabel(`${basename(path)} — ${dirname(path)}`)
}

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin'
  const send = (event: MenuEvent) => () => actions.send(event)

  const recentSubmenu: MenuItemConstructorOptions[] =
    options.recentFiles.length === 0
      ? [{ label: 'No Recent Files', enabled: false }]
      : options.recentFiles.map((path) => ({ label: recentFileLabel(path), click: () => actions.openRecent(path) }))
  recentSubmenu.push(
    { type: 'separator' },
    { label: 'Clear Recent', enabled: options.recentFiles.length > 0, click: () => actions.clearRecent() }
  )

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: '&New', accelerator: 'CmdOrCtrl+N', click: send('menu:new') },
      { label: '&Open…', accelerator: 'CmdOrCtrl+O', click: send('menu:open') },
      { label: 'Open &Recent', submenu: recentSubmenu },
      { type: 'separator' },
      { label: '&Save', accelerator: 'CmdOrCtrl+S', click: send('menu:save') },
      { label: 'Save &As / Export…', accelerator: 'CmdOrCtrl+Shift+S', click: send('menu:save-as') },
      { label: 'Export &Report…', click: send('menu:export-report') },
      { type: 'separator' },
      { label: 'Import &Market Data…', click: send('menu:import-market') },
      { label: 'Import A&ccount…', click: send('menu:import-account') },
      ...(isMac ? [] : ([{ type: 'separator' }, { role: 'quit', label: 'E&xit' }] as MenuItemConstructorOptions[]))
    ]
  }

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' }
    ]
  }

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      ...(options.isDev ? ([{ role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' }
    ]
  }

  const libraryMenu: MenuItemConstructorOptions = {
    label: '&Library',
    submenu: [
      { label: '&Back Up Now…', click: () => actions.backUpNow?.() },
      { label: '&Restore from Backup…', click: () => actions.restoreFromBackup?.() }
    ]
  }

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Documentation', click: () => actions.openLink(options.documentationUrl ?? DOCUMENTATION_URL) },
      { type: 'separator' },
      ...HELP_LINKS.map((link) => ({ label: link.label, click: () => actions.openLink(link.url) }))
    ]
  }

  const template: MenuItemConstructorOptions[] = []
  if (isMac) {
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' }
      ]
    })
  }
  template.push(fileMenu, editMenu, viewMenu, libraryMenu)
  if (isMac) template.push({ role: 'windowMenu' })
  template.push(helpMenu)
  return template
}
