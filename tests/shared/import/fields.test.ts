// The importers' field reader takes a JSON number's text as written, found by the object it was
// read from (the quick way, issue 10) or, for any other object, by its JSON path: the same text.
import { describe, expect, it } from 'vitest'
import { FieldReader, readJson } from '../../../src/shared/import/fields'

describe('FieldReader', () => {
  it('reads a number as written, from its own object or by its path, in values and in messages', () => {
    const doc = readJson('{"row": {"x": 6.4e4, "n": -1.50, "lev": 20.0}}')
    if (!doc.ok) throw new Error('refused')
    const row = (doc.value.value as { row: Record<string, unknown> }).row
    for (const obj of [row, { ...row }]) {
      const r = new FieldReader(doc.value.numbers)
      expect(r.decimal(obj, 'x', 'row')).toBe('64000')
      expect(r.integer(obj, 'lev', 'row')).toBe(20)
      expect(r.decimal(obj, 'n', 'row', { sign: 'positive' })).toBeUndefined()
      expect(r.problems).toEqual([{ path: 'row.n', message: 'must be greater than 0, got -1.50' }])
    }
  })
})
