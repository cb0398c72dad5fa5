// registerIpc with a stand-in ipcMain: every channel registered once through the one helper,
// the sender checked, the payload validated strictly, errors as { code, message, path? }.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatchIpc, makeIsTrustedSender, registerIpc, type IpcInvokeEventLike, type IpcMainLike } from '../../src/main/ipc'
import { bindHandlers, HANDLERS } from '../../src/main/ipc-handlers'
import { Library } from '../../src/main/store'
import { RENDERER_EVENTS } from '../../src/main/renderer-events'
import { API_FUNCTIONS, APP_EVENTS, CHANNELS, contract } from '../../src/shared/ipc'
import type { IpcResult } from '../../src/shared/ipc/errors'
import { fixtureScenario, tempDb } from './store/helpers'

const APP = 'app://renderer/index.html'

class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => unknown>()
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`)
    this.listeners.set(channel, listener)
  }
  invoke(channel: string, url: string | null, ...args: unknown[]): Promise<IpcResult<unknown>> {
    const l = this.listeners.get(channel)
    if (!l) throw new Error(`no handler for ${channel}`)
    return Promise.resolve(l({ senderFrame: url === null ? null : { url } }, ...args)) as Promise<IpcResult<unknown>>
  }
}

function setup() {
  const library = Library.open(tempDb())
  const ipc = new FakeIpcMain()
  const internal: unknown[] = []
  registerIpc(ipc, bindHandlers({ library }), makeIsTrustedSender({ devServerUrl: null }), { onInternalError: (_c, e) => internal.push(e) })
  return { library, ipc, internal }
}

describe('IPC contract and bridge', () => {
  it('every channel has a schema, a handler, and exactly one named API function', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...CHANNELS].sort())
    const bound = Object.values(API_FUNCTIONS)
    expect([...bound].sort()).toEqual([...CHANNELS].sort())
    expect(new Set(bound).size).toBe(bound.length)
    for (const name of Object.keys(API_FUNCTIONS)) expect(name).toMatch(/^[a-z][A-Za-z]+$/)
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/) // domain:verb
  })

  it('the preload exposes only those functions and onAppEvent, never a generic invoke', () => {
    const preload = readFileSync(join(import.meta.dirname, '../../src/preload/index.ts'), 'utf8')
    expect(preload).toContain("exposeInMainWorld('api'")
    expect(preload).toContain('API_FUNCTIONS')
    expect(preload).not.toMatch(/exposeInMainWorld\('(ipcRenderer|electron|process|fs)'/)
    expect(preload).not.toMatch(/api\.(invoke|send|ipcRenderer|process)\s*=/)
    expect(preload).not.toMatch(/from '(node:|fs|path|child_process)/)
  })

  it('the preload forwards exactly the events main sends', () => {
    expect([...APP_EVENTS]).toEqual([...RENDERER_EVENTS])
  })

  it('request schemas are strict', () => {
    expect(contract['portfolio:get'].safeParse({ id: 1, extra: true }).success).toBe(false)
    expect(contract['scenario:import'].safeParse({ text: '{}', path: '/etc/passwd' }).success).toBe(false)
    expect(contract['compare:run'].safeParse({ id: 1, scenario: {} }).success).toBe(false)
  })
})

describe('registerIpc', () => {
  it('registers every channel once', () => {
    const { ipc, library } = setup()
    expect([...ipc.listeners.keys()].sort()).toEqual([...CHANNELS].sort())
    library.close()
  })

  it('answers a trusted call with { ok: true, value }', async () => {
    const { ipc, library } = setup()
    const created = await ipc.invoke('portfolio:create', APP, { scenario: fixtureScenario(), tags: ['x'] })
    expect(created).toMatchObject({ ok: true, value: { id: 1, name: 'BTC long, ETH collateral', tags: ['x'] } })
    expect(await ipc.invoke('portfolio:list', APP, {})).toMatchObject({ ok: true, value: [{ id: 1 }] })
    expect(await ipc.invoke('market:list', APP, {})).toEqual({ ok: true, value: [] })
    library.close()
  })

  it('refuses senders that are not our renderer, before touching the payload or the library', async () => {
    const { ipc, library } = setup()
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', 'app://user:pw@renderer/', 'http://localhost:5173/', 'not a url', '']) {
      expect(await ipc.invoke('portfolio:create', url, { scenario: fixtureScenario() })).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'portfolio:create: refused a call from outside the app' }
      })
    }
    expect((await ipc.invoke('portfolio:list', null, {})) as unknown).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(library.portfolios.list()).toEqual([])
    library.close()
  })

  it('trusts the dev server only when given', () => {
    const dev = makeIsTrustedSender({ devServerUrl: 'http://localhost:5173/' })
    expect(dev('http://localhost:5173/index.html')).toBe(true)
    expect(dev('http://localhost:5174/')).toBe(false)
    expect(dev(APP)).toBe(true)
    expect(makeIsTrustedSender()('http://localhost:5173/')).toBe(false)
  })

  it('refuses malformed payloads with the path of each problem', async () => {
    const { ipc, library } = setup()
    const extra = await ipc.invoke('portfolio:get', APP, { id: 1, path: '/etc/passwd' })
    expect(extra).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'portfolio:get: malformed request', path: 'path', problems: [{ path: 'path', message: 'unknown field' }] } })
    const wrong = await ipc.invoke('portfolio:rename', APP, { id: '1', name: 5 })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', path: 'id' } })
    expect((wrong as { error: { problems: { path: string }[] } }).error.problems.map((p) => p.path)).toEqual(['id', 'name'])
    expect(await ipc.invoke('portfolio:get', APP)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', path: '(request)' } })
    expect(await ipc.invoke('portfolio:get', APP, { id: 1 }, { id: 2 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', path: '(request)' } })
    library.close()
  })

  it('store refusals cross as { code, message, path, problems }, never a stack', async () => {
    const { ipc, library } = setup()
    const bad = fixtureScenario() as unknown as { account: { positions: Record<string, unknown>[] } }
    bad.account.positions[0]!.entryPrice = 64000
    const r = await ipc.invoke('portfolio:create', APP, { scenario: bad })
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'BAD_INPUT',
        message: 'the scenario was refused: account.positions[0].entryPrice: expected a decimal string, got 64000',
        path: 'account.positions[0].entryPrice',
        problems: [{ path: 'account.positions[0].entryPrice', message: 'expected a decimal string, got 64000' }]
      }
    })
    expect(await ipc.invoke('portfolio:get', APP, { id: 7 })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no portfolio 7 in the library' } })
    expect(await ipc.invoke('file:open', APP, { kind: 'scenario' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    library.close()
  })

  it('dispatchIpc (the transport-free path) refuses names that are not channels', async () => {
    const library = Library.open(tempDb())
    const handlers = bindHandlers({ library })
    for (const name of ['toString', '__proto__', 'constructor', 'portfolio:nope']) {
      expect(await dispatchIpc(handlers, name as never, {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    }
    expect(await dispatchIpc(handlers, 'portfolio:list', {})).toEqual({ ok: true, value: [] })
    library.close()
  })

  it('an unexpected error is INTERNAL with no detail for the renderer', async () => {
    const { ipc, library, internal } = setup()
    library.close() // every query now throws a TypeError from better-sqlite3
    const r = await ipc.invoke('portfolio:list', APP, {})
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'portfolio:list failed unexpectedly; see the app log' } })
    expect(JSON.stringify(r)).not.toContain('at ')
    expect(internal).toHaveLength(1)
  })
})
