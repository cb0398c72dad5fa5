import type { MenuItemConstructorOptions } from 'electron'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, DOCUMENTATION_URL, HELP_LINKS, type MenuActions, type MenuOptions } from '../../src/main/menu-template'
import { MENU_EVENTS, RENDERER_EVENTS, isRendererEvent } from '../../src/main/renderer-events'
import { isSafeExternalUrl } from '../../src/main/safe-open-external'

const FAQ_IDS = [
  '29b45c485d664028b9ca1cdf90b24f6f',
  'c983a9268cfa4e70a4916c276bb3b7bc',
  'b3c689c1f50a44cabb3a84e663b81d93',
  'f80415bea8124f6494566f23c0bf9c38'
]

function build(overrides: Partial<MenuOptions> = {}) {
  const actions: MenuActions = { send: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), openLink: vi.fn() }
  const template = buildMenuTemplate(
    { platform: 'linux', appName: 'Margin Planner', isDev: false, recentFiles: [], ...overrides },
    actions
  )
  return { template, actions }
}

const sub = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  (item?.submenu as MenuItemConstructorOptions[] | undefined) ?? []
const strip = (label?: string) => (label ?? '').replace(/&(?!&)/g, '')
const menu = (t: MenuItemConstructorOptions[], label: string) => t.find((m) => strip(m.label) === label)
const item = (items: MenuItemConstructorOptions[], label: string) => items.find((m) => strip(m.label) === label)
const click = (m: MenuItemConstructorOptions | undefined) =>
  (m?.click as unknown as (() => void) | undefined)?.()

describe('menu template', () => {
  it('has File, Edit, View, Help in order (and the app and Window menus on macOS)', () => {
    expect(build().template.map((m) => strip(m.label))).toEqual(['File', 'Edit', 'View', 'Library', 'Help'])
    const mac = build({ platform: 'darwin' }).template
    expect(mac.map((m) => m.label ?? m.role)).toEqual(['Margin Planner', '&File', '&Edit', '&View', '&Library', 'windowMenu', '&Help'])
  })

  it('File has the document actions, each sending its fixed event', () => {
    const { template, actions } = build()
    const file = sub(menu(template, 'File'))
    const expected: [string, string][] = [
      ['New', 'menu:new'],
      ['Open…', 'menu:open'],
      ['Save', 'menu:save'],
      ['Save As / Export…', 'menu:save-as'],
      ['Import Market Data…', 'menu:import-market'],
      ['Import Account…', 'menu:import-account']
    ]
    for (const [label, event] of expected) {
      const entry = item(file, label)
      expect(entry, label).toBeDefined()
      click(entry)
      expect(actions.send).toHaveBeenLastCalledWith(event)
    }
    expect(item(file, 'Open Recent')).toBeDefined()
    expect(file.some((m) => m.role === 'quit')).toBe(true)
    expect(build({ platform: 'darwin' }).template[1].submenu).not.toContainEqual(expect.objectContaining({ role: 'quit' }))
  })

  it('every event a menu item can send is in MENU_EVENTS, and only those cross to the renderer', () => {
    const { template, actions } = build({ platform: 'darwin', isDev: true, recentFiles: [resolve('/p/a.mpscenario.json')] })
    const walk = (items: MenuItemConstructorOptions[]): void => {
      for (const m of items) {
        click(m)
        walk(sub(m))
      }
    }
    walk(template)
    const sent = (actions.send as ReturnType<typeof vi.fn>).mock.calls.map((c) => c[0])
    expect(new Set(sent)).toEqual(new Set(MENU_EVENTS))
    for (const e of RENDERER_EVENTS) expect(isRendererEvent(e)).toBe(true)
    expect(isRendererEvent('portfolio:delete')).toBe(false)
    expect(new Set(RENDERER_EVENTS).size).toBe(RENDERER_EVENTS.length)
  })

  it('Open Recent lists files, opens through main, and can be cleared', () => {
    const files = [resolve('/plans/a & b.mpscenario.json'), resolve('/plans/c.mpscenario.json')]
    const { template, actions } = build({ recentFiles: files })
    const recent = sub(item(sub(menu(template, 'File')), 'Open Recent'))
    expect(recent[0].label).toContain('a && b.mpscenario.json')
    click(recent[1])
    expect(actions.openRecent).toHaveBeenCalledWith(files[1])
    click(item(recent, 'Clear Recent'))
    expect(actions.clearRecent).toHaveBeenCalled()
    const empty = sub(item(sub(menu(build().template, 'File')), 'Open Recent'))
    expect(empty[0]).toMatchObject({ label: 'No Recent Files', enabled: false })
  })

  it('Edit and View use roles; developer tools only in development', () => {
    const { template } = build()
    expect(sub(menu(template, 'Edit')).map((m) => m.role).filter(Boolean)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
    )
    expect(sub(menu(template, 'View')).some((m) => m.role === 'toggleDevTools')).toBe(false)
    expect(sub(menu(build({ isDev: true }).template, 'View')).some((m) => m.role === 'toggleDevTools')).toBe(true)
  })

  it('Help opens the documentation and the four Binance FAQ pages, through openLink only', () => {
    const { template, actions } = build()
    const help = sub(menu(template, 'Help')).filter((m) => m.type !== 'separator')
    for (const m of help) click(m)
    const urls = (actions.openLink as ReturnType<typeof vi.fn>).mock.calls.map((c) => c[0])
    expect(urls).toEqual([DOCUMENTATION_URL, ...FAQ_IDS.map((id) => `https://www.binance.com/en/support/faq/${id}`)])
    expect(HELP_LINKS.map((l) => l.url)).toEqual(urls.slice(1))
    for (const url of urls) expect(isSafeExternalUrl(url)).toBe(true)
    expect(actions.send).not.toHaveBeenCalled()
  })
})

describe('Library menu', () => {
  it('offers Back Up Now… and Restore from Backup…, each calling its action', () => {
    const backUpNow = vi.fn()
    const restoreFromBackup = vi.fn()
    const template = buildMenuTemplate(
      { platform: 'linux', appName: 'Margin Planner', isDev: false, recentFiles: [] },
      { send: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), openLink: vi.fn(), backUpNow, restoreFromBackup }
    )
    const library = sub(menu(template, 'Library'))
    expect(library.map((m) => strip(m.label))).toEqual(['Back Up Now…', 'Restore from Backup…'])
    ;(item(library, 'Back Up Now…')!.click as () => void)()
    expect(backUpNow).toHaveBeenCalledTimes(1)
    expect(restoreFromBackup).not.toHaveBeenCalled()
    ;(item(library, 'Restore from Backup…')!.click as () => void)()
    expect(restoreFromBackup).toHaveBeenCalledTimes(1)
  })
})
