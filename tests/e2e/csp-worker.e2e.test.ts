// The slider worker under the app's real header CSP (main's CONTENT_SECURITY_POLICY, sent with the
// page and the worker script as app:// does): the worker runs when the policy allows
// `worker-src 'self'`; if it does not, the store falls back to computing in the page and the
// shock explorer still works (only the CSP report shows in the console).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type Browser } from './browser'
import { startTestServer, type TestServer } from './server'

// Loaded by path: main's module is type-checked with Node's types, not in this DOM project.
const APP_PROTOCOL = resolve(import.meta.dirname, '../../src/main/app-protocol.ts')
const { CONTENT_SECURITY_POLICY } = (await import(APP_PROTOCOL)) as { CONTENT_SECURITY_POLICY: string }
const allowsWorker = /worker-src 'self'/.test(CONTENT_SECURITY_POLICY)
let server: TestServer
let browser: Browser

beforeAll(async () => {
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
})
