// The user journeys, in real Chromium against the real handlers and SQLite.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchBrowser, type Browser } from './browser'
import { startTestServer, type TestServer } from './server'

const EXAMPLES = resolve(import.meta.dirname, '../../resources/examples')
let server: TestServer
let browser: Browser
let page: Page

async function listCount(): Promise<number> {
  const r = (await server.callApi('listPortfolios', {})) as { ok: true; value: unknown[] }
  return r.value.length
}

async function importExample(file: string): Promise<void> {
  const r = (await server.callApi('importScenario', { text: readFileSync(join(EXAMPLES, file), 'utf8'), fileName: file })) as { ok: boolean }
  expect(r.ok).toBe(true)
}

/** Drops a file onto the window as the OS would (a File in a DataTransfer). */
async function dropFile(name: string, text: string): Promise<void> {
  // A string, not a function: this file is type-checked without the DOM library.
  await page.evaluate(`(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'application/json' }));
    const target = document.querySelector('.app');
    target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  })()`)
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser(server)
  page = browser.page
  await page.goto(server.url)
  await page.getByRole('heading', { name: 'Margin Planner' }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('journeys', () => {
  it('creates a portfolio from scratch, validates as you type, compares and saves', async () => {
    await page.getByRole('button', { name: '+ New' }).click()
    await page.getByRole('tab', { name: 'Positions', exact: true }).waitFor()
    expect(await page.getByRole('tab', { name: 'Positions', exact: true }).getAttribute('aria-selected')).toBe('true')
    await page.getByRole('button', { name: '+ Add position' }).click()
    const qty = page.getByLabel('Position 1 quantity')
    await qty.fill('6.4e4')
    // The problem shows under the field; nothing is computed from the invalid plan.
    await expect.poll(() => page.locator('#err-account-positions-0--quantity').count()).toBeGreaterThan(0)
    expect(await page.locator('#err-account-positions-0--quantity').innerText()).toMatch(/decimal/)
    expect(await page.getByTestId('problem-count').innerText()).toMatch(/problem/)
    await qty.fill('0.5')
    await page.getByLabel('Position 1 entry price').fill('60000')
    await page.getByLabel('Position 1 leverage').fill('20')
    expect(await page.getByTestId('problem-count').count()).toBe(0)
    // The empty portfolio's verdict is already there: wait for the one computed from this position.
    await expect.poll(() => page.getByTestId('verdict').innerText()).toMatch(/Switching to Multi-Assets: worst margin ratio/)
    expect(await page.getByTestId('columns').innerText()).toMatch(/USDT/)
    const before = await listCount()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect.poll(() => page.getByText(/Saved "New portfolio"/).count()).toBe(1)
    expect(await listCount()).toBe(before)
    const saved = (await server.callApi('listPortfolios', {})) as { value: { id: number; revision: number }[] }
    expect(saved.value[0]!.revision).toBe(2)
    expect(browser.errors).toEqual([])
  })

  it('compares an example, drags a shock slider and sees the chart and both columns change', async () => {
    await importExample('btc-eth-collateral.mpscenario.json')
    await page.reload()
    await page.getByRole('button', { name: /BTC and ETH collateral/ }).click()
    await page.getByTestId('verdict').waitFor()
    await page.getByRole('tab', { name: 'Shock explorer', exact: true }).click()
    const canvas = page.locator('[data-testid="shock-chart"] canvas')
    await canvas.waitFor()
    await page.waitForTimeout(100)
    const chartBefore = await canvas.screenshot()
    const single = page.locator('[data-testid="columns"] tr[data-row="ratio"] td[data-col="single"]')
    const multi = page.locator('[data-testid="columns"] tr[data-row="ratio"] td[data-col="multi"]')
    const singleBefore = await single.innerText()
    const multiBefore = await multi.innerText()
    const slider = page.locator('input[data-asset="BTC"]')
    const box = (await slider.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 - (box.width * 0.3 * i) / 10, box.y + box.height / 2)
    await page.mouse.up()
    await page.getByTestId('shock-strip').waitFor()
    expect(await page.getByTestId('shock-strip').innerText()).toMatch(/BTC -\d/)
    await expect.poll(async () => (await single.innerText()) !== singleBefore).toBe(true)
    expect(await multi.innerText()).not.toBe(multiBefore)
    const chartAfter = await canvas.screenshot()
    expect(chartAfter.equals(chartBefore)).toBe(false)
    await page.getByRole('button', { name: 'Back to today' }).click()
    await expect.poll(() => single.innerText()).toBe(singleBefore)
    expect(browser.errors).toEqual([])
  })

  it('refuses a bad dropped file with each path error, leaving the library unchanged', async () => {
    const before = await listCount()
    const good = JSON.parse(readFileSync(join(EXAMPLES, 'btc-eth-collateral.mpscenario.json'), 'utf8')) as { account: { positions: { entryPrice: unknown; quantity: unknown }[] } }
    good.account.positions[0]!.entryPrice = 64000
    good.account.positions[0]!.quantity = 1
    await dropFile('broken.mpscenario.json', JSON.stringify(good, null, 2))
    const failure = page.getByTestId('import-failure')
    await failure.waitFor()
    const text = await failure.innerText()
    expect(text).toContain('broken.mpscenario.json')
    expect(text).toContain('account.positions[0].entryPrice')
    expect(text).toContain('account.positions[0].quantity')
    expect(await listCount()).toBe(before)
    await dropFile('not-json.mpscenario.json', '{ nope')
    await expect.poll(async () => (await failure.innerText()).includes('not-json.mpscenario.json')).toBe(true)
    expect(await listCount()).toBe(before)
  })

  it('exports a portfolio and imports the file again', async () => {
    await page.getByRole('button', { name: /BTC and ETH collateral/ }).first().click()
    await page.getByRole('button', { name: 'Export…' }).click()
    await expect.poll(() => readdirSync(server.exportDir).length).toBe(1)
    const file = join(server.exportDir, readdirSync(server.exportDir)[0]!)
    const text = readFileSync(file, 'utf8')
    expect(JSON.parse(text).format).toBe('margin-planner/scenario')
    const before = await listCount()
    server.queueOpen(file)
    await page.getByRole('button', { name: 'Import…' }).click()
    await expect.poll(() => listCount()).toBe(before + 1)
    // The re-imported copy opens (its toast comes once it is open) and compares like the original.
    await page.getByText(/^Imported ".*BTC and ETH collateral.*" from /).waitFor()
    await page.getByTestId('verdict').waitFor()
    const list = (await server.callApi('listPortfolios', {})) as { value: { id: number; name: string }[] }
    const copies = list.value.filter((p) => /BTC and ETH collateral/.test(p.name))
    expect(copies).toHaveLength(2)
    const texts = await Promise.all(copies.map(async (c) => ((await server.callApi('scenarioText', { id: c.id })) as { value: { text: string } }).value.text))
    expect(texts[0]).toBe(texts[1])
    writeFileSync(file, '')
  })

  it('restores an earlier revision', async () => {
    await page.getByRole('tab', { name: 'Balances', exact: true }).click()
    const wallet = page.getByLabel(/Balance 1 \(.*\) wallet/)
    const original = await wallet.inputValue()
    await wallet.fill('123')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect.poll(() => page.getByText(/saved · r2/).count()).toBe(1)
    await page.getByRole('button', { name: 'Restore revision 1' }).click()
    await expect.poll(() => wallet.inputValue()).toBe(original)
    await expect.poll(() => page.getByText(/saved · r3/).count()).toBe(1)
    expect(browser.errors).toEqual([])
  })

  it('guards unsaved changes when opening another portfolio', async () => {
    const wallet = page.getByLabel(/Balance 1 \(.*\) wallet/)
    await wallet.fill('999')
    await page.getByRole('button', { name: /New portfolio/ }).first().click()
    const dialog = page.getByRole('alertdialog')
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await wallet.inputValue()).toBe('999')
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.getByText('● unsaved').count()).toBe(0)
  })
})
