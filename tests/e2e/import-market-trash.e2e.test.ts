// The journeys of issue 4's second half, in real Chromium against the real handlers and SQLite:
// Import from Binance (files read as text; refused whole, then imported with its notes), the
// market panel (edit in place with inline validation; import a market file; apply a stored
// snapshot and reload), positions CSV (template, dry run with row errors, replace), the trash
// (restore, empty with a confirmation), a past revision read-only, and a save conflict.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchBrowser, type Browser } from './browser'
import { startTestServer, type TestServer } from './server'

const FIXTURES = resolve(import.meta.dirname, '../fixtures')
const store = (f: string): string => join(FIXTURES, 'store', f)
const imp = (f: string): string => join(FIXTURES, 'import', f)
let server: TestServer
let browser: Browser
let page: Page

type Summary = { id: number; name: string; revision: number }
/** The row actions show on hover or focus, as for a mouse user. */
async function deleteFromLibrary(name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(name.replace(/[()]/g, '\\$&')) }).first().hover()
  await page.getByRole('button', { name: `Delete ${name}`, exact: true }).click()
}
async function list(trash = false): Promise<Summary[]> {
  return ((await server.callApi('listPortfolios', trash ? { trash: true } : {})) as { value: Summary[] }).value
}
async function scenarioOf(id: number): Promise<{ account: { positions: { symbol: string; quantity: string }[] }; market: { symbols: Record<string, { markPrice: string }> } }> {
  const r = (await server.callApi('scenarioText', { id })) as { value: { text: string } }
  return JSON.parse(r.value.text)
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser(server)
  page = browser.page
  page.setDefaultTimeout(10000)
  await page.goto(server.url)
  await page.getByRole('heading', { name: 'Margin Planner' }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('import from Binance, market data, CSV, trash, revisions, conflicts', () => {
  it('imports a Binance account from its files: refused whole without market data, then opened with its notes', async () => {
    await page.getByRole('button', { name: 'Import from Binance…' }).first().click()
    const dialog = page.getByTestId('binance-import')
    await dialog.waitFor()
    await page.getByTestId('bin-account').setInputFiles(store('account-v2.json'))
    await page.getByTestId('bin-risk').setInputFiles(store('positionRisk-v2.json'))
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    const failure = page.getByTestId('binance-failure')
    await failure.waitFor()
    expect(await failure.innerText()).toContain('market.symbols.BTCUSDT.brackets')
    expect(await list()).toHaveLength(0)

    await page.getByTestId('bin-market').setInputFiles([store('brackets-binance.json'), store('assetIndex.json')])
    await page.locator('#bin-name').fill('My Binance')
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    const notes = page.getByTestId('import-notes')
    await notes.waitFor()
    expect(await notes.innerText()).toContain('mark price 61000 from positionRisk')
    await page.getByTestId('verdict').waitFor()
    expect((await list()).map((p) => p.name)).toEqual(['My Binance'])
    const ladder = page.getByTestId('ladder')
    expect(await ladder.innerText()).toContain('BTCUSDT')
    // Binance's own liquidation price ("0" in positionRisk: none, shown "--") beside ours, flagged.
    expect(await ladder.innerText()).toMatch(/Binance liq\./i)
    expect(await ladder.locator('td[data-col="binance"]').innerText()).toMatch(/--\s*≠ ours/)
    expect(browser.errors).toEqual([])
  })

  it('edits marks and buffers in place with inline validation, imports a market file and applies a snapshot', async () => {
    await page.getByRole('tab', { name: 'Market data', exact: true }).click()
    const mark = page.getByLabel('BTCUSDT mark price')
    const single = page.locator('[data-testid="columns"] tr[data-row="ratio"] td[data-col="single"]')
    const before = await single.innerText()
    await mark.fill('abc')
    await expect.poll(() => page.locator('#err-market-symbols-BTCUSDT-markPrice').count()).toBe(1)
    expect(await page.locator('#err-market-symbols-BTCUSDT-markPrice').innerText()).toMatch(/decimal/)
    expect(await page.getByTestId('problem-count').innerText()).toMatch(/problem/)
    // The last valid comparison stays visible.
    expect(await single.innerText()).toBe(before)
    await mark.fill('55000')
    await expect.poll(() => single.innerText()).not.toBe(before)
    const buffer = page.getByLabel('BTC bid buffer')
    await buffer.fill('1.5')
    await expect.poll(() => page.getByTestId('problem-count').count()).toBe(1)
    await buffer.fill('0.1')
    await expect.poll(() => page.getByTestId('problem-count').count()).toBe(0)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect.poll(() => page.getByText(/saved · r2/).count()).toBe(1)
    const id = (await list())[0]!.id
    expect((await scenarioOf(id)).market.symbols.BTCUSDT!.markPrice).toBe('55000')

    // A market file through the panel's file input: refused whole with its path, then a good one.
    await page.getByTestId('market-file').setInputFiles(imp('bad-bracket-cum.json'))
    const reports = page.getByTestId('market-import-reports')
    await expect.poll(async () => (await reports.innerText()).includes('Refused bad-bracket-cum.json')).toBe(true)
    await page.getByTestId('market-file').setInputFiles(imp('premium-index-all.json'))
    await expect.poll(async () => (await reports.innerText()).includes('Imported premium-index-all.json')).toBe(true)
    const snapshots = page.getByRole('table', { name: 'Stored market snapshots' })
    await expect.poll(() => snapshots.locator('tbody tr').count()).toBe(3)
    await page.getByRole('button', { name: /^Apply premiumIndex .*premium-index-all/ }).first().click()
    await page.getByTestId('apply-report').waitFor()
    expect(await page.getByTestId('apply-report').innerText()).toContain('BTCUSDT')
    // Reloaded from the library: the mark from the snapshot, a new revision.
    await expect.poll(() => mark.inputValue()).toBe('61000.1')
    await expect.poll(() => page.getByText(/saved · r3/).count()).toBe(1)
    expect((await scenarioOf(id)).market.symbols.BTCUSDT!.markPrice).toBe('61000.1')
    expect(browser.errors).toEqual([])
  })

  it('imports positions from a CSV: template, dry run with row errors, then replace', async () => {
    await page.getByRole('tab', { name: 'Positions', exact: true }).click()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Download CSV template' }).click()
    const d = await download
    expect(d.suggestedFilename()).toMatch(/\.csv$/)
    const id = (await list())[0]!.id
    const header = 'symbol,side,quantity,entryPrice,leverage,marginType,isolatedWallet'
    await page.getByTestId('csv-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nBTCUSDT,long,abc,60000,20,cross,\n`) })
    const preview = page.getByTestId('csv-preview')
    await preview.waitFor()
    await expect.poll(() => page.getByTestId('csv-problems').count()).toBe(1)
    expect(await page.getByTestId('csv-problems').innerText()).toMatch(/quantity/i)
    expect(await preview.getByRole('button', { name: 'Replace positions' }).isDisabled()).toBe(true)
    await preview.getByRole('button', { name: 'Cancel' }).click()

    await page.getByTestId('csv-file').setInputFiles({ name: 'book.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nBTCUSDT,long,0.5,59000,10,cross,\n`) })
    await expect.poll(async () => (await preview.innerText()).includes('1 changed')).toBe(true)
    expect((await scenarioOf(id)).account.positions[0]!.quantity).toBe('0.8')
    await preview.getByRole('button', { name: 'Replace positions' }).click()
    await expect.poll(() => page.getByLabel('Position 1 quantity').inputValue()).toBe('0.5')
    expect((await scenarioOf(id)).account.positions[0]!.quantity).toBe('0.5')
    expect(browser.errors).toEqual([])
  })

  it('views a past revision read-only, then restores it', async () => {
    await page.getByRole('button', { name: 'View revision 1' }).click()
    const view = page.getByTestId('revision-view')
    await view.waitFor()
    expect(await view.innerText()).toMatch(/Revision 1/)
    expect(await view.innerText()).toMatch(/read-only/)
    expect(await view.getByTestId('verdict').count()).toBe(1)
    expect(await view.locator('input').count()).toBe(0)
    await page.keyboard.press('Escape')
    await view.waitFor({ state: 'detached' })
    expect(browser.errors).toEqual([])
  })

  it('resolves a save conflict: keep mine as a copy', async () => {
    const id = (await list())[0]!.id
    // Saved elsewhere (another window, the CLI) after this window opened it.
    const current = (await server.callApi('getPortfolio', { id })) as { value: { scenario: { name: string } } }
    const other = (await server.callApi('savePortfolio', { id, scenario: { ...current.value.scenario, notes: 'saved elsewhere' } })) as { ok: boolean }
    expect(other.ok).toBe(true)
    await page.getByRole('tab', { name: 'Positions', exact: true }).click()
    await page.getByLabel('Position 1 quantity').fill('0.7')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    const dialog = page.getByRole('alertdialog')
    await dialog.waitFor()
    expect(await dialog.innerText()).toMatch(/saved elsewhere/)
    await dialog.getByRole('button', { name: 'Keep mine as a copy' }).click()
    await expect.poll(async () => (await list()).map((p) => p.name).sort()).toEqual(['My Binance', 'My Binance (my copy)'])
    const copy = (await list()).find((p) => p.name === 'My Binance (my copy)')!
    expect((await scenarioOf(copy.id)).account.positions[0]!.quantity).toBe('0.7')
    expect((await scenarioOf(id)).account.positions[0]!.quantity).toBe('0.5')
    expect(browser.errors).toEqual([])
  })

  it('deletes to the trash, restores, and empties the trash after a confirmation', async () => {
    await deleteFromLibrary('My Binance (my copy)')
    await expect.poll(async () => (await list(true)).length).toBe(1)
    await page.getByRole('button', { name: /Trash \(1\)/ }).click()
    await page.getByRole('button', { name: 'Restore My Binance (my copy) from the trash' }).click()
    await expect.poll(async () => (await list()).length).toBe(2)
    await expect.poll(() => page.getByRole('button', { name: /Trash \(0\)/ }).count()).toBe(1)
    await deleteFromLibrary('My Binance (my copy)')
    await expect.poll(() => page.getByRole('button', { name: /Trash \(1\)/ }).count()).toBe(1)
    await page.getByRole('button', { name: 'Empty trash…' }).click()
    const dialog = page.getByRole('alertdialog')
    await dialog.waitFor()
    expect(await dialog.innerText()).toMatch(/cannot be undone/)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await list(true)).toHaveLength(1)
    await page.getByRole('button', { name: 'Empty trash…' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: /Delete 1 for good/ }).click()
    await expect.poll(async () => (await list(true)).length).toBe(0)
    expect(await list()).toHaveLength(1)
    expect(browser.errors).toEqual([])
  })
})
