// The library's dialogs as data: buttons, what each means, and the texts.
import { describe, expect, it } from 'vitest'
import { backupDoneDialog, backupTimeLabel, damagedLibraryDialog, restoreConfirmDialog, unsoundBackupDialog } from '../../src/main/library-dialogs'

describe('damaged-library dialog', () => {
  it('with a sound backup: Restore (date, N portfolios), Start a new library, Quit; Escape quits', () => {
    const d = damagedLibraryDialog({
      path: '/u/library.sqlite',
      problems: ['integrity check: Tree 4 page 9: btreeInitPage() returns error code 11'],
      newestBackup: { time: '2026-11-30T09:15:42.001Z', portfolios: 1 }
    })
    expect(d.options.buttons).toEqual(['Restore the newest backup (2026-11-30 09:15 UTC, 1 portfolio)', 'Start a new library (the damaged file is kept)', 'Quit'])
    expect(d.choices).toEqual(['restore', 'new', 'quit'])
    expect(d.options).toMatchObject({ type: 'error', defaultId: 0, cancelId: 2 })
    expect(d.options.detail).toContain('/u/library.sqlite')
    expect(d.options.detail).toContain('Tree 4 page 9')
    expect(d.options.detail).toContain('Nothing is deleted.')
  })

  it('without one: no Restore button; many problems are cut to five and counted', () => {
    const problems = Array.from({ length: 9 }, (_, i) => `problem ${i}`)
    const d = damagedLibraryDialog({ path: '/u/library.sqlite', problems, newestBackup: null })
    expect(d.choices).toEqual(['new', 'quit'])
    expect(d.options.cancelId).toBe(1)
    expect(d.options.detail).toContain('problem 4')
    expect(d.options.detail).not.toContain('problem 5')
    expect(d.options.detail).toContain('… and 4 more (margin-planner library check)')
    expect(d.options.detail).toContain('There is no sound backup')
  })
})

describe('restore and backup notes', () => {
  it('restore asks first, Cancel by default; an unsound file is refused; back up offers Show in Folder', () => {
    const r = restoreConfirmDialog({ backupPath: '/u/backups/library-2026-11-30T09-15-42-001Z.auto.sqlite', backup: { time: '2026-11-30T09:15:42.001Z', portfolios: 12 } })
    expect(r.options.message).toBe('Replace the library with the backup of 2026-11-30 09:15 UTC (12 portfolios)?')
    expect(r.options).toMatchObject({ buttons: ['Restore', 'Cancel'], defaultId: 1, cancelId: 1 })
    expect(r.options.detail).toContain('library.sqlite.replaced-<time>')
    expect(unsoundBackupDialog({ backupPath: '/x/y.sqlite', problems: ['a', 'b'] })).toMatchObject({ message: 'y.sqlite is not a sound library backup; nothing was changed', detail: 'a\nb' })
    const b = backupDoneDialog({ path: '/u/backups/x.sqlite', backup: { time: '2026-12-01T00:00:00.000Z', portfolios: null } })
    expect(b.options.message).toBe('Backed up the library (2026-12-01 00:00 UTC)')
    expect(b.choices).toEqual(['ok', 'show'])
    expect(backupTimeLabel('2026-01-02T03:04:05.678Z')).toBe('2026-01-02 03:04 UTC')
  })
})
