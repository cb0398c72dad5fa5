// Undo snapshots share what an edit did not change (logic/undo-snapshot.ts). Oracle: the full
// JSON copies the portfolio store kept before; every restored snapshot must serialise to the very
// text it was taken from, over a seeded run of edits on a 200-position book.
import { describe, expect, it } from 'vitest'
import { restoreSnapshot, snapshotOf } from '../../src/renderer/src/logic/undo-snapshot'
import { bigHedgeBook } from '../helpers/big-book'

// The draft as the editors see it: plain JSON, any shape.
type Json = Record<string, any>

function seeded(seed: number): () => number {
  let s = seed
  return () => (s = (s * 16807) % 2147483647) / 2147483647
}

describe('undo snapshots', () => {
  it('restore exactly the text they were taken from, sharing every untouched subtree', () => {
    const draft = JSON.parse(JSON.stringify(bigHedgeBook(200))) as Json
    const rnd = seeded(7)
    const texts: string[] = []
    const snaps: unknown[] = []
    for (let step = 0; step < 60; step++) {
      const text = JSON.stringify(draft)
      const snap = snapshotOf(text, snaps[snaps.length - 1])
      texts.push(text)
      snaps.push(snap)
      // One edit, as the editors make them.
      const positions = draft.account.positions as Json[]
      const i = Math.floor(rnd() * positions.length)
      const kind = step % 5
      if (kind === 0) positions[i]!.quantity = String(Math.floor(rnd() * 1000) / 10)
      else if (kind === 1) positions.splice(i, 1)
      else if (kind === 2) positions.push({ ...positions[i]!, side: 'long' })
      else if (kind === 3) draft.market.symbols[positions[i]!.symbol].markPrice = String(1 + Math.floor(rnd() * 100))
      else delete positions[i]!.isolatedWallet
    }
    snaps.forEach((s, k) => expect(JSON.stringify(restoreSnapshot(s))).toBe(texts[k]))
    // A restored copy is mutable and does not write through to the snapshot.
    const copy = restoreSnapshot<Json>(snaps[0])
    copy.account.positions[0].quantity = '999'
    expect(JSON.stringify(restoreSnapshot(snaps[0]))).toBe(texts[0])
    // Shared: a quantity edit leaves the market (every bracket table) and the other positions as they were.
    const a = snaps[0] as Json
    const b = snaps[1] as Json
    expect(b.market).toBe(a.market)
    const changed = (b.account.positions as unknown[]).filter((p, k) => p !== a.account.positions[k])
    expect(changed).toHaveLength(1)
    expect(Object.isFrozen(b.account.positions)).toBe(true)
  })

  it('does not share an object whose keys come in another order (the text, hence dirty, differs)', () => {
    const prev = snapshotOf('{"a":{"x":"1","y":"2"},"b":[1,2]}', undefined) as Json
    const next = snapshotOf('{"a":{"y":"2","x":"1"},"b":[1,2]}', prev) as Json
    expect(next.a).not.toBe(prev.a)
    expect(next.b).toBe(prev.b)
    expect(JSON.stringify(restoreSnapshot(next))).toBe('{"a":{"y":"2","x":"1"},"b":[1,2]}')
    // Same content: the very same snapshot.
    expect(snapshotOf('{"a":{"x":"1","y":"2"},"b":[1,2]}', prev)).toBe(prev)
  })
})
