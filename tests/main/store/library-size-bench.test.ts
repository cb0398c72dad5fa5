// bench/library-size.ts's exported function on a small run: the counts it reports are the
// compact rule's (no timing assertions).
import { describe, expect, it } from 'vitest'
import { measureLibrarySize } from '../../../bench/library-size'

describe('bench/library-size', () => {
  it('400 saves over 4 days, compact older than 1 day: each older day keeps its last revision', async () => {
    const r = await measureLibrarySize({ saves: 400, savesPerDay: 100, compactOlderThanDays: 1 })
    // Days 0–2 end before the cutoff: one revision each; day 3 is newer: all 100 stay.
    expect(r.revisions).toEqual({ before: 400, after: 103 })
    expect(r.bytes.afterCompact).toBeLessThan(r.bytes.afterSaves / 2)
    expect(r.backupBytes).toBe(r.bytes.afterSaves)
  })
})
