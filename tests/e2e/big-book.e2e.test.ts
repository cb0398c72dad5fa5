// A 1,000-position book in the built app (issue 10): opened, every column is filled, the shock to
// liquidation included (its per-asset table lists every asset the engine reports, nothing left
// "searching"), computed in the workers (the page's main thread only validates and draws); the
// positions table scrolled step by step always has the rows under its viewport in the page (the
// window is kept while the view stays inside it, and moves before it runs out); no page error.
// No timing is asserted: `npm run bench:ui` measures the times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareScenario } from '../../src/shared/engine'
import { bigHedgeBook } from '../helpers/big-book'
import { launchBrowser } from './browser'
import { startTestServer, type TestServer } from './server'

let server: TestServer
const book = bigHedgeBook(1000)

beforeAll(async () => {
  server = await startTestServer()
  await server.createPortfolio(book)
}, 120000)
afterAll(async () => {
  await server?.close()
})

/** Rows under the scroller's viewport that are missing from the page (by aria-rowindex), and the rows rendered. */
const COVERAGE = `(() => {
  const el = document.querySelector('[data-testid="ladder-scroller"]');
  const box = el.getBoundingClientRect();
  // The header cells stick to the top of the scroller (the thead itself scrolls away).
  const head = el.querySelector('thead th').getBoundingClientRect();
  const rows = Array.from(el.querySelectorAll('tbody tr.row')).map((r) => [Number(r.getAttribute('aria-rowindex')), r.getBoundingClientRect()]);
  const first = rows[0], last = rows[rows.length - 1];
  const gaps = rows.slice(1).filter(([i], k) => i !== rows[k][0] + 1).length;
  // The bottom of what is seen: above the sideways scrollbar, inside the border.
  const bottom = box.top + el.clientTop + el.clientHeight;
  return { count: rows.length, gaps, topCovered: first[1].top <= head.bottom + 0.5, bottomCovered: last[1].bottom >= bottom - 0.5 || last[0] === 1001, scrollTop: el.scrollTop };
})()`

describe('a 1,000-position book', () => {
  it('opens with every column filled, the shock to liquidation included, computed off the page', async () => {
    const b = await launchBrowser(server, { width: 1440, height: 900 })
    const page = b.page
    try {
      await page.goto(server.url)
      await page.getByRole('button', { name: /Hedge-mode book, 1000 positions/ }).click()
      const columns = page.getByTestId('columns')
      await columns.waitFor()
      // Computed in the workers: the columns, and the search.
      expect(await columns.getAttribute('data-worker')).toBe('1')
      await page.getByRole('tab', { name: 'Positions & liquidation', exact: true }).click()
      const stlRows = page.getByTestId('stl-table').locator('tbody tr:not(.more)')
      const expected = compareScenario(book).shockToLiquidation
      // The first 24 assets, then every one of them on request.
      await expect.poll(() => stlRows.count(), { timeout: 120000 }).toBe(24)
      await page.getByTestId('more-stl').click()
      await expect.poll(() => stlRows.count()).toBe(expected.length)
      expect(await page.locator('tr[data-row="shock-to-liquidation"].pending').count()).toBe(0)
      expect(await columns.getAttribute('aria-busy')).toBe('false')
      // The search's figures are the engine's: the first asset's row, as the table words it.
      const first = expected[0]!
      expect(await stlRows.first().locator('td').first().innerText()).toBe(first.asset)
      // The columns' shock-to-liquidation row lists the nearest moves, none of them "searching".
      const stlLine = page.locator('tr[data-row="shock-to-liquidation"] td[data-col="single"]')
      expect(await stlLine.innerText()).not.toContain('searching')
      expect(await stlLine.locator('.line').count()).toBeGreaterThan(0)
      // Every row of the positions table filled: both liquidation prices and distances.
      const row = page.getByTestId('ladder').locator('tbody tr.row').first()
      expect(await row.locator('td').count()).toBeGreaterThanOrEqual(11)
      expect(await row.innerText()).not.toContain('undefined')

      // Scrolled 450 px (16 rows) a step, to the end and back: the rows in view are always in the page.
      const scroller = page.getByTestId('ladder-scroller')
      await scroller.scrollIntoViewIfNeeded()
      for (const dir of [1, -1]) {
        for (let i = 0; i < 60; i++) {
          await scroller.evaluate((el, d) => {
            ;(el as unknown as { scrollTop: number }).scrollTop += d * 450
          }, dir)
          await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))')
          const c = (await page.evaluate(COVERAGE)) as { count: number; gaps: number; topCovered: boolean; bottomCovered: boolean; scrollTop: number }
          expect(c, `scrolled to ${c.scrollTop}`).toMatchObject({ gaps: 0, topCovered: true, bottomCovered: true })
          expect(c.count).toBeLessThan(100)
        }
      }
      expect(b.errors).toEqual([])
    } finally {
      await b.close()
    }
  }, 240000)
})
