// The hash-based CSP (renderer-csp.ts): the build step hashes the entry script of the built
// index.html and writes integrity + meta policy; main reads the same hashes back. Checked against
// the real build output when there is one (npm test builds it for the e2e suite).
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, entryScriptHashes, rendererContentSecurityPolicy, scriptHash, withScriptHashes } from '../../src/main/renderer-csp'

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
const SOURCE = `<!doctype html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'strict-dynamic'" />
<script type="module" crossorigin src="./assets/index-1.js"></script><link rel="stylesheet" href="./assets/a.css"></head>`

describe('renderer CSP', () => {
  it('hashes each module entry script with sha384, as SRI and CSP both write it', () => {
    const expected = `sha384-${createHash('sha384').update('let a = 1').digest('base64')}`
    expect(scriptHash(bytes('let a = 1'))).toBe(expected)
    const html = withScriptHashes(SOURCE, (src) => {
      expect(src).toBe('./assets/index-1.js')
      return bytes('let a = 1')
    })
    expect(html).toContain(`<script type="module" crossorigin src="./assets/index-1.js" integrity="${expected}"></script>`)
    expect(html).toContain(`content="${contentSecurityPolicy([expected], { meta: true })}"`)
    expect(entryScriptHashes(html)).toEqual([expected])
  })

  it('the meta policy is the header policy without frame-ancestors (which a <meta> may not carry)', () => {
    const header = contentSecurityPolicy(['sha384-abc'])
    const meta = contentSecurityPolicy(['sha384-abc'], { meta: true })
    expect(header.replace("; frame-ancestors 'none'", '')).toBe(meta)
    expect(header).toContain("script-src 'sha384-abc' 'strict-dynamic'; ")
    expect(header).toContain("object-src 'none'; base-uri 'none'")
    expect(header).toContain("worker-src 'self'")
    // Trusted Types: Vue's policy and our default (same-origin script URLs) only.
    expect(header).toMatch(/; require-trusted-types-for 'script'; trusted-types vue default$/)
  })

  it('refuses to build without a meta CSP to fill, and ignores anything that is not a hash', () => {
    expect(() => withScriptHashes('<script type="module" src="./a.js"></script>', () => bytes(''))).toThrow(/no <meta/)
    expect(contentSecurityPolicy(["sha384-x' 'unsafe-inline", 'self'])).toContain("script-src 'strict-dynamic';")
  })

  it.skipIf(!existsSync(resolve(import.meta.dirname, '../../out/renderer/index.html')))('matches the real build: the integrity is the hash of the entry file that ships', () => {
    const dir = resolve(import.meta.dirname, '../../out/renderer')
    const html = readFileSync(resolve(dir, 'index.html'), 'utf8')
    const src = /<script type="module" crossorigin src="([^"]+)"/.exec(html)![1]!
    const hash = scriptHash(readFileSync(resolve(dir, src)))
    expect(entryScriptHashes(html)).toEqual([hash])
    expect(rendererContentSecurityPolicy(dir)).toBe(contentSecurityPolicy([hash]))
    expect(html).toContain(contentSecurityPolicy([hash], { meta: true }))
  })
})
