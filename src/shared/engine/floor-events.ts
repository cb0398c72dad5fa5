// The bracket floors the moving positions of a shock line cross, nearest first, each computed only
// when the walk reaches it (issue 10: a walk that finds both roots early reads a few floors, not
// every floor of every position). One position's floors come in order along the walk (its move to
// a floor, floor / notional − 1, rises with the floor), so the positions' sequences are merged
// with a heap.
import { MINUS_ONE, ZERO, compare, type Decimal } from '../decimal'

export interface FloorEvent {
  /** The move at which the notional reaches the floor. */
  x: Decimal
  /** Which moving position (its slot in the line). */
  slot: number
  /** Its bracket once past the floor. */
  bracket: number
}

export interface FloorSource {
  /** Number of brackets of the slot's position and its bracket at x = 0. */
  brackets: number
  bracket: number
  /** x at which the notional reaches floor k (k ≥ 1). */
  move: (k: number) => Decimal
}

export class FloorEvents {
  private readonly heap: FloorEvent[] = []
  /** The next floor each slot has not offered yet (k rising going up, falling going down). */
  private readonly next: number[]

  constructor(
    private readonly sources: FloorSource[],
    private readonly direction: 1 | -1
  ) {
    this.next = sources.map((s) => (direction > 0 ? s.bracket + 1 : s.bracket))
    sources.forEach((_, slot) => this.offer(slot))
  }

  peek(): FloorEvent | null {
    return this.heap[0] ?? null
  }

  pop(): FloorEvent {
    const top = this.heap[0]!
    const last = this.heap.pop()!
    if (this.heap.length > 0) {
      this.heap[0] = last
      this.down(0)
    }
    this.offer(top.slot)
    return top
  }

  /**
   * Pushes the slot's next floor in range: going up, floors above the notional (x > 0); going
   * down, floors at or below it (x ≤ 0) above a price of 0 (x > −1). A floor on the notional
   * counts going down: a notional on a floor is in the upper bracket (§2).
   */
  private offer(slot: number): void {
    const s = this.sources[slot]!
    while (this.direction > 0 ? this.next[slot]! < s.brackets : this.next[slot]! >= 1) {
      const k = this.next[slot]!
      this.next[slot] = k + this.direction
      const x = s.move(k)
      const sign = compare(x, ZERO)
      if (this.direction > 0 ? sign > 0 : sign <= 0 && compare(x, MINUS_ONE) > 0) {
        this.push({ x, slot, bracket: this.direction > 0 ? k : k - 1 })
        return
      }
      // Going down, a floor at or below a price of 0 ends the slot's floors (lower ones are lower still).
      if (this.direction < 0 && !x.gt(MINUS_ONE)) this.next[slot] = 0
    }
  }

  /** Nearer in the walk's direction first; equal moves by slot (either order gives the same sums). */
  private before(a: FloorEvent, b: FloorEvent): boolean {
    const c = this.direction > 0 ? a.x.cmp(b.x) : b.x.cmp(a.x)
    return c < 0 || (c === 0 && a.slot < b.slot)
  }

  private push(e: FloorEvent): void {
    const h = this.heap
    h.push(e)
    let i = h.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.before(h[i]!, h[parent]!)) break
      ;[h[i], h[parent]] = [h[parent]!, h[i]!]
      i = parent
    }
  }

  private down(i: number): void {
    const h = this.heap
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < h.length && this.before(h[l]!, h[m]!)) m = l
      if (r < h.length && this.before(h[r]!, h[m]!)) m = r
      if (m === i) return
      ;[h[i], h[m]] = [h[m]!, h[i]!]
      i = m
    }
  }
}
