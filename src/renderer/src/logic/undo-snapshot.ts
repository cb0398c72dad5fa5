// Undo snapshots with structural sharing: a snapshot is a frozen JSON tree that reuses every
// subtree of the previous snapshot it equals, so 200 undo steps of a 1,000-position book (whose
// bracket tables and other positions do not change with an edit) cost the changed paths, not 200
// copies of the whole book (~650 kB of text each). Restoring gives a fresh mutable copy, equal to
// JSON.parse(JSON.stringify(draft)) of the state it was taken from, key order included.

/** A frozen snapshot of the draft serialised as `text`, reusing `prev`'s nodes wherever they are equal. */
export function snapshotOf(text: string, prev: unknown): unknown {
  // From the text: exactly what the draft's JSON says (as JSON.parse of the old full copies).
  return share(JSON.parse(text) as unknown, prev)
}

function share(cur: unknown, prev: unknown): unknown {
  if (cur === null || typeof cur !== 'object') return cur
  if (Array.isArray(cur)) {
    const p = Array.isArray(prev) ? prev : null
    const out = cur.map((v, i) => share(v, p?.[i]))
    if (p && p.length === out.length && out.every((v, i) => v === p[i])) return p
    return Object.freeze(out)
  }
  const p = prev !== null && typeof prev === 'object' && !Array.isArray(prev) ? (prev as Record<string, unknown>) : null
  const keys = Object.keys(cur)
  const prevKeys = p ? Object.keys(p) : []
  let same = p !== null && prevKeys.length === keys.length
  const out: Record<string, unknown> = {}
  keys.forEach((k, i) => {
    const v = share((cur as Record<string, unknown>)[k], p?.[k])
    out[k] = v
    // Same keys in the same order (the text of the draft, hence `dirty`, depends on the order).
    if (same && (prevKeys[i] !== k || p![k] !== v)) same = false
  })
  return same ? p : Object.freeze(out)
}

/** A mutable deep copy of a snapshot (the draft is edited in place). */
export function restoreSnapshot<T>(snap: unknown): T {
  return structuredClone(snap) as T
}
