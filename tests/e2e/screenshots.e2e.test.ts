// Screenshots of the main screens, light and dark (what users judge first). `npm test` writes them
// to the ignored test-results/screenshots; `npm run screenshots` refreshes docs/screenshots.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bigHedgeBook } from '../helpers/big-book'
import { launchBrowser } from './browser'
import { startTestServer, type TestServer } from './server'

const ROOT = resolve(import.meta.dirname, '../..')
const OUT = resolve(ROOT, process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots')
const EXAMPLES = join(ROOT, 'resources/examples')
const FIXTURES = join(ROOT, 'tests/fixtures')
const text = (rel: string): string => readFileSync(join(FIXTURES, rel), 'utf8')
let server: TestServer

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  server = await startTestServer()
  // The bundled examples, as on first launch.
  for (const f of readdirSync(EXAMPLES).filter((n) => n.endsWith('.mpscenario.json')).sort()) {
    const r = (await server.callApi('importScenario', { text: readFileSync(join(EXAMPLES, f), 'utf8'), fileName: f })) as { ok: boolean }
    expect(r.ok).toBe(true)
  }
  type List = { value: { id: number; name: string }[] }
  const byName = async (re: RegExp): Promise<number> => ((await server.callApi('listPortfolios', {})) as List).value.find((p) => re.test(p.name))!.id
  // A second revision of the USDC example (a note), one portfolio in the trash, market snapshots,
  // and an account imported from Binance's responses (its own liquidation prices beside ours).
  const usdc = await byName(/USDT \+ USDC/)
  const got = (await server.callApi('getPortfolio', { id: usdc })) as { value: { scenario: object } }
  expect(((await server.callApi('savePortfolio', { id: usdc, scenario: { ...got.value.scenario, notes: 'Checked against the 5 March snapshot.' } })) as { ok: boolean }).ok).toBe(true)
  expect(((await server.callApi('deletePortfolio', { id: await byName(/50 positions|fifty/i) })) as { ok: boolean }).ok).toBe(true)
  for (const [file, name] of [
    ['store/brackets-binance.json', 'Binance brackets'],
    ['store/assetIndex.json', 'Binance assetIndex'],
    ['import/premium-index-all.json', 'Binance premiumIndex']
  ] as const) {
    expect(((await server.callApi('importMarket', { text: text(file), fileName: file.split('/')[1], name })) as { ok: boolean }).ok).toBe(true)
  }
  const acct = (await server.callApi('importAccount', { accountText: text('store/account-v2.json'), positionRiskText: text('store/positionRisk-v2.json'), name: 'Imported Binance account' })) as { ok: boolean }
  expect(acct.ok).toBe(true)
  // The 1,000-position hedge-mode book (issue 11): the README shows it.
  await server.createPortfolio(bigHedgeBook(1000))
}, 120000)
afterAll(async () => {
  await server?.close()
})

describe.each(['light', 'dark'] as const)('screenshots (%s)', (scheme) => {
  it('captures the comparison, shock explorer, editor, explain panel, market data, a revision and a Binance import', async () => {
    const b = await launchBrowser(server, { colorScheme: scheme })
    const page = b.page
    // Pointer and focus off the library, so no row shows its hover/focus actions in the picture.
    const shot = async (path: string): Promise<void> => {
      await page.mouse.move(700, 895)
      await page.evaluate("document.activeElement instanceof HTMLElement && document.activeElement.closest('.library') && document.activeElement.blur()")
      await page.screenshot({ path })
    }
    try {
      await page.goto(server.url)
      await page.getByRole('button', { name: /USDT \+ USDC/ }).click()
      await page.getByTestId('verdict').waitFor()
      await shot(join(OUT, `comparison-${scheme}.png`))

      await page.getByRole('tab', { name: 'Shock explorer', exact: true }).click()
      await page.locator('[data-testid="shock-chart"] canvas').waitFor()
      await page.locator('input[data-asset="*"]').fill('-12')
      await page.getByTestId('shock-strip').waitFor()
      await page.evaluate("document.querySelector('.content').scrollTo(0, 10000)")
      await page.waitForTimeout(150)
      await shot(join(OUT, `shock-explorer-${scheme}.png`))

      await page.getByRole('button', { name: /Hedge-mode desk/ }).click()
      await page.getByRole('tab', { name: 'Positions & liquidation', exact: true }).click()
      await page.getByTestId('ladder').waitFor()
      await page.evaluate("document.querySelector('.content').scrollTo(0, 10000)")
      await shot(join(OUT, `liquidation-ladder-${scheme}.png`))

      await page.getByRole('tab', { name: 'Positions', exact: true }).click()
      await page.getByLabel('Position 2 quantity').fill('1.2.3')
      await page.getByLabel('Position 1 entry price').fill('')
      await page.evaluate("document.querySelector('.content').scrollTo(0, 10000)")
      await shot(join(OUT, `editor-${scheme}.png`))
      await page.keyboard.press('Control+z')
      await page.keyboard.press('Control+z')
      // Let the delayed shock-to-liquidation search finish before the last picture.
      await page.waitForTimeout(600)

      await page.evaluate("document.querySelector('.content').scrollTo(0, 0)")
      await page.locator('tr[data-row="shock-to-liquidation"] td[data-col="multi"] button.figure').first().click()
      await page.getByTestId('explain').waitFor()
      await shot(join(OUT, `explain-${scheme}.png`))
      await page.keyboard.press('Escape')

      // Market data: edited in place, stored snapshots to apply; the trash open in the library.
      await page.getByRole('button', { name: /USDT \+ USDC/ }).click()
      await page.getByTestId('verdict').waitFor()
      await page.getByRole('tab', { name: 'Market data', exact: true }).click()
      await page.getByRole('table', { name: 'Stored market snapshots' }).waitFor()
      await page.getByRole('button', { name: /Trash \(1\)/ }).click()
      await page.evaluate("document.querySelector('.content').scrollTo(0, 10000)")
      await shot(join(OUT, `market-${scheme}.png`))

      // A past revision, read-only, with its own comparison.
      await page.getByRole('button', { name: 'View revision 1' }).click()
      await page.getByTestId('revision-view').waitFor()
      await shot(join(OUT, `revision-${scheme}.png`))
      await page.keyboard.press('Escape')

      // An imported Binance account: Binance's own liquidation price beside ours.
      await page.getByRole('button', { name: /Imported Binance account/ }).click()
      await page.getByRole('tab', { name: 'Positions & liquidation', exact: true }).click()
      await page.locator('td[data-col="binance"]').first().waitFor()
      await page.evaluate("document.querySelector('.content').scrollTo(0, 10000)")
      await shot(join(OUT, `binance-ladder-${scheme}.png`))

      // Positions from a CSV: the dry run before anything changes.
      await page.getByRole('tab', { name: 'Positions', exact: true }).click()
      const csv = 'symbol,side,quantity,entryPrice,leverage,marginType,isolatedWallet\nBTCUSDT,long,1.2,60500,20,cross,\n'
      await page.getByTestId('csv-file').setInputFiles({ name: 'positions.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
      await page.getByTestId('csv-preview').getByRole('table').waitFor()
      await shot(join(OUT, `positions-csv-${scheme}.png`))
      await page.getByTestId('csv-preview').getByRole('button', { name: 'Cancel' }).click()

      // The import dialog with its files chosen.
      await page.getByRole('button', { name: 'Import from Binance…' }).first().click()
      await page.getByTestId('bin-account').setInputFiles(join(FIXTURES, 'store/account-v2.json'))
      await page.getByTestId('bin-risk').setInputFiles(join(FIXTURES, 'store/positionRisk-v2.json'))
      await page.getByTestId('bin-market').setInputFiles([join(FIXTURES, 'store/brackets-binance.json'), join(FIXTURES, 'store/assetIndex.json')])
      await shot(join(OUT, `binance-import-${scheme}.png`))
      await page.getByTestId('binance-import').getByRole('button', { name: 'Cancel' }).click()

      // The 1,000-position book: the columns, then the windowed positions table.
      await page.getByRole('button', { name: /Hedge-mode book, 1000 positions/ }).click()
      await expect.poll(() => page.locator('input.name').inputValue()).toMatch(/1000 positions/)
      await page.getByRole('tab', { name: 'Positions & liquidation', exact: true }).click()
      await page.getByTestId('ladder').waitFor()
      await page.evaluate("document.querySelector('.content').scrollTo(0, 0)")
      await shot(join(OUT, `big-book-${scheme}.png`))
      await page.evaluate("document.querySelector('.tabs-box').scrollIntoView()")
      await page.getByTestId('ladder-scroller').evaluate((el) => {
        ;(el as unknown as { scrollTop: number }).scrollTop = 28 * 400
      })
      await page.waitForTimeout(150)
      await shot(join(OUT, `big-book-ladder-${scheme}.png`))
      expect(b.errors).toEqual([])
    } finally {
      await b.close()
    }
  })

  it('captures the plan (issue 9): After the plan with the change from now, the steps with ✓/✗, open orders, max open and the funding card', async () => {
    type List = { value: { name: string }[] }
    if (!((await server.callApi('listPortfolios', {})) as List).value.some((p) => /Plan journey/.test(p.name))) {
      const file = 'plan/plan-journey.mpscenario.json'
      expect(((await server.callApi('importScenario', { text: text(file), fileName: 'plan-journey.mpscenario.json' })) as { ok: boolean }).ok).toBe(true)
    }
    const b = await launchBrowser(server, { colorScheme: scheme })
    const page = b.page
    const shot = async (path: string): Promise<void> => {
      await page.mouse.move(700, 895)
      await page.screenshot({ path })
    }
    try {
      await page.goto(server.url)
      await page.getByRole('button', { name: /Plan journey/ }).click()
      await page.getByTestId('verdict').waitFor()
      await page.getByRole('radio', { name: 'After the plan' }).click()
      await page.getByTestId('from-now').first().waitFor()
      await page.waitForTimeout(600)
      await shot(join(OUT, `plan-after-${scheme}.png`))

      await page.getByRole('tab', { name: 'Plan', exact: true }).click()
      await page.getByTestId('plan-step-0').waitFor()
      await page.evaluate("document.querySelector('.content').scrollTo(0, 10000)")
      await shot(join(OUT, `plan-steps-${scheme}.png`))

      await page.getByRole('radio', { name: 'Now' }).click()
      await page.getByRole('tab', { name: 'Positions', exact: true }).click()
      await page.getByTestId('open-orders-editor').waitFor()
      await page.evaluate("document.querySelector('.content').scrollTo(0, 10000)")
      await shot(join(OUT, `open-orders-${scheme}.png`))
      expect(b.errors).toEqual([])
    } finally {
      await b.close()
    }
  })
})
