// Keyboard alone (issue 11): no click anywhere in this file. A journey — open a portfolio, move a
// shock slider, add a position, save — and the dialogs: focus moves in, Tab and Shift+Tab stay
// inside, Escape closes and focus returns to the control that opened it.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchBrowser, type Browser } from './browser'
import { startTestServer, type TestServer } from './server'

const EXAMPLES = resolve(import.meta.dirname, '../../resources/examples')
let server: TestServer
let browser: Browser
let page: Page
let deskId = 0

/** Presses Tab (or Shift+Tab) until the focused element matches `test` (a JS expression on `el`). */
async function tabTo(test: string, what: string, options: { back?: boolean; max?: number } = {}): Promise<void> {
  for (let i = 0; i < (options.max ?? 250); i++) {
    if (await page.evaluate(`(() => { const el = document.activeElement; return !!el && (${test}); })()`)) return
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Tab never reached ${what}`)
}
const focusedInside = (selector: string): Promise<boolean> => page.evaluate(`!!document.activeElement && !!document.activeElement.closest(${JSON.stringify(selector)})`) as Promise<boolean>
const focusedText = (): Promise<string> => page.evaluate(`(document.activeElement && (document.activeElement.getAttribute('aria-label') || document.activeElement.textContent || '')).trim()`) as Promise<string>

beforeAll(async () => {
  server = await startTestServer()
  const file = 'hedge-mode-isolated-blocked.mpscenario.json'
  const r = (await server.callApi('importScenario', { text: readFileSync(join(EXAMPLES, file), 'utf8'), fileName: file })) as { ok: boolean; value: { portfolio: { id: number } } }
  expect(r.ok).toBe(true)
  deskId = r.value.portfolio.id
  browser = await launchBrowser(server, { width: 1280, height: 800 })
  page = browser.page
  await page.goto(server.url)
  await page.getByRole('heading', { name: 'Margin Planner' }).waitFor()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('keyboard only', () => {
  it('opens a portfolio, moves a slider, adds a position and saves', async () => {
    // Open: "/" jumps to the library search; type, Tab to the portfolio, Enter.
    await page.keyboard.press('/')
    expect(await page.evaluate('document.activeElement.id')).toBe('library-search')
    await page.keyboard.type('Hedge-mode')
    await tabTo(`el.matches('button.open') && /Hedge-mode desk/.test(el.textContent)`, 'the portfolio in the library')
    await page.keyboard.press('Enter')
    await page.getByTestId('verdict').waitFor()

    // A slider: Alt+2 is the shock explorer; Tab to the all-crypto slider, arrow keys move it.
    await page.keyboard.press('Alt+2')
    await page.getByTestId('shock-chart').waitFor()
    await tabTo(`el.matches('input[type=range][data-asset="*"]')`, 'the all-crypto slider')
    for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown')
    await page.getByTestId('shock-strip').waitFor()
    expect(Number(await page.locator('input[data-asset="*"]').inputValue())).toBeLessThan(0)
    await page.keyboard.press('Home')

    // A position: Alt+5 is the Positions tab; "+ Add position" puts the cursor in the new row.
    await page.keyboard.press('Alt+5')
    await tabTo(`el.matches('button.add')`, '+ Add position')
    await page.keyboard.press('Enter')
    await expect.poll(focusedText).toBe('Position 5 symbol')
    await page.keyboard.press('Control+a')
    await page.keyboard.type('ETHUSDT')
    await page.keyboard.press('Tab') // side
    await page.keyboard.press('Tab')
    await page.keyboard.type('2')
    await page.keyboard.press('Tab')
    await page.keyboard.type('2050')
    await page.getByTestId('verdict').waitFor()
    await expect.poll(() => page.getByTestId('problem-count').count()).toBe(0)

    // Save: Ctrl+S.
    await page.keyboard.press('Control+s')
    const revision = async (): Promise<number | undefined> => ((await server.callApi('listPortfolios', {})) as { value: { id: number; revision: number }[] }).value.find((p) => p.id === deskId)?.revision
    await expect.poll(revision).toBe(2)
    const saved = (await server.callApi('getPortfolio', { id: deskId })) as { value: { scenario: { account: { positions: { symbol: string; quantity: string; entryPrice: string }[] } } } }
    expect(saved.value.scenario.account.positions.at(-1)).toMatchObject({ symbol: 'ETHUSDT', quantity: '2', entryPrice: '2050' })
    expect(browser.errors).toEqual([])
  })

  it('traps focus in the Binance import dialog and gives it back on Escape', async () => {
    await page.keyboard.press('/')
    await tabTo(`el.matches('button.binance')`, 'Import from Binance…')
    await page.keyboard.press('Enter')
    await page.getByTestId('binance-import').waitFor()
    expect(await focusedInside('[data-testid="binance-import"]')).toBe(true)
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab')
      expect(await focusedInside('[data-testid="binance-import"]')).toBe(true)
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab')
      expect(await focusedInside('[data-testid="binance-import"]')).toBe(true)
    }
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('binance-import').count()).toBe(0)
    expect(await page.evaluate(`document.activeElement.matches('button.binance')`)).toBe(true)
  })

  it('traps focus in a confirm dialog and gives it back', async () => {
    // An unsaved edit, then "+ New" from the keyboard: the unsaved-changes question.
    await page.keyboard.press('Alt+4')
    await tabTo(`el.matches('input') && /name/i.test(el.getAttribute('aria-label') || '')`, 'the portfolio name')
    await page.keyboard.type(' (edited)')
    await page.keyboard.press('/')
    await tabTo(`el.matches('button') && el.textContent.trim() === '+ New'`, '+ New')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('alertdialog', { name: 'Unsaved changes' })
    await dialog.waitFor()
    expect(await focusedText()).toBe('Save')
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab')
      expect(await focusedInside('[role="alertdialog"]')).toBe(true)
    }
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    expect(await focusedText()).toBe('+ New')
  })

  it('opens an explanation from a figure and returns to it on Escape', async () => {
    await tabTo(`el.matches('[data-row="balance"] td[data-col="multi"] button.figure')`, 'the Multi-Assets equity figure')
    const figure = await focusedText()
    await page.keyboard.press('Enter')
    await page.getByTestId('explain').waitFor()
    expect(await focusedInside('[data-testid="explain"]')).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('explain').count()).toBe(0)
    expect(await focusedText()).toBe(figure)
  })

  it('switches the shock chart to a table and back', async () => {
    await page.keyboard.press('Alt+2')
    await tabTo(`el.matches('[data-testid="chart-as-table"]')`, 'Show as table')
    await page.keyboard.press('Enter')
    const table = page.getByTestId('sweep-table')
    await table.waitFor()
    // The same data as the chart: 201 moves from −50% to +50%, a column per line, where each reaches 100%.
    expect(await table.locator('tbody tr').count()).toBe(201)
    expect(await table.locator('tbody tr').first().locator('th').innerText()).toBe('−50.0%')
    expect(await table.locator('caption').innerText()).toMatch(/reaches 100% at/)
    expect(await page.getByTestId('chart-as-table').getAttribute('aria-pressed')).toBe('true')
    await page.keyboard.press('Enter')
    await expect.poll(() => table.count()).toBe(0)
    expect(browser.errors).toEqual([])
  })
})
