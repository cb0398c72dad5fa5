// axe-core on every screen and dialog, light and dark, under the app's real CSP: zero serious or
// critical violations. The screens: the library, the comparison with each tab (and the chart as a
// table), the explain panel, the revision view, the confirm dialog (empty the trash, a save
// conflict), the Binance import dialog, the positions CSV preview, and a 1,000-position book.
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bigHedgeBook } from '../helpers/big-book'
import { seriousViolations } from './axe'
import { launchBrowser } from './browser'
import { startTestServer, type TestServer } from './server'

const ROOT = resolve(import.meta.dirname, '../..')
const EXAMPLES = join(ROOT, 'resources/examples')
const FIXTURES = join(ROOT, 'tests/fixtures')
const APP_PROTOCOL = resolve(ROOT, 'src/main/app-protocol.ts')
const { CONTENT_SECURITY_POLICY } = (await import(APP_PROTOCOL)) as { CONTENT_SECURITY_POLICY: string }
let server: TestServer
let hedgeId = 0

beforeAll(async () => {
  server = await startTestServer({ headerCsp: CONTENT_SECURITY_POLICY })
  for (const f of readdirSync(EXAMPLES).filter((n) => n.endsWith('.mpscenario.json')).sort()) {
    expect(((await server.callApi('importScenario', { text: readFileSync(join(EXAMPLES, f), 'utf8'), fileName: f })) as { ok: boolean }).ok).toBe(true)
  }
  const list = (await server.callApi('listPortfolios', {})) as { value: { id: number; name: string }[] }
  hedgeId = list.value.find((p) => /Hedge-mode desk/.test(p.name))!.id
  // A second revision (the revision view), one portfolio in the trash (the confirm dialog).
  const got = (await server.callApi('getPortfolio', { id: hedgeId })) as { value: { scenario: object } }
  expect(((await server.callApi('savePortfolio', { id: hedgeId, scenario: { ...got.value.scenario, notes: 'second revision' } })) as { ok: boolean }).ok).toBe(true)
  const fifty = list.value.find((p) => /Fifty/i.test(p.name))!.id
  expect(((await server.callApi('deletePortfolio', { id: fifty })) as { ok: boolean }).ok).toBe(true)
  await server.createPortfolio(bigHedgeBook(1000))
}, 120000)
afterAll(async () => {
  await server?.close()
})

describe.each(['light', 'dark'] as const)('accessibility (%s)', (scheme) => {
  it('has no serious or critical axe violation on any screen or dialog', async () => {
    const b = await launchBrowser(server, { colorScheme: scheme, width: 1280, height: 800 })
    const page = b.page
    const found: Record<string, string[]> = {}
    const check = async (screen: string): Promise<void> => {
      const v = await seriousViolations(page)
      if (v.length) found[screen] = v
    }
    try {
      await page.goto(server.url)
      await page.getByRole('heading', { name: 'Margin Planner' }).waitFor()
      await check('library and welcome')

      await page.getByRole('button', { name: /Hedge-mode desk/ }).click()
      await page.getByTestId('verdict').waitFor()
      await check('comparison')
      for (const tab of ['Positions & liquidation', 'Shock explorer', 'Breakdown', 'Balances', 'Positions', 'Market data', 'Stress grid', 'Plan']) {
        await page.getByRole('tab', { name: tab, exact: true }).click()
        await page.waitForTimeout(200)
        await check(`tab ${tab}`)
      }
      await page.getByRole('tab', { name: 'Shock explorer', exact: true }).click()
      await page.getByTestId('chart-as-table').click()
      await page.getByTestId('sweep-table').waitFor()
      await check('shock explorer as a table')

      await page.locator('tr[data-row="balance"]').locator('button.figure').first().click()
      await page.getByTestId('explain').waitFor()
      await check('explain panel')
      await page.keyboard.press('Escape')

      await page.getByRole('button', { name: 'View revision 1' }).click()
      await page.getByTestId('revision-view').waitFor()
      await check('revision view')
      await page.keyboard.press('Escape')

      await page.getByRole('button', { name: /Trash \(1\)/ }).click()
      await page.getByRole('button', { name: /Empty trash/ }).click()
      await page.getByRole('alertdialog').waitFor()
      await check('confirm: empty the trash')
      await page.keyboard.press('Escape')

      // A save conflict: saved elsewhere after this page opened it.
      const got = (await server.callApi('getPortfolio', { id: hedgeId })) as { value: { scenario: { notes?: string } } }
      expect(((await server.callApi('savePortfolio', { id: hedgeId, scenario: { ...got.value.scenario, notes: `elsewhere ${scheme}` } })) as { ok: boolean }).ok).toBe(true)
      await page.getByRole('tab', { name: 'Balances', exact: true }).click()
      await page.getByLabel('Portfolio name').fill(`Hedge-mode desk (${scheme})`)
      await page.keyboard.press('Control+s')
      await page.getByRole('alertdialog', { name: 'Changed elsewhere' }).waitFor()
      await check('confirm: save conflict')
      await page.getByRole('button', { name: /Reload/ }).click()
      // The reload is done (else the CSV import below may meet the unsaved-changes guard).
      await page.getByText(/Reloaded ".*" as saved elsewhere/).first().waitFor()

      await page.getByRole('tab', { name: 'Positions', exact: true }).click()
      const csv = 'symbol,side,quantity,entryPrice,leverage,marginType,isolatedWallet\nBTCUSDT,long,1.2,60500,20,cross,\n'
      await page.getByTestId('csv-file').setInputFiles({ name: 'positions.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
      await page.getByTestId('csv-preview').getByRole('table').waitFor()
      await check('positions CSV preview')
      await page.getByTestId('csv-preview').getByRole('button', { name: 'Cancel' }).click()

      await page.getByRole('button', { name: 'Import from Binance…' }).first().click()
      await page.getByTestId('bin-account').setInputFiles(join(FIXTURES, 'store/account-v2.json'))
      await check('Binance import dialog')
      await page.getByTestId('binance-import').getByRole('button', { name: 'Cancel' }).click()

      await page.getByRole('button', { name: /1000 positions/ }).click()
      // The previous portfolio's verdict is still there until the book opens: wait for the book.
      await expect.poll(() => page.locator('input.name').inputValue()).toMatch(/1000 positions/)
      await page.getByTestId('verdict').waitFor()
      await page.getByRole('tab', { name: 'Positions & liquidation', exact: true }).click()
      await page.getByTestId('ladder').waitFor()
      await check('1,000-position book, positions table')
      await page.getByRole('tab', { name: 'Positions', exact: true }).click()
      await check('1,000-position book, positions editor')

      expect(found).toEqual({})
      expect(b.errors).toEqual([])
    } finally {
      await b.close()
    }
  })
})
