// Registers every channel of the contract through one helper that (1) refuses a sender that is
// not our renderer (the app:// origin, or the electron-vite dev server in development), (2)
// validates the payload with the channel's strict zod schema, and (3) answers
// { ok: true, value } or { ok: false, error: { code, message, path? } } — never a stack.
// Electron's ipcMain is passed in and typed structurally: this module never imports electron.
import type { z } from 'zod'
import { joinPath } from '../shared/json/strict-json'
import { CHANNELS, contract, type Channel, type ResponseOf, type ValidRequestOf } from '../shared/ipc/contract'
import type { IpcError, IpcResult } from '../shared/ipc/errors'
import { LibraryError } from './store/errors'
import { escapeControlCharacters, escapeProblems } from '../shared/text/escape-control'

/** The parts of Electron's IpcMainInvokeEvent that are used. */
export interface IpcInvokeEventLike {
  senderFrame: { url: string } | null | undefined
}

/** The part of Electron's ipcMain that is used. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown> | unknown): void
}

export type BoundHandlers = { [C in Channel]: (request: ValidRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>> }

export interface RegisterOptions {
  /** Where unexpected errors are reported (main's log); the renderer only sees INTERNAL. */
  onInternalError?: (channel: Channel, error: unknown) => void
}

export function registerIpc(ipcMain: IpcMainLike, handlers: BoundHandlers, isTrustedSender: (url: string) => boolean, options: RegisterOptions = {}): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, ...args) => invoke(channel, handlers, isTrustedSender, event, args, options))
  }
}

/** One call from the renderer: the sender check, then dispatchIpc. */
async function invoke<C extends Channel>(
  channel: C,
  handlers: BoundHandlers,
  isTrustedSender: (url: string) => boolean,
  event: IpcInvokeEventLike,
  args: unknown[],
  options: RegisterOptions
): Promise<IpcResult<ResponseOf<C>>> {
  const url = event?.senderFrame?.url
  if (typeof url !== 'string' || !isTrustedSender(url)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: `${channel}: refused a call from outside the app` } }
  }
  if (args.length > 1) return badPayload(channel, [{ path: '(request)', message: `expected one request object, got ${args.length} arguments` }])
  return dispatchIpc(handlers, channel, args[0], options)
}

/**
 * Payload validation, handler, error mapping — everything but the sender check. Also the entry
 * point for a non-Electron transport (the e2e suite's loopback bridge), so both answer alike.
 */
export async function dispatchIpc<C extends Channel>(handlers: BoundHandlers, channel: C, payload: unknown, options: RegisterOptions = {}): Promise<IpcResult<ResponseOf<C>>> {
  // Own keys only: "toString" or "__proto__" are not channels.
  const schema = Object.prototype.hasOwnProperty.call(contract, channel) ? (contract[channel] as z.ZodType) : undefined
  if (!schema) return { ok: false, error: { code: 'BAD_INPUT', message: escapeControlCharacters(`unknown channel ${JSON.stringify(channel)}`) } }
  const parsed = schema.safeParse(payload)
  if (!parsed.success) {
    return badPayload(
      channel,
      parsed.error.issues.flatMap((i) => {
        const path = i.path.reduce<string>((p, k) => joinPath(p, k as string | number), '')
        if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: joinPath(path, k), message: 'unknown field' }))
        return [{ path: path || '(request)', message: i.message }]
      })
    )
  }
  try {
    const handler = handlers[channel] as (r: unknown) => ResponseOf<C> | Promise<ResponseOf<C>>
    return { ok: true, value: await handler(parsed.data) }
  } catch (e) {
    if (e instanceof LibraryError) return { ok: false, error: e.toIpc() }
    options.onInternalError?.(channel, e)
    return { ok: false, error: { code: 'INTERNAL', message: `${channel} failed unexpectedly; see the app log` } }
  }
}

function badPayload(channel: string, problems: { path: string; message: string }[]): { ok: false; error: IpcError } {
  const escaped = escapeProblems(problems)
  return { ok: false, error: { code: 'BAD_INPUT', message: escapeControlCharacters(`${channel}: malformed request`), path: escaped[0]?.path, problems: escaped } }
}

/**
 * Our renderer's frames: app://renderer/… in a packaged or built run; in development also the
 * electron-vite dev server (security.ts's devServerUrl, null when packaged).
 */
export function makeIsTrustedSender(opts: { appScheme?: string; appHost?: string; devServerUrl?: string | null } = {}): (url: string) => boolean {
  const scheme = `${opts.appScheme ?? 'app'}:`
  const host = opts.appHost ?? 'renderer'
  let devOrigin: string | null = null
  if (opts.devServerUrl) {
    try {
      devOrigin = new URL(opts.devServerUrl).origin
    } catch {
      devOrigin = null
    }
  }
  return (url: string): boolean => {
    let u: URL
    try {
      u = new URL(url)
    } catch {
      return false
    }
    // app: is not a "special" scheme, so URL.origin is "null": compare scheme and host instead.
    if (u.protocol === scheme && u.host === host && u.username === '' && u.password === '') return true
    return devOrigin !== null && u.origin === devOrigin
  }
}
