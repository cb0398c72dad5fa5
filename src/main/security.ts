// Security settings applied to every web contents and to the session. Electron objects are
// passed in (duck-typed), so this runs under plain Node and the wiring test drives it with
// stand-ins. Reference: Electron's security checklist (docs/tutorial/security.md).
import { APP_HOST, APP_SCHEME } from './app-protocol'
import { isSafeExternalUrl } from './safe-open-external'

/**
 * The dev server URL electron-vite passes in ELECTRON_RENDERER_URL, honoured only in an
 * unpackaged run and only on loopback http: a packaged app must never load a page that an
 * environment variable points at.
 */
export function devServerUrl(env: Record<string, string | undefined>, isPackaged: boolean): string | null {
  const raw = env.ELECTRON_RENDERER_URL
  if (isPackaged || !raw) return null
  try {
    const url = new URL(raw)
    if (url.protocol !== 'http:') return null
    if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null
    return url.href
  } catch {
    return null
  }
}

/** Links the renderer may hand to the browser: the Binance FAQ pages, nothing else. */
export const EXTERNAL_LINK_PREFIX = 'https://www.binance.com/en/support/faq/'

export function isAllowedExternalLink(url: string): boolean {
  return isSafeExternalUrl(url) && new URL(url).href.startsWith(EXTERNAL_LINK_PREFIX)
}

/**
 * What to do when a page tries to leave (will-navigate, will-redirect, window.open): the
 * window itself never goes anywhere; a Binance FAQ link opens in the user's browser.
 */
export function externalLinkAction(url: string): 'open-in-browser' | 'deny' {
  return isAllowedExternalLink(url) ? 'open-in-browser' : 'deny'
}

interface PreventableEvent {
  preventDefault(): void
}

/** The members of WebContents that hardening touches (a real WebContents satisfies this). */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/**
 * Applied from app 'web-contents-created', so it covers every web contents ever created.
 * `openLink` must go through safeOpenExternal.
 */
export function hardenWebContents(contents: HardenableContents, openLink: (url: string) => void): void {
  const leave = (event: PreventableEvent, url: string): void => {
    event.preventDefault()
    if (externalLinkAction(url) === 'open-in-browser') openLink(url)
  }
  contents.on('will-navigate', leave)
  contents.on('will-redirect', leave)
  contents.setWindowOpenHandler(({ url }) => {
    if (externalLinkAction(url) === 'open-in-browser') openLink(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/**
 * Requests the renderer may make: our own scheme, DevTools' internal schemes, inline data,
 * and in development the loopback dev server (http and its HMR websocket).
 * The app is offline; anything else is cancelled before it leaves the machine.
 */
export function isAllowedRequestUrl(url: string, devServer: string | null): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST
  if (['devtools:', 'chrome-devtools:', 'data:', 'blob:'].includes(parsed.protocol)) return true
  if (devServer) {
    const dev = new URL(devServer)
    const sameHost = parsed.host === dev.host
    return sameHost && (parsed.protocol === 'http:' || parsed.protocol === 'ws:')
  }
  return false
}

/** The members of Session that hardening touches. */
export interface HardenableSession {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void): void
  setPermissionCheckHandler(handler: (wc: unknown, permission: string, origin?: string, details?: unknown) => boolean): void
  setDevicePermissionHandler?(handler: (details: unknown) => boolean): void
  setSpellCheckerEnabled?(enabled: boolean): void
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void
  }
}

/** Deny every permission (camera, notifications, clipboard-read, HID, …) and every off-app request. */
export function hardenSession(session: HardenableSession, devServer: string | null): void {
  // The planner needs no permission at all; the default would grant most of them.
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler?.(() => false)
  // The spell checker downloads dictionaries from a Google CDN; the app stays offline.
  session.setSpellCheckerEnabled?.(false)
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, devServer) })
  })
}
