// The renderer is served from app://renderer/ instead of file://: a standard, secure custom
// scheme gives the page a real origin (so 'self' in the CSP and the IPC sender check mean
// exactly "our bundled files"), and every request goes through the guard below.
// Pure Node: no electron import, so tests call it directly.
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { rendererContentSecurityPolicy } from './renderer-csp'

export const APP_SCHEME = 'app'
export const APP_HOST = 'renderer'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

// Privileges for protocol.registerSchemesAsPrivileged (must run before app 'ready').
// standard: real origin and relative URL resolution; secure: treated like https (no mixed
// content warnings, secure-context APIs); supportFetchAPI + corsEnabled: ES module scripts
// (`<script type="module" crossorigin>`) are fetched in CORS mode and need both.
// bypassCSP stays false: our CSP applies to our own pages.
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false
} as const

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8'
}

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

export type AppRequestResolution =
  | { ok: true; filePath: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string }

function refuse(status: 400 | 403 | 404 | 405, reason: string): AppRequestResolution {
  return { ok: false, status, reason }
}

/**
 * Maps an app:// request to a file under rootDir, or refuses it.
 * Refused: any method but GET; another scheme or host; credentials or a port; backslashes
 * (raw or %5C); encoded slashes; NUL; any `.` or `..` segment after decoding (so `%2e%2e`
 * too); and, as the last word, any path that does not stay inside rootDir.
 */
export function resolveAppRequest(rawUrl: string, method: string, rootDir: string): AppRequestResolution {
  if (method.toUpperCase() !== 'GET') return refuse(405, 'only GET is served')
  // Checked on the raw text first: the WHATWG parser would silently turn `\` into `/` and fold
  // `..`, hiding what was asked for.
  if (rawUrl.includes('\\')) return refuse(400, 'backslash in URL')
  if (/%5c/i.test(rawUrl)) return refuse(400, 'encoded backslash in URL')
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return refuse(400, 'malformed URL')
  }
  if (url.protocol !== `${APP_SCHEME}:`) return refuse(403, 'wrong scheme')
  if (url.hostname !== APP_HOST) return refuse(403, 'unknown host')
  if (url.port !== '' || url.username !== '' || url.password !== '') return refuse(403, 'unexpected authority')

  const rawPath = url.pathname
  if (/%2f|%00/i.test(rawPath)) return refuse(400, 'encoded slash or NUL in path')
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return refuse(400, 'bad percent-encoding')
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return refuse(400, 'forbidden character')
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '.' || s === '..')) return refuse(403, 'path traversal')
  // The parser has already folded `..`, `%2e%2e` and `.%2e` segments away; refuse them on the
  // raw text too, so a traversal attempt is an error rather than a quietly rewritten path.
  const rawTail = rawUrl.slice(rawUrl.indexOf(':') + 1).split(/[?#]/)[0]
  if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(rawTail)) return refuse(403, 'path traversal')
  if (segments.length === 0) segments.push('index.html')

  const root = resolve(rootDir)
  const filePath = resolve(root, ...segments)
  const rel = relative(root, filePath)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    return refuse(403, 'outside the renderer directory')
  }
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) }
}

/** Headers for every app:// response, including refusals; `policy` from renderer-csp.ts. */
export function appResponseHeaders(mimeType: string, policy: string): Record<string, string> {
  return {
    'Content-Type': mimeType,
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache'
  }
}

export interface AppProtocolRequest {
  url: string
  method: string
}

export type ReadFileFn = (path: string) => Promise<Uint8Array>

/**
 * The handler given to protocol.handle(APP_SCHEME, ...). It uses the global Response, which
 * both Electron's main process and Node 20 provide, so tests drive it without Electron.
 * The CSP header is read once, from the built index.html's script hashes (renderer-csp.ts).
 */
export function createAppProtocolHandler(
  rootDir: string,
  read: ReadFileFn = (p) => readFile(p),
  policy: string = rendererContentSecurityPolicy(rootDir)
): (request: AppProtocolRequest) => Promise<Response> {
  return async (request) => {
    const resolution = resolveAppRequest(request.url, request.method, rootDir)
    if (!resolution.ok) {
      return new Response(null, { status: resolution.status, headers: appResponseHeaders('text/plain; charset=utf-8', policy) })
    }
    try {
      const body = await read(resolution.filePath)
      return new Response(body, { status: 200, headers: appResponseHeaders(resolution.mimeType, policy) })
    } catch {
      // Missing file or a directory: same answer, no detail about the disk leaks out.
      return new Response(null, { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8', policy) })
    }
  }
}
