// app:// serving: GET only, exact host, no way out of the renderer directory, CSP on every answer.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  resolveAppRequest
} from '../../src/main/app-protocol'
import { contentSecurityPolicy, scriptHash, withScriptHashes } from '../../src/main/renderer-csp'

const ENTRY = 'console.log(1)'
/** What main must send: the policy with the hash the build wrote into index.html. */
const CONTENT_SECURITY_POLICY = contentSecurityPolicy([scriptHash(new TextEncoder().encode(ENTRY))])

let base: string
let root: string

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'mp-proto-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  // As the build leaves it: the entry's integrity and the meta policy written by withScriptHashes.
  const source = '<!doctype html><meta http-equiv="Content-Security-Policy" content=""><title>x</title><script type="module" crossorigin src="./assets/index-abc.js"></script>'
  writeFileSync(join(root, 'index.html'), withScriptHashes(source, () => new TextEncoder().encode(ENTRY)))
  writeFileSync(join(root, 'assets', 'index-abc.js'), ENTRY)
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}')
  writeFileSync(join(base, 'secret.txt'), 'top secret')
  writeFileSync(join(base, 'renderer-evil.txt'), 'sibling with a shared prefix')
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('resolveAppRequest', () => {
  it('serves files under the renderer directory with their MIME type', () => {
    expect(resolveAppRequest(APP_ENTRY_URL, 'GET', root)).toEqual({
      ok: true,
      filePath: join(root, 'index.html'),
      mimeType: 'text/html; charset=utf-8'
    })
    const js = resolveAppRequest('app://renderer/assets/index-abc.js?v=1#x', 'GET', root)
    expect(js).toMatchObject({ ok: true, filePath: join(root, 'assets', 'index-abc.js'), mimeType: 'text/javascript; charset=utf-8' })
  })

  it('maps the bare origin to index.html', () => {
    expect(resolveAppRequest('app://renderer/', 'GET', root)).toMatchObject({ ok: true, filePath: join(root, 'index.html') })
    expect(resolveAppRequest('app://renderer', 'GET', root)).toMatchObject({ ok: true, filePath: join(root, 'index.html') })
  })

  it('refuses every method but GET', () => {
    for (const m of ['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH']) {
      expect(resolveAppRequest(APP_ENTRY_URL, m, root)).toMatchObject({ ok: false, status: 405 })
    }
  })

  it('refuses other hosts, schemes, ports and credentials', () => {
    for (const url of [
      'app://evil/index.html',
      'app://renderer.evil/index.html',
      'app://Renderer/index.html',
      'app://renderer:8080/index.html',
      'app://user:pw@renderer/index.html',
      'app:///index.html',
      'file:///etc/passwd',
      'https://renderer/index.html',
      'appx://renderer/index.html'
    ]) {
      expect(resolveAppRequest(url, 'GET', root), url).toMatchObject({ ok: false })
    }
  })

  it('refuses .. in every spelling', () => {
    for (const url of [
      'app://renderer/../secret.txt',
      'app://renderer/assets/../../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/%2E%2E/secret.txt',
      'app://renderer/.%2e/secret.txt',
      'app://renderer/%2e./secret.txt',
      'app://renderer/%2e%2e%2fsecret.txt',
      'app://renderer/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://renderer/./index.html',
      'app://renderer/..%2frenderer-evil.txt'
    ]) {
      const r = resolveAppRequest(url, 'GET', root)
      expect(r, url).toMatchObject({ ok: false })
    }
  })

  it('refuses backslashes, encoded slashes and NUL', () => {
    for (const url of [
      'app://renderer/..\\secret.txt',
      'app://renderer/assets\\index-abc.js',
      'app://renderer/%5c..%5csecret.txt',
      'app://renderer/%5C..%5Csecret.txt',
      'app://renderer/assets%2findex-abc.js',
      'app://renderer/index.html%00.js',
      'app://renderer/%E0%A4%A'
    ]) {
      expect(resolveAppRequest(url, 'GET', root), url).toMatchObject({ ok: false })
    }
  })

  it('keeps a double-encoded dot as a literal file name (decoded once, never twice)', () => {
    const r = resolveAppRequest('app://renderer/%252e%252e/secret.txt', 'GET', root)
    // Either refused or resolved inside root; never outside it.
    if (r.ok) expect(r.filePath.startsWith(join(root, '%2e%2e'))).toBe(true)
  })
})

describe('createAppProtocolHandler', () => {
  const handler = () => createAppProtocolHandler(root)

  it('answers 200 with the file, its type, the CSP and nosniff', async () => {
    const res = await handler()({ url: 'app://renderer/assets/style.css', method: 'GET' })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('body{}')
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers refusals without the file and still with the CSP', async () => {
    for (const [url, method] of [
      ['app://renderer/../secret.txt', 'GET'],
      ['app://renderer/%2e%2e/secret.txt', 'GET'],
      ['app://other/index.html', 'GET'],
      [APP_ENTRY_URL, 'POST']
    ]) {
      const res = await handler()({ url, method })
      expect(res.status, url).toBeGreaterThanOrEqual(400)
      expect(await res.text()).not.toContain('secret')
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    }
  })

  it('answers 404 for a missing file or a directory', async () => {
    expect((await handler()({ url: 'app://renderer/nope.js', method: 'GET' })).status).toBe(404)
    expect((await handler()({ url: 'app://renderer/assets', method: 'GET' })).status).toBe(404)
  })
})

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values] as const
    })
  )

  it('allows module workers from the app itself only (the shock explorer computes in one)', () => {
    expect(directives.get('worker-src')).toEqual(["'self'"])
  })

  it("runs only the entry by its hash and what it loads ('strict-dynamic'): no 'self', no inline, no eval", () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes/)
    expect(directives.get('script-src')).toEqual([`'${scriptHash(new TextEncoder().encode(ENTRY))}'`, "'strict-dynamic'"])
  })

  it('fails closed: without a built index.html no script may run', async () => {
    const res = await createAppProtocolHandler(join(base, 'nowhere'))({ url: APP_ENTRY_URL, method: 'GET' })
    expect(res.headers.get('content-security-policy')).toContain("script-src 'strict-dynamic';")
  })

  it('names no remote origin and no wildcard', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/)
  })

  it('defaults to none and shuts objects, frames, base and forms', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
    for (const d of ['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src']) {
      expect(directives.get(d), d).toEqual(["'none'"])
    }
  })
})

describe('scheme privileges', () => {
  it('is standard and secure, and does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false })
  })
})
