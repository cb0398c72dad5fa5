// Is an IPC message from our own page? Only the top frame of a page served from app://renderer
// (or, in an unpackaged development run, from the loopback dev server) may call main.
// Pure: the IPC layer passes event.senderFrame in.
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './app-protocol'

export interface SenderFrameLike {
  url: string
  /** null for a top frame. */
  parent?: unknown
}

/** True when `url` is a page of the bundled renderer, or of the allowed dev server origin. */
export function isTrustedRendererUrl(url: string, devServerOrigin?: string | null): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  // Node's URL gives non-special schemes the origin 'null' (Electron's standard app: scheme has
  // a real one), so compare scheme and exact host rather than .origin.
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return parsed.username === '' && parsed.password === ''
  if (devServerOrigin) return parsed.origin === devServerOrigin
  return false
}

export function isTrustedSenderFrame(frame: SenderFrameLike | null | undefined, devServerOrigin?: string | null): boolean {
  if (!frame || typeof frame.url !== 'string') return false
  // Sub-frames never talk to main: the CSP forbids frames, so any would be foreign.
  if (frame.parent !== null && frame.parent !== undefined) return false
  return isTrustedRendererUrl(frame.url, devServerOrigin)
}

export { APP_ORIGIN }
