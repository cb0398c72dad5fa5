// The windowing of long tables: which rows are in the DOM for a scroll position, and the spacer
// heights that keep the scrollbar true (logic/row-window.ts).
import { describe, expect, it } from 'vitest'
import { problemsByPath } from '../../src/renderer/src/logic/problems'
import { rowOffsets, stableWindowOf, windowOf } from '../../src/renderer/src/logic/row-window'

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

  it('keeps the window while the rows in view stay inside it by the margin (hysteresis)', () => {
    // 560 px in view = 20 rows; overscan 20, margin 4.
    const first = stableWindowOf(null, fixed, 2800, 560, 20, 4)
    expect(first).toEqual(windowOf(fixed, 2800, 560, 20))
    expect(first).toMatchObject({ start: 80, end: 140 })
    // Rows 100..119 in view, then 116..135: still 4 rows inside, the very same window.
    expect(stableWindowOf(first, fixed, 2800 + 16 * 28, 560, 20, 4)).toBe(first)
    // One row further the margin is gone: a new window around the view.
    const next = stableWindowOf(first, fixed, 2800 + 17 * 28, 560, 20, 4)
    expect(next).not.toBe(first)
    expect(next).toEqual(windowOf(fixed, 2800 + 17 * 28, 560, 20))
    // Up too.
    expect(stableWindowOf(first, fixed, 2800 - 16 * 28, 560, 20, 4)).toBe(first)
    expect(stableWindowOf(first, fixed, 2800 - 17 * 28, 560, 20, 4)).not.toBe(first)
    // At the ends the margin is clamped: the last rows keep the window that reaches the end.
    const end = stableWindowOf(null, fixed, 28000 - 560, 560, 20, 4)
    expect(end.end).toBe(1000)
    expect(stableWindowOf(end, fixed, 28000 - 560 - 28, 560, 20, 4)).toBe(end)
    // Other rows (a sort, a new result of another length): never the old window.
    const fewer = rowOffsets(500, () => 28)
    expect(stableWindowOf(end, fewer, 2800, 560, 20, 4)).toEqual(windowOf(fewer, 2800, 560, 20))
    const taller = rowOffsets(1000, () => 30)
    expect(stableWindowOf(first, taller, 2800, 560, 20, 4)).toEqual(windowOf(taller, 2800, 560, 20))
  })

  it('stays cheap at 100,000 rows: each height asked once, a window found in O(log n) reads', () => {
    let heightsAsked = 0
    const big = rowOffsets(100000, (i) => (heightsAsked++, 28 + (i % 3)))
    expect(heightsAsked).toBe(100000)
    // Counted, not timed: the offsets read by each window (two binary searches and the edges).
    let reads = 0
    const counted = new Proxy(big, { get: (t, k) => (typeof k === 'string' && /^\d+$/.test(k) && reads++, Reflect.get(t, k)) })
    const bound = 2 * (Math.ceil(Math.log2(big.length)) + 1) + 4
    for (let y = 0; y < 2900000; y += 7000) {
      reads = 0
      const w = windowOf(counted, y, 600, 10)
      expect(reads).toBeLessThanOrEqual(bound)
      expect(w.end).toBeGreaterThan(w.start)
    }
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
