// A value kept on its key (issue 10): found again on the same key only, by its own cache only,
// and invisible to everything that reads the key's own fields (spread, keys, JSON).
import { describe, expect, it } from 'vitest'
import { OwnedCache } from '../../../src/shared/engine/owned-cache'

describe('OwnedCache', () => {
  it('gives back what was set on a key, and nothing for another key or another cache', () => {
    const a = { name: 'a' }
    const b = { name: 'b' }
    const cache = new OwnedCache<object, number>('test')
    const other = new OwnedCache<object, number>('test')
    expect(cache.get(a)).toBeUndefined()
    cache.set(a, 1)
    expect(cache.get(a)).toBe(1)
    expect(cache.get(b)).toBeUndefined()
    expect(other.get(a)).toBeUndefined()
    cache.set(a, 2)
    expect(cache.get(a)).toBe(2)
  })

  it('leaves the key as it reads: no new field in a spread, its keys or its JSON', () => {
    const key = { x: 1 }
    new OwnedCache<object, { big: string }>('test').set(key, { big: 'value' })
    expect({ ...key }).toEqual({ x: 1 })
    expect(Object.keys(key)).toEqual(['x'])
    expect(JSON.stringify(key)).toBe('{"x":1}')
    expect(structuredClone(key)).toEqual({ x: 1 })
  })
})
