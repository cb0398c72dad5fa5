// The slider worker under the app's real header CSP: main's policy as main computes it from the
// built index.html (renderer-csp.ts: the entry script by its sha384 hash, 'strict-dynamic' for
// what it loads), sent with the page and the worker script as app:// does, on top of the
// <meta> CSP the build wrote. The entry must run (the app renders), the worker must start
// (worker-src 'self'), and no CSP violation may show in the console.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type Browser } from './browser'
import { RENDERER_DIR, startTestServer, type TestServer } from './server'

// Loaded by path: main's module is type-checked with Node's types, not in this DOM project.
const RENDERER_CSP = resolve(import.meta.dirname, '../../src/main/renderer-csp.ts')
const { rendererContentSecurityPolicy } = (await import(RENDERER_CSP)) as { rendererContentSecurityPolicy: (dir: string) => string }
const CONTENT_SECURITY_POLICY = rendererContentSecurityPolicy(RENDERER_DIR)
const allowsWorker = /worker-src 'self'/.test(CONTENT_SECURITY_POLICY)
let server: TestServer
let browser: Browser

beforeAll(async () => {
  // The policy holds the hash of the built entry, not a fallback that would let any script run.
  expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'sha384-[A-Za-z0-9+/]+={0,2}' 'strict-dynamic';/)
  server = await startTestServer({ headerCsp: CONTENT_SECURITY_POLICY })
  const text = readFileSync(resolve(import.meta.dirname, '../../resources/examples/btc-eth-collateral.mpscenario.json'), 'utf8')
  expect(((await server.callApi('importScenario', { text, fileName: 'btc-eth.mpscenario.json' })) as { ok: boolean }).ok).toBe(true)
  browser = await launchBrowser(server)
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('slider worker under the app CSP', () => {
  it(`moves both columns with the slider (${allowsWorker ? 'in the worker' : "inline: main's CSP has no worker-src 'self'"})`, async () => {
    const page = browser.page
    await page.goto(server.url)
    await page.getByRole('button', { name: /BTC and ETH collateral/ }).click()
    await page.getByTestId('verdict').waitFor()
    await page.getByRole('tab', { name: 'Shock explorer', exact: true }).click()
    const single = page.locator('[data-testid="columns"] tr[data-row="ratio"] td[data-col="single"]')
    const before = await single.innerText()
    await page.locator('input[data-asset="BTC"]').fill('-20')
    await page.getByTestId('shock-strip').waitFor()
    await expect.poll(async () => (await single.innerText()) !== before).toBe(true)
    const columns = page.getByTestId('columns')
    await expect.poll(() => columns.getAttribute('data-worker')).toBe(allowsWorker ? '1' : '0')
    const other = browser.errors.filter((e) => !/violates the following Content Security Policy directive: "worker-src/.test(e))
    expect(other).toEqual([])
    if (allowsWorker) expect(browser.errors).toEqual([])
  })

  it('runs nothing when the entry does not match the hash (a changed file, or a policy from another build)', async () => {
    const other = await startTestServer({ headerCsp: CONTENT_SECURITY_POLICY.replace(/'sha384-[^']+'/, `'sha384-${'A'.repeat(64)}'`) })
    const tampered = await launchBrowser(other)
    try {
      await tampered.page.goto(other.url)
      await expect.poll(() => tampered.errors.some((e) => /Content Security Policy/.test(e))).toBe(true)
      expect(await tampered.page.locator('#app').innerHTML()).toBe('')
    } finally {
      await tampered.close()
      await other.close()
    }
  })
})
