// Issue 9 in the app, in real Chromium against the real handlers and SQLite: open orders edited
// in place, a plan with a refused and an accepted trade and the Now | After the plan toggle, max
// open in both columns, the funding rates and the horizon card. Screenshots go to
// test-results/screenshots (ignored).
import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { parseScenario, type Scenario } from '../../src/shared/scenario'
import { launchBrowser, type Browser } from './browser'
import { startTestServer, type TestServer } from './server'

const ROOT = resolve(import.meta.dirname, '../..')
const SHOTS = resolve(ROOT, 'test-results/screenshots')
const FIXTURE = join(ROOT, 'tests/fixtures/plan/plan-journey.mpscenario.json')
let server: TestServer
let browser: Browser
let page: Page
let id: number

function fixture(): Scenario {
  const parsed = parseScenario(readFileSync(FIXTURE, 'utf8'))
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

async function openFixture(): Promise<void> {
  await page.goto(server.url)
  await page.getByRole('button', { name: /Plan journey/ }).click()
  await page.getByTestId('verdict').waitFor()
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  server = await startTestServer()
  id = await server.createPortfolio(fixture())
  browser = await launchBrowser(server)
  page = browser.page
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('plan journeys (issue 9)', () => {
  it('a plan: the ETHUSDC buy is refused in Single-Asset (−2019) and fills in Multi-Assets; the verdict says so first; Now | After the plan', async () => {
    await openFixture()
    const verdict = await page.getByTestId('verdict').innerText()
    expect(verdict).toMatch(/^.*The plan: Buy 2 ETHUSDC at mark, taker, 5x is refused in Single-Asset Mode for lack of USDC margin \(−2019\); in Multi-Assets Mode it fills and the plan leaves [\d.]+% margin ratio\. Switching to Multi-Assets/s)
    await page.getByRole('tab', { name: 'Plan', exact: true }).click()
    const first = page.getByTestId('plan-step-0')
    expect(await first.locator('[data-mode="singleAsset"]').innerText()).toMatch(/✗\s*Single-Asset\s*−2019 margin is insufficient: needs 820\.12 USDC, has 300\.00/)
    expect(await first.locator('[data-mode="multiAssets"]').innerText()).toMatch(/✓\s*Multi-Assets\s*fee 2\.05 USDC, margin 820\.12 USDC/)
    expect(await page.getByTestId('plan-step-1').innerText()).toMatch(/Pay or receive 3 days \(72 h\) of funding/)
    await page.screenshot({ path: join(SHOTS, 'plan-tab.png') })

    // Now | After the plan: both columns switch; a second line gives each figure now.
    const columns = page.getByTestId('columns')
    expect(await columns.getByTestId('from-now').count()).toBe(0)
    const multiNow = await columns.locator('tr[data-row="balance"] td[data-col="multi"] .line').first().innerText()
    await page.getByRole('radio', { name: 'After the plan' }).click()
    await expect.poll(() => columns.getByTestId('from-now').count()).toBeGreaterThan(4)
    const multiAfter = await columns.locator('tr[data-row="balance"] td[data-col="multi"] .line').first().innerText()
    expect(multiAfter).not.toBe(multiNow)
    expect(await columns.locator('tr[data-row="balance"] td[data-col="multi"] [data-testid="from-now"]').innerText()).toContain(`now ${multiNow.split('\n')[0]!.replace(/i$/, '').trim()}`)
    // The switch is made now: its panel says so while the columns show the plan's end.
    expect(await page.getByTestId('switch-now').innerText()).toBe('Now, before the plan (the columns show after it).')
    await page.screenshot({ path: join(SHOTS, 'plan-after.png') })
    await page.getByRole('radio', { name: 'Now' }).focus()
    await page.getByRole('radio', { name: 'After the plan' }).press('ArrowLeft')
    expect(await page.getByRole('radio', { name: 'Now' }).getAttribute('aria-checked')).toBe('true')
    expect(await columns.getByTestId('from-now').count()).toBe(0)
    expect(await page.getByTestId('switch-now').count()).toBe(0)
    expect(browser.errors).toEqual([])
  })

  it('the bundled example usdc-trade-needs-multi-assets: the verdict says the mode decides, the Plan tab shows why', async () => {
    const file = 'usdc-trade-needs-multi-assets.mpscenario.json'
    const r = (await server.callApi('importScenario', { text: readFileSync(join(ROOT, 'resources/examples', file), 'utf8'), fileName: file })) as { ok: boolean }
    expect(r.ok).toBe(true)
    await page.goto(server.url)
    await page.getByRole('button', { name: /A USDC trade that only fills/ }).click()
    await page.getByTestId('verdict').waitFor()
    expect(await page.getByTestId('verdict').innerText()).toMatch(/^.*The plan: Buy 2 ETHUSDC .* is refused in Single-Asset Mode for lack of USDC margin \(−2019\); in Multi-Assets Mode it fills and the plan leaves [\d.]+% margin ratio\./s)
    await page.getByRole('tab', { name: 'Plan', exact: true }).click()
    expect(await page.getByTestId('plan-step-0').locator('[data-mode="singleAsset"]').innerText()).toMatch(/✗[\s\S]*−2019 margin is insufficient: needs [\d,.]+ USDC, has 250\.00/)
    expect(browser.errors).toEqual([])
  })

  it('adds a deposit, moves it first with the keyboard: the trade now fills in both modes; saved with the portfolio; undo restores', async () => {
    await openFixture()
    await page.getByRole('tab', { name: 'Plan', exact: true }).click()
    await page.getByLabel('Step kind').selectOption('transfer')
    await page.getByLabel('Transfer asset').selectOption('USDC')
    await page.getByLabel('Transfer amount').fill('abc')
    await page.getByRole('button', { name: '+ Add step' }).click()
    expect(await page.locator('#err-plan-form-amount').innerText()).toMatch(/signed amount/)
    await page.getByLabel('Transfer amount').fill('1000')
    await page.getByRole('button', { name: '+ Add step' }).click()
    await page.getByTestId('plan-step-3').waitFor()
    expect(await page.getByTestId('plan-step-3').innerText()).toMatch(/Deposit 1,000 USDC/)
    for (const n of [4, 3, 2]) await page.getByRole('button', { name: `Move step ${n} up` }).press('Enter')
    await expect.poll(() => page.getByTestId('plan-step-0').innerText()).toMatch(/Deposit 1,000 USDC/)
    await expect.poll(() => page.getByTestId('plan-step-1').locator('[data-mode="singleAsset"]').innerText()).toMatch(/✓/)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect.poll(() => page.getByText(/Saved "Plan journey/).count()).toBe(1)
    const saved = (await server.callApi('getPortfolio', { id })) as { value: { scenario: Scenario } }
    expect(saved.value.scenario.plan?.map((s) => s.kind)).toEqual(['transfer', 'trade', 'funding', 'trade'])
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.getByTestId('plan-step-0').innerText()).not.toMatch(/Deposit/)
    await page.getByRole('button', { name: 'Delete step 1' }).click()
    await expect.poll(() => page.getByTestId('plan-step-0').innerText()).toMatch(/Deposit|funding/)
    expect(browser.errors).toEqual([])
  })

  it('drag a step to reorder it; the plan tab, orders and cards pass axe-core (labels, roles, contrast)', async () => {
    await openFixture()
    await page.getByRole('tab', { name: 'Plan', exact: true }).click()
    const sentence = async (i: number): Promise<string> => page.getByTestId(`plan-step-${i}`).locator('.sentence').innerText()
    const [first, third] = [await sentence(0), await sentence(2)]
    await page.getByTestId('plan-step-2').dragTo(page.getByTestId('plan-step-0'))
    await expect.poll(() => sentence(0)).toBe(third)
    expect(await sentence(1)).toBe(first)
    await page.keyboard.press('Control+z')
    await expect.poll(() => sentence(0)).toBe(first)
    await auditPlanScreens(page)
    expect(browser.errors).toEqual([])
    // The same audit in dark mode (contrast differs).
    const dark = await launchBrowser(server, { colorScheme: 'dark' })
    try {
      await dark.page.goto(server.url)
      await dark.page.getByRole('button', { name: /Plan journey/ }).click()
      await dark.page.getByTestId('verdict').waitFor()
      await dark.page.getByRole('tab', { name: 'Plan', exact: true }).click()
      await auditPlanScreens(dark.page)
      expect(dark.errors).toEqual([])
    } finally {
      await dark.close()
    }
  })

  /** axe-core over the new screens, evaluated in the page (not a script tag: the CSP allows none). */
  async function auditPlanScreens(page: Page): Promise<void> {
    await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'))
    type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] }
    const audit = async (selector: string): Promise<string[]> => {
      const options = JSON.stringify({ resultTypes: ['violations'] })
      const r = (await page.evaluate(`axe.run(document.querySelector(${JSON.stringify(selector)}), ${options})`)) as AxeResult
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    }
    expect(await audit('[data-testid="plan-panel"]')).toEqual([])
    expect(await audit('[data-testid="plan-toggle"]')).toEqual([])
    expect(await audit('[data-testid="max-open"]')).toEqual([])
    expect(await audit('[data-testid="funding-horizon"]')).toEqual([])
    await page.getByRole('tab', { name: 'Positions', exact: true }).click()
    expect(await audit('[data-testid="open-orders-editor"]')).toEqual([])
    await page.getByRole('tab', { name: 'Market data', exact: true }).click()
    expect(await audit('[data-testid="funding-rates"]')).toEqual([])
    await page.getByRole('tab', { name: 'Plan', exact: true }).click()
  }

  it('open orders sit under their symbol, stop orders greyed, edited in place with errors under the field', async () => {
    await openFixture()
    await page.getByRole('tab', { name: 'Positions', exact: true }).click()
    const editor = page.getByTestId('open-orders-editor')
    const btc = editor.locator('tbody[data-symbol="BTCUSDT"]')
    expect(await btc.locator('tr.group').innerText()).toMatch(/BTCUSDT.*long 0\.06 @ 68,400, 20x/s)
    expect(await btc.locator('tr.stop').count()).toBe(1)
    expect(await btc.locator('tr.stop').innerText()).toMatch(/holds no margin/)
    await page.getByLabel('Order 1 price').fill('66,000')
    await expect.poll(() => page.locator('#err-account-openOrders-0--price').innerText()).toMatch(/decimal/)
    expect(await page.getByTestId('problem-count').innerText()).toMatch(/problem/)
    await page.getByLabel('Order 1 price').fill('65000')
    await expect.poll(() => page.getByTestId('problem-count').count()).toBe(0)
    await page.getByRole('button', { name: '+ Add open order' }).click()
    await page.getByLabel('Order 3 symbol').selectOption('ETHUSDC')
    await page.getByLabel('Order 3 quantity').fill('1')
    await page.getByLabel('Order 3 price').fill('1900')
    // ETHUSDC has no position: the reader asks for the order's leverage, under its field.
    await expect.poll(() => page.getByTestId('problem-count').count()).toBeGreaterThan(0)
    await page.getByLabel('Order 3 leverage').fill('5')
    await expect.poll(() => page.getByTestId('problem-count').count()).toBe(0)
    expect(await editor.locator('tbody[data-symbol="ETHUSDC"] tr.group').innerText()).toMatch(/no position/)
    await page.screenshot({ path: join(SHOTS, 'open-orders.png'), fullPage: true })
    expect(browser.errors).toEqual([])
  })

  it('Import from Binance… takes the open orders file: the new portfolio lists them under their symbol, and the switch is blocked (−4170)', async () => {
    const store = (f: string): string => join(ROOT, 'tests/fixtures/store', f)
    // Market data first, as a user would import it (ETHUSDT's mark from a premiumIndex response).
    const marks = JSON.stringify([{ symbol: 'ETHUSDT', markPrice: '3100.00', indexPrice: '3099.50', time: 1772668800000 }])
    for (const [text, fileName] of [[readFileSync(store('brackets-binance.json'), 'utf8'), 'brackets-binance.json'], [readFileSync(store('assetIndex.json'), 'utf8'), 'assetIndex.json'], [marks, 'premiumIndex.json']]) {
      expect(((await server.callApi('importMarket', { text, fileName })) as { ok: boolean }).ok).toBe(true)
    }
    await page.goto(server.url)
    await page.getByRole('button', { name: 'Import from Binance…' }).first().click()
    const dialog = page.getByTestId('binance-import')
    await page.getByTestId('bin-account').setInputFiles(store('account-v2.json'))
    await page.getByTestId('bin-risk').setInputFiles(store('positionRisk-v2.json'))
    await page.getByLabel(/Open orders/).setInputFiles(store('openOrders.json'))
    await page.locator('#bin-name').fill('Binance with orders')
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByTestId('verdict').waitFor()
    expect(await page.getByTestId('verdict').innerText()).toMatch(/Blocked until open orders are cancelled/)
    await page.getByRole('tab', { name: 'Positions', exact: true }).click()
    // The file's live BTCUSDT orders (a limit buy, a reduce-only limit sell, a stop) and the ETHUSDT buy.
    const editor = page.getByTestId('open-orders-editor')
    const btc = editor.locator('tbody[data-symbol="BTCUSDT"]')
    expect(await btc.locator('tr[data-testid^="order-"]').count()).toBe(3)
    expect(await btc.locator('tr.stop').count()).toBe(1)
    expect(await editor.locator('tbody[data-symbol="ETHUSDT"] tr[data-testid^="order-"]').count()).toBe(1)
    expect(browser.errors).toEqual([])
  })

  it('max open per symbol in both columns; the funding card and the funding rate edited in Market data', async () => {
    await openFixture()
    const max = page.getByTestId('max-open')
    const sol = max.locator('tr[data-symbol="SOLUSDT"]')
    expect(await sol.locator('td[data-col="singleAsset"]').innerText()).toMatch(/buy [\d,]+\.\d{4}i?\s*margin\s*\/\s*sell [\d,]+\.\d{4}i?\s*margin/i)
    expect(await sol.locator('td[data-col="multiAssets"]').innerText()).toMatch(/buy [\d,]+\.\d{4}/)
    const card = page.getByTestId('funding-horizon')
    const usdt = card.locator('p[data-asset="USDT"]')
    expect(await usdt.innerText()).toMatch(/At today’s funding your USDT pays [\d.]+ a day and reaches the −5,000 threshold on \d+ \w+ 20\d\d, in [\d,]+ days in Multi-Assets Mode: USDC with a [\d.]+% haircut and BTC with a 2\.50% haircut would be sold\./)
    const before = await usdt.innerText()
    await page.getByRole('tab', { name: 'Market data', exact: true }).click()
    await page.getByLabel('SOLUSDT funding rate').fill('-0.003')
    await expect.poll(() => usdt.innerText()).not.toBe(before)
    await page.getByLabel('SOLUSDT funding rate').fill('0.001')
    await expect.poll(() => usdt.innerText()).toMatch(/never reaches|receives/)
    await page.getByLabel('SOLUSDT funding rate').fill('-0.003')
    await page.screenshot({ path: join(SHOTS, 'funding-max-open.png') })
    expect(browser.errors).toEqual([])
  })
})
