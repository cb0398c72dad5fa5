// The renderer's Content-Security-Policy: scripts only by hash, with 'strict-dynamic'. The build
// (electron.vite.config.ts) hashes the entry script of the built index.html, writes the hash into
// its <script integrity="sha384-…"> and the policy into its <meta> CSP; main reads the integrity
// values back from the built index.html at start and sends the same policy as the app:// header.
// Why there: the hash must describe the very bytes that ship, so it is computed after the bundle
// is written, and one file (index.html) carries it, so meta and header cannot disagree.
// 'strict-dynamic' lets that one trusted entry load its chunks and its module worker; nothing
// else (no inline script, no other file, no eval) runs. Pure Node: no electron import.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** SRI/CSP hash source of a script's bytes: sha384-<base64>. */
export function scriptHash(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`
}

const HASH = /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/

/**
 * The policy for the given entry-script hashes. Without a hash no script runs at all (fail
 * closed). `meta` leaves out frame-ancestors, which a <meta> CSP may not carry.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[], options: { meta?: boolean } = {}): string {
  const hashes = scriptHashes.filter((h) => HASH.test(h)).map((h) => `'${h}'`)
  return [
    "default-src 'none'",
    // The entry by hash; what it loads (chunks, the worker's script) by 'strict-dynamic'.
    `script-src ${[...hashes, "'strict-dynamic'"].join(' ')}`,
    // Vue and Chart.js set inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    ...(options.meta ? [] : ["frame-ancestors 'none'"]),
    // The shock explorer computes in a module worker served from the app itself.
    "worker-src 'self'",
    "manifest-src 'none'",
    "media-src 'none'",
    // Trusted Types: DOM sinks take only policy output; the policies are Vue's and our default
    // (src/renderer/src/trusted-types.ts: same-origin script URLs, i.e. the worker).
    "require-trusted-types-for 'script'",
    'trusted-types vue default'
  ].join('; ')
}

/** The integrity hashes of the module scripts of a built index.html. */
export function entryScriptHashes(html: string): string[] {
  const hashes: string[] = []
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    if (!/\btype="module"/i.test(tag)) continue
    const integrity = /\bintegrity="([^"]+)"/i.exec(tag)?.[1]
    if (integrity) hashes.push(...integrity.split(/\s+/).filter((h) => HASH.test(h)))
  }
  return hashes
}

/** Main's header policy, from the built index.html in rendererDir (fail closed when unreadable). */
export function rendererContentSecurityPolicy(rendererDir: string): string {
  let html = ''
  try {
    html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  } catch {
    // No built renderer: a policy under which no script runs.
  }
  return contentSecurityPolicy(entryScriptHashes(html))
}

/**
 * The build step: every `<script type="module" src="./…">` of the built index.html gets the
 * integrity of its file, and the <meta> CSP becomes the policy with those hashes.
 * `readScript` reads a script by its src, relative to the HTML file.
 */
export function withScriptHashes(html: string, readScript: (src: string) => Uint8Array): string {
  const hashes: string[] = []
  const tagged = html.replace(/<script\b[^>]*>/gi, (tag) => {
    const src = /\bsrc="([^"]+)"/i.exec(tag)?.[1]
    if (!/\btype="module"/i.test(tag) || src === undefined || /^[a-z]+:|^\/\//i.test(src)) return tag
    const hash = scriptHash(readScript(src))
    hashes.push(hash)
    return tag.replace(/\s*\bintegrity="[^"]*"/i, '').replace(/>$/, ` integrity="${hash}">`)
  })
  const meta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/i
  if (!meta.test(tagged)) throw new Error('the built index.html has no <meta http-equiv="Content-Security-Policy">')
  return tagged.replace(meta, `$1${contentSecurityPolicy(hashes, { meta: true })}$2`)
}
