// Screenshots of the main screens, light and dark, for docs/screenshots (what users judge first).
import { mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { startTestServer, type TestServer } from './server'

const ROOT = resolve(import.meta.dirname, '../..')
const OUT = join(ROOT, 'docs/screenshots')
const EXAMPLES = join(ROOT, 'resources/examples')
let server: TestServer

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  server = await startTestServer()
  // The bundled examples, as on first launch.
  for (const f of readdirSync(EXAMPLES).filter((n) => n.endsWith('.mpscenario.json')).sort()) {
    const r = (await server.callApi('importScenario', { text: readFileSync(join(EXAMPLES, f), 'utf8'), fileName: f })) as { ok: boolean }
    expect(r.ok).toBe(true)
  }
})
afterAll(async () => {
  await server?.close()
})

describe.each(['light', 'dark'] as const)('screenshots (%s)', (scheme) => {
  it('captures the comparison, shock explorer, editor and explain panel', async () => {
    const b = await launchBrowser(server, { colorScheme: scheme })
    const page = b.page
    try {
      await page.goto(server.url)
      await page.getByRole('button', { name: /USDT \+ USDC/ }).click()
      await page.getByTestId('verdict').waitFor()
      await page.screenshot({ path: join(OUT, `comparison-${scheme}.png`) })

      await page.getByRole('tab', { name: 'Shock explorer', exact: true }).click()
      await page.locator('[data-testid="shock-chart"] canvas').waitFor()
      await page.locator('input[data-asset="*"]').fill('-12')
      await page.getByTestId('shock-strip').waitFor()
      await page.evaluate("document.querySelector('.content').scrollTo(0, 10000)")
      await page.waitForTimeout(150)
      await page.screenshot({ path: join(OUT, `shock-explorer-${scheme}.png`) })

      await page.getByRole('button', { name: /Hedge-mode desk/ }).click()
      await page.getByRole('tab', { name: 'Positions & liquidation', exact: true }).click()
      await page.getByTestId('ladder').waitFor()
      await page.evaluate("document.querySelector('.content').scrollTo(0, 10000)")
      await page.screenshot({ path: join(OUT, `liquidation-ladder-${scheme}.png`) })

      await page.getByRole('tab', { name: 'Positions', exact: true }).click()
      await page.getByLabel('Position 2 quantity').fill('1.2.3')
      await page.getByLabel('Position 1 entry price').fill('')
      await page.evaluate("document.querySelector('.content').scrollTo(0, 10000)")
      await page.screenshot({ path: join(OUT, `editor-${scheme}.png`) })
      await page.keyboard.press('Control+z')
      await page.keyboard.press('Control+z')
      // Let the delayed shock-to-liquidation search finish before the last picture.
      await page.waitForTimeout(600)

      await page.evaluate("document.querySelector('.content').scrollTo(0, 0)")
      await page.locator('tr[data-row="shock-to-liquidation"] td[data-col="multi"] button.figure').first().click()
      await page.getByTestId('explain').waitFor()
      await page.screenshot({ path: join(OUT, `explain-${scheme}.png`) })
      expect(b.errors).toEqual([])
    } finally {
      await b.close()
    }
  })
})
