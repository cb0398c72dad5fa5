// A JSON number like 1e900000000 is valid JSON whose plain decimal has 900 million digits: the
// importers refuse it by path instead of hanging while writing it out (issue 8 §3, found by fuzzing).
import { describe, expect, it } from 'vitest'
import { parseMarketFile } from '../../../src/shared/import/market-file'
import { parseBracketFile } from '../../../src/shared/import/bracket-import'

const premium = (mark: string): string => `[{"symbol": "BTCUSDT", "markPrice": ${mark}, "indexPrice": "70000", "time": 1772668800000}]`

describe('numbers out of any exchange range', () => {
  it.each(['1e900000000', '-1e900000000', '1e-900000000', '1e9000000000000000', '1e-9000000000000000', '1e31'])('refuses %s by path, at once', (n) => {
    const started = performance.now()
    const r = parseMarketFile(premium(n))
    expect(performance.now() - started).toBeLessThan(1000)
    expect(r).toEqual({ ok: false, problems: [{ path: '[0].markPrice', message: `out of range: expected 0 or a magnitude between 1e-30 and 1e31, got ${n}` }] })
  })

  it('keeps every real magnitude: 9223372036854775807, 9.99e30, 1e-8 and 0e999', () => {
    for (const [n, out] of [['9223372036854775807', '9223372036854775807'], ['9.99e30', '9990000000000000000000000000000'], ['1e-8', '0.00000001']]) {
      const r = parseMarketFile(premium(n!))
      expect(r.ok && r.value.kind === 'premiumIndex' && r.value.markPrices.BTCUSDT).toBe(out)
    }
    const zeroCum = parseBracketFile('{"symbol": "X", "brackets": [{"bracket": 1, "initialLeverage": 20, "notionalCap": 5000, "notionalFloor": 0, "maintMarginRatio": 0.01, "cum": 0e999}]}')
    expect(zeroCum.ok && zeroCum.value.brackets.X![0]!.cum).toBe('0')
  })
})
