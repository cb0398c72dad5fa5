// Windowing for long tables (a 1,000-position book): only the rows in the scroller's viewport,
// plus a few either side, are in the DOM; two spacer rows keep the scroll height true. Row heights
// are known without measuring (a fixed height, plus a known extra for a row showing problems), so
// scrolling never waits for layout and nothing is O(n²). Keyboard focus moving down a table is
// scrolled into view by the browser, the window follows, and the overscan keeps the next row
// ready to take focus.
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

export interface RowWindow {
  /** First row in the DOM. */
  start: number
  /** One past the last row in the DOM. */
  end: number
  /** Height of the rows above the window (px), for the top spacer. */
  before: number
  /** Height of the rows below the window (px), for the bottom spacer. */
  after: number
}

/** Top of each row, and the total height last: offsets[i] is row i's top, offsets[count] the end. */
export function rowOffsets(count: number, heightOf: (i: number) => number): number[] {
  const out = new Array<number>(count + 1)
  out[0] = 0
  for (let i = 0; i < count; i++) out[i + 1] = out[i]! + heightOf(i)
  return out
}

/** The first row whose bottom is below y (binary search: offsets only grow). */
function rowAt(offsets: readonly number[], y: number): number {
  let lo = 0
  let hi = offsets.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (offsets[mid + 1]! <= y) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The rows to render for a scroll position (relative to the first row) and a viewport height. */
export function windowOf(offsets: readonly number[], scrollTop: number, viewport: number, overscan: number): RowWindow {
  const count = offsets.length - 1
  if (count <= 0) return { start: 0, end: 0, before: 0, after: 0 }
  const total = offsets[count]!
  const top = Math.min(Math.max(0, scrollTop), total)
  const first = rowAt(offsets, top)
  // The row under the bottom edge's last pixel (a row starting exactly at the edge is not in view).
  const last = rowAt(offsets, Math.max(top, Math.min(total, top + viewport) - 0.001))
  const start = Math.max(0, first - overscan)
  const end = Math.min(count, last + 1 + overscan)
  return { start, end, before: offsets[start]!, after: total - offsets[end]! }
}

/**
 * Hysteresis: the previous window while the rows in view, with `margin` rows either side (the
 * next row keyboard focus moves to), are still inside it; else a new one with the overscan. A
 * scroll step that stays inside the rendered rows then changes nothing in the DOM (the same
 * object: nothing depending on it re-renders), so most frames of a scroll are the browser's alone.
 */
export function stableWindowOf(prev: RowWindow | null, offsets: readonly number[], scrollTop: number, viewport: number, overscan: number, margin: number): RowWindow {
  const count = offsets.length - 1
  const view = windowOf(offsets, scrollTop, viewport, 0)
  const lo = Math.max(0, view.start - margin)
  const hi = Math.min(count, view.end + margin)
  if (prev && prev.end <= count && prev.start <= lo && hi <= prev.end && prev.before === offsets[prev.start] && prev.after === offsets[count]! - offsets[prev.end]!) return prev
  return windowOf(offsets, scrollTop, viewport, overscan)
}

/**
 * A window over `count()` rows of a scroller holding one table (sticky thead): bind `scroller` as
 * the scrolling element's ref and call `onScroll` from its scroll event.
 */
export function useRowWindow(options: {
  count: () => number
  heightOf: (i: number) => number
  overscan?: number
  initialViewport?: number
  /** Keep the window while the rows in view stay this many rows inside it (stableWindowOf); none by default. */
  keepMargin?: number
}): {
  scroller: Ref<HTMLElement | null>
  window: Ref<RowWindow>
  onScroll: () => void
  scrollToRow: (i: number) => void
} {
  const scroller = ref<HTMLElement | null>(null)
  const scrollTop = ref(0)
  const viewport = ref(options.initialViewport ?? 800)
  const offsets = computed(() => rowOffsets(options.count(), options.heightOf))
  let last: RowWindow | null = null
  const win = computed(() => {
    const overscan = options.overscan ?? 10
    last = options.keepMargin === undefined ? windowOf(offsets.value, scrollTop.value, viewport.value, overscan) : stableWindowOf(last, offsets.value, scrollTop.value, viewport.value, overscan, options.keepMargin)
    return last
  })
  function onScroll(): void {
    const el = scroller.value
    if (!el) return
    // Rows start under the sticky header.
    const head = el.querySelector('thead') as HTMLElement | null
    scrollTop.value = el.scrollTop - (head?.offsetHeight ?? 0)
    // No layout (a DOM without one, a hidden tab): keep the last known height.
    viewport.value = el.clientHeight || viewport.value
  }
  /** Row i just under the sticky header (rows start below it, so its offset is the scrollTop). */
  function scrollToRow(i: number): void {
    const el = scroller.value
    if (!el) return
    el.scrollTop = offsets.value[Math.max(0, Math.min(i, offsets.value.length - 1))]!
    onScroll()
  }
  let observer: ResizeObserver | null = null
  onMounted(() => {
    // Measured after the next layout, never by forcing one: a ResizeObserver reports once when it
    // starts observing, after layout (a rAF would read the big table's layout before the frame did).
    if (typeof ResizeObserver === 'function' && scroller.value) {
      observer = new ResizeObserver(() => onScroll())
      observer.observe(scroller.value)
    } else if (typeof requestAnimationFrame === 'function') requestAnimationFrame(onScroll)
    else onScroll()
  })
  onBeforeUnmount(() => observer?.disconnect())
  return { scroller, window: win, onScroll, scrollToRow }
}
