// A bracket table found valid is remembered (issue 10: Binance's 687 symbols share 165 tables).
// Remembering must never let a wrong table through, nor name a problem under another symbol.
import { describe, expect, it } from 'vitest'
import { validateBracketTable } from '../../../src/shared/market/bracket-validation'
import type { BracketRow } from '../../../src/shared/scenario'

const table = (): BracketRow[] => [
  { notionalFloor: '0', notionalCap: '50000', maintMarginRatio: '0.004', cum: '0', initialLeverage: 125 },
  { notionalFloor: '50000', notionalCap: '250000', maintMarginRatio: '0.005', cum: '50', initialLeverage: 100 }
]

describe('a bracket table checked again', () => {
  it('is valid again under another symbol, and an edited copy is checked afresh', () => {
    expect(validateBracketTable(table(), 'a', 'AUSDT')).toEqual([])
    expect(validateBracketTable(table(), 'b', 'BUSDT')).toEqual([])
    const wrongCum = table()
    wrongCum[1]!.cum = '51'
    expect(validateBracketTable(wrongCum, 'c', 'CUSDT')).toEqual([
      { path: 'c[1].cum', message: 'bracket 2 of CUSDT: cum must be 50 by the recurrence cumₙ = cumₙ₋₁ + floorₙ × (MMRₙ − MMRₙ₋₁), got 51' }
    ])
    // A wrong table is never remembered: the same rows fail again, named under their own symbol.
    expect(validateBracketTable(wrongCum, 'd', 'DUSDT').map((p) => p.path)).toEqual(['d[1].cum'])
    const gap = table()
    gap[1]!.notionalFloor = '50001'
    expect(validateBracketTable(gap, 'e', 'EUSDT').map((p) => p.path)).toEqual(['e[1].notionalFloor', 'e[1].cum'])
  })
})
