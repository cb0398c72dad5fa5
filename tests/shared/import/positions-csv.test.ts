import { describe, expect, it } from 'vitest'
import { parseCsvRecords, parsePositionsCsv, positionsCsvTemplate } from '../../../src/shared/import/positions-csv'
import { fixture } from './helpers'

const HEADER = 'symbol,side,quantity,entryPrice,leverage,marginType,isolatedWallet'

function problems(text: string) {
  const r = parsePositionsCsv(text)
  if (r.ok) throw new Error('expected problems')
  return r.problems
}

describe('positions CSV', () => {
  it('reads CRLF with a BOM, quoted fields and a trailing blank line', () => {
    const r = parsePositionsCsv(fixture('positions-crlf-bom.csv'))
    expect(r).toEqual({
      ok: true,
      value: [
        { symbol: 'BTCUSDT', side: 'long', quantity: '0.8', entryPrice: '60000', leverage: 20, marginType: 'cross' },
        { symbol: 'ETHUSDT', side: 'short', quantity: '5', entryPrice: '3000.5', leverage: 10, marginType: 'isolated', isolatedWallet: '1500' }
      ]
    })
  })

  it('reads LF, columns in any order', () => {
    const r = parsePositionsCsv('leverage,symbol,side,quantity,entryPrice,marginType,isolatedWallet\n5,ETHBTC,LONG,2,0.05,Cross,\n')
    expect(r.ok && r.value).toEqual([{ symbol: 'ETHBTC', side: 'long', quantity: '2', entryPrice: '0.05', leverage: 5, marginType: 'cross' }])
  })

  it('the template parses to its one example row', () => {
    const t = positionsCsvTemplate()
    expect(t.startsWith(`${HEADER}\r\n`)).toBe(true)
    const r = parsePositionsCsv(t)
    expect(r.ok && r.value).toHaveLength(1)
  })

  it('names row and column of every bad value, and returns nothing', () => {
    const text = `${HEADER}\nBTCUSDT,long,0.5,60000,20,cross,\nBTCUSDT,long,0.5,6.4e4,20,cross,\nETHUSDT,up,0,3000,0,isolated,\nSOLUSDT,short,1,100,3,cross,50\nXRPUSDT,short,1,1,3,margin,\n`
    expect(problems(text)).toEqual([
      { path: 'row 3, column entryPrice', message: 'expected a decimal string, got "6.4e4"' },
      { path: 'row 4, column side', message: 'expected long or short, got "up"' },
      { path: 'row 4, column quantity', message: 'must be greater than 0, got "0"' },
      { path: 'row 4, column leverage', message: 'expected a whole number from 1, got "0"' },
      { path: 'row 4, column isolatedWallet', message: expect.stringContaining('required for an isolated position') },
      { path: 'row 5, column isolatedWallet', message: 'must be empty for a cross position, got "50"' },
      { path: 'row 6, column marginType', message: 'expected cross or isolated, got "margin"' }
    ])
  })

  it('counts blank lines so row numbers match the spreadsheet', () => {
    expect(problems(`${HEADER}\n\nBTCUSDT,long,x,1,1,cross,\n`)).toEqual([{ path: 'row 3, column quantity', message: 'expected a decimal string, got "x"' }])
  })

  it('refuses a wrong header, a short row, an empty file and a header alone', () => {
    expect(problems('symbol,side,qty\nA,long,1\n').map((p) => p.message)).toEqual([
      expect.stringContaining('unknown column "qty"'),
      expect.stringContaining('missing column quantity'),
      expect.stringContaining('missing column entryPrice'),
      expect.stringContaining('missing column leverage'),
      expect.stringContaining('missing column marginType'),
      expect.stringContaining('missing column isolatedWallet')
    ])
    expect(problems(`${HEADER}\nBTCUSDT,long,1\n`)).toEqual([{ path: 'row 2', message: 'expected 7 fields like the header, got 3' }])
    expect(problems('')[0]!.message).toMatch(/empty/)
    expect(problems(`${HEADER}\r\n`)[0]!.message).toMatch(/no positions/)
  })
})

describe('RFC 4180 records', () => {
  it('handles doubled quotes, commas and newlines inside quotes', () => {
    const r = parseCsvRecords('a,"b,""c""\nd",e\r\nf')
    expect(r.ok && r.value).toEqual([
      { row: 1, fields: ['a', 'b,"c"\nd', 'e'] },
      { row: 2, fields: ['f'] }
    ])
  })

  it('refuses stray and unclosed quotes', () => {
    expect(parseCsvRecords('a,b"c\n')).toEqual({ ok: false, problems: [{ path: 'row 1, field 2', message: expect.stringContaining('quote inside an unquoted field') }] })
    expect(parseCsvRecords('a,"b\n')).toEqual({ ok: false, problems: [{ path: 'row 1, field 2', message: 'a quoted field is not closed' }] })
    expect(parseCsvRecords('"a"b\n').ok).toBe(false)
  })
})
