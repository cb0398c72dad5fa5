// report:export (File › Export report…): the scenario on screen, unsaved edits included, is
// validated in main, then written atomically where main's save dialog says. Real handler, real
// SQLite file; the dialog is a stand-in returning a path in a temp folder.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FileAccess } from '../../src/main/ipc-handlers'
import { reportSaveDialogOptions, ensureReportExtension } from '../../src/main/dialog-options'
import { Library } from '../../src/main/store'
import { contract } from '../../src/shared/ipc'
import { call, refusal } from './ipc-call'
import { fixtureScenario, tempDb, tempDir } from './store/helpers'

function saveTo(dir: string, name: string | null): FileAccess & { asked: [string, string | undefined][] } {
  const asked: [string, string | undefined][] = []
  return {
    asked,
    chooseOpen: async () => null,
    chooseSave: async (suggested, kind) => {
      asked.push([suggested, kind])
      return name === null ? null : join(dir, name)
    },
    takePending: () => undefined
  }
}

describe('report:export', () => {
  it('writes the report of the scenario sent (an unsaved edit shows), nothing saved in the library', async () => {
    const dir = tempDir()
    const library = Library.open(tempDb())
    const scenario = { ...fixtureScenario(), name: 'Edited <not saved>' }
    const files = saveTo(dir, 'mine.report.html')
    expect(await call({ library, files }, 'report:export', { scenario })).toEqual({ saved: true, fileName: 'mine.report.html' })
    expect(files.asked).toEqual([['Edited <not saved>', 'report']])
    const html = readFileSync(join(dir, 'mine.report.html'), 'utf8')
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).toContain('<h1>Edited &lt;not saved&gt;</h1>')
    expect(readdirSync(dir)).toEqual(['mine.report.html'])
    expect(await call({ library }, 'portfolio:list', {})).toEqual([])
    library.close()
  })

  it('refuses an invalid scenario by path before any dialog; cancel writes nothing; no dialogs under Node', async () => {
    const dir = tempDir()
    const library = Library.open(tempDb())
    const bad = fixtureScenario()
    bad.account.positions[0]!.entryPrice = '6.4e4'
    const files = saveTo(dir, 'never.html')
    const e = await refusal(call({ library, files }, 'report:export', { scenario: bad }))
    expect(e.code).toBe('BAD_INPUT')
    expect(JSON.stringify(e.toIpc())).toContain('account.positions[0].entryPrice')
    expect(files.asked).toEqual([])
    expect(await call({ library, files: saveTo(dir, null) }, 'report:export', { scenario: fixtureScenario() })).toEqual({ saved: false })
    expect(readdirSync(dir)).toEqual([])
    expect((await refusal(call({ library }, 'report:export', { scenario: fixtureScenario() }))).code).toBe('UNAVAILABLE')
    expect(contract['report:export'].safeParse({ scenario: fixtureScenario(), path: '/etc/passwd' }).success).toBe(false)
    library.close()
  })

  it('the save dialog proposes NAME.report.html and keeps an .html the user typed', () => {
    expect(reportSaveDialogOptions('Main: book').defaultPath).toBe('Main_ book.report.html')
    expect(reportSaveDialogOptions('x').filters).toEqual([{ name: 'HTML report', extensions: ['html'] }])
    expect(ensureReportExtension('/tmp/a')).toBe('/tmp/a.report.html')
    expect(ensureReportExtension('/tmp/a.html')).toBe('/tmp/a.html')
  })
})
