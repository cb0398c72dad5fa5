// The Stress grid tab in real Chromium against the built renderer, the real handlers and SQLite:
// the grid computed in its Web Worker, hover, click applying the cell as a shock to the columns,
// the table toggle, Export report… written by main's real handler, screenshots.
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { startTestServer, type TestServer } from './server'

const ROOT = resolve(import.meta.dirname, '../..')
const OUT = resolve(ROOT, process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots')
let server: TestServer

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  server = await startTestServer()
  const file = 'btc-eth-collateral.mpscenario.json'
  const r = (await server.callApi('importScenario', { text: readFileSync(join(ROOT, 'resources/examples', file), 'utf8'), fileName: file })) as { ok: boolean }
  expect(r.ok).toBe(true)
})
afterAll(async () => {
  await server?.close()
})

describe.each(['light', 'dark'] as const)('Stress grid tab (%s)', (scheme) => {
  it('draws both maps from its worker; hover, click to apply, table, export', async () => {
    const b = await launchBrowser(server, { colorScheme: scheme, width: 1440, height: 1000 })
    const page = b.page
    try {
      await page.goto(server.url)
      await page.getByRole('button', { name: /BTC and ETH collateral/ }).click()
      await page.getByTestId('verdict').waitFor()
      await page.getByRole('tab', { name: /Stress grid/ }).click()
      const panel = page.getByTestId('stress-grid')
      await expect.poll(() => panel.locator('figure.heat-map rect.cell').count(), { timeout: 20000 }).toBe(2 * 441)
      expect(await panel.getAttribute('data-worker')).toBe('1')
      expect(await page.getByTestId('grid-x').inputValue()).toBe('ETH')
      expect(await page.getByTestId('grid-y').inputValue()).toBe('SOL')
      expect(await panel.locator('figure[data-mode="singleAsset"] line.boundary').count()).toBeGreaterThan(20)

      const cell = panel.locator('figure[data-mode="singleAsset"] rect.cell[data-i="4"][data-j="14"]')
      await cell.hover()
      expect(await page.getByTestId('grid-readout').innerText()).toMatch(/^ETH -30%, SOL \+20% · Single-Asset [\d.]+% caution · Multi-Assets [\d.]+% calm$/)
      await page.mouse.move(5, 5)
      await page.screenshot({ path: join(OUT, `stress-grid-${scheme}.png`) })
      await cell.click()
      await page.getByTestId('shock-strip').waitFor()
      expect(await page.getByTestId('shock-strip').innerText()).toMatch(/ETH -30\.0%, SOL \+20\.0%/)

      // No serious or critical accessibility violation in the tab, maps or table (axe-core).
      const axe = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')
      await page.evaluate(axe)
      const serious = async (): Promise<string[]> =>
        (await page.evaluate(`axe.run(document.querySelector('[data-testid="stress-grid"]')).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')))`)) as string[]
      expect(await serious()).toEqual([])
      await page.getByTestId('grid-table-toggle').click()
      expect(await panel.locator('[data-testid="grid-table"] tbody tr').count()).toBe(21)
      expect(await serious()).toEqual([])

      // Export report…: the scenario on screen goes to main's real handler, which writes the
      // file where this harness's stand-in dialog says (the exports folder, the suggested name).
      const written = join(server.exportDir, 'BTC and ETH collateral behind USDT perpetuals')
      rmSync(written, { force: true })
      await page.getByTestId('export-report').click()
      await expect.poll(() => page.getByText(/Report saved as BTC and ETH collateral behind USDT perpetuals/).count()).toBe(1)
      const html = readFileSync(written, 'utf8')
      expect(html).toMatch(/^<!DOCTYPE html>/)
      expect(html).toContain('<h1>BTC and ETH collateral behind USDT perpetuals</h1>')
      expect(b.errors).toEqual([])
    } finally {
      await b.close()
    }
  })
})
