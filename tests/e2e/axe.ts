// axe-core in the page, without weakening the app's CSP: the library's source text is evaluated
// through the DevTools protocol (page.evaluate), which a page's script-src does not govern, rather
// than added as a <script> element the policy would refuse.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8')

/** Serious and critical violations on the page as it is now, one line per rule and element. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE)
  // A string, not a function: this file is type-checked without the DOM library.
  return (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.slice(0, 5).map((n) => v.id + ' (' + v.impact + ') ' + n.target.join(' ') + ': ' + (n.failureSummary || '').split('\\n').slice(1, 2).join(' ').trim())))`)) as string[]
}
