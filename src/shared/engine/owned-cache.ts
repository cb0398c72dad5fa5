// A value derived from an object, kept on that object (issue 10) rather than in a module-level
// WeakMap keyed by it. The engine's keys live for one compare (its prepared account and
// evaluation, a shock line's entities), and with such WeakMaps every young-generation GC during
// a compare copied and promoted ~0.9 MB more: `node --trace-gc-nvp` on the 50-position compare
// gave 1.37 MB surviving each scavenge with them, 0.50 MB with the values on their keys (pauses
// 5.9 → 2.3 ms, one every other compare). A value held by its key dies with it, young.
export class OwnedCache<K extends object, V> {
  private readonly slot: symbol

  constructor(what: string) {
    this.slot = Symbol(what)
  }

  get(key: K): V | undefined {
    return (key as Record<symbol, V | undefined>)[this.slot]
  }

  set(key: K, value: V): void {
    // Not enumerable: a spread or a JSON.stringify of the key never sees it.
    Object.defineProperty(key, this.slot, { value, writable: true, configurable: true, enumerable: false })
  }
}
