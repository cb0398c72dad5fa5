// The windowing of long tables: which rows are in the DOM for a scroll position, and the spacer
// heights that keep the scrollbar true (logic/row-window.ts).
import { describe, expect, it } from 'vitest'
import { problemsByPath } from '../../src/renderer/src/logic/problems'
import { rowOffsets, windowOf } from '../../src/renderer/src/logic/row-window'

describe('row window', () => {
  const fixed = rowOffsets(1000, () => 28)

  it('renders the rows in view plus the overscan, and spacers for the rest', () => {
    expect(fixed[1000]).toBe(28000)
    // 280 px from the top, 560 px tall: rows 10..29 in view, 5 either side.
    expect(windowOf(fixed, 280, 560, 5)).toEqual({ start: 5, end: 35, before: 140, after: 28000 - 35 * 28 })
    const w = windowOf(fixed, 280, 560, 5)
    expect(w.before + (w.end - w.start) * 28 + w.after).toBe(28000)
  })

  it('clamps at both ends and past the end', () => {
    expect(windowOf(fixed, -50, 560, 5)).toMatchObject({ start: 0, before: 0 })
    expect(windowOf(fixed, 1e9, 560, 5)).toMatchObject({ end: 1000, after: 0 })
    expect(windowOf(fixed, 27972, 560, 5).end).toBe(1000)
    expect(windowOf(rowOffsets(0, () => 28), 0, 560, 5)).toEqual({ start: 0, end: 0, before: 0, after: 0 })
    // A short table is rendered whole.
    expect(windowOf(rowOffsets(3, () => 28), 0, 560, 10)).toEqual({ start: 0, end: 3, before: 0, after: 0 })
  })

  it('follows rows of different heights (an editor row showing problems)', () => {
    // Row 2 is 34 + 2 × 15 px.
    const offsets = rowOffsets(100, (i) => (i === 2 ? 64 : 34))
    expect(offsets[3]).toBe(34 * 2 + 64)
    // Scrolled to 130 px: inside row 2 (68..132), so the window starts there (no overscan).
    expect(windowOf(offsets, 130, 34, 0)).toMatchObject({ start: 2, before: 68 })
    expect(windowOf(offsets, 132, 34, 0)).toMatchObject({ start: 3, before: 132 })
  })

  it('stays fast at 100,000 rows (no O(n²))', () => {
    const t = performance.now()
    const big = rowOffsets(100000, (i) => 28 + (i % 3))
    for (let y = 0; y < 2800000; y += 7000) windowOf(big, y, 600, 10)
    expect(performance.now() - t).toBeLessThan(200)
  })

  it('indexes problems by path once', () => {
    const m = problemsByPath([
      { path: 'account.positions[1].quantity', message: 'a' },
      { path: 'account.positions[1].quantity', message: 'b' },
      { path: 'name', message: 'c' }
    ])
    expect(m.get('account.positions[1].quantity')).toEqual(['a', 'b'])
    expect(m.get('account.positions[0].quantity')).toBeUndefined()
  })
})
