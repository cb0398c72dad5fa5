// Positions CSV into a stored portfolio (issue 3): dry-run preview, row-level errors, nothing
// saved until the whole new scenario is valid. Real SQLite files in temp folders.
import { describe, expect, it } from 'vitest'
import { Library, importPositionsCsv } from '../../../src/main/store'
import { positionsCsvTemplate } from '../../../src/shared/import/positions-csv'
import { fakeClock, fixtureText, refusal, tempDb } from './helpers'

const HEADER = 'symbol,side,quantity,entryPrice,leverage,marginType,isolatedWallet'

function withPortfolio(): { lib: Library; id: number } {
  const lib = Library.open(tempDb(), { now: fakeClock() })
  const { id } = lib.portfolios.create({ scenario: JSON.parse(fixtureText()) })
  return { lib, id }
}


describe('positions CSV import', () => {
  it('dry run previews a replace and writes nothing; the real run saves one new revision', () => {
    const { lib, id } = withPortfolio()
    const csv = `${HEADER}\r\nBTCUSDT,long,1.2,60000,20,cross,\r\nETHUSDT,short,5,3000,10,isolated,1500\r\n`
    const dry = importPositionsCsv(lib, id, csv, { mode: 'replace', dryRun: true })
    expect(dry.portfolio).toBeNull()
    expect(dry.preview.rows).toBe(2)
    expect(dry.preview.unchanged).toBe(1)
    expect(dry.preview.changes).toEqual([
      {
        change: 'changed',
        symbol: 'BTCUSDT',
        before: { symbol: 'BTCUSDT', side: 'long', quantity: '0.8', entryPrice: '60000', leverage: 20, marginType: 'cross' },
        after: { symbol: 'BTCUSDT', side: 'long', quantity: '1.2', entryPrice: '60000', leverage: 20, marginType: 'cross' }
      }
    ])
    expect(lib.portfolios.get(id).revision).toBe(1)

    const real = importPositionsCsv(lib, id, csv, { mode: 'replace' })
    expect(real.portfolio!.revision).toBe(2)
    expect(real.portfolio!.scenario.account.positions[0]!.quantity).toBe('1.2')
    expect(lib.portfolios.revisions(id).map((r) => [r.revision, r.reason])).toEqual([
      [2, 'import'],
      [1, 'create']
    ])
    lib.close()
  })

  it('replace drops positions the CSV does not list; append keeps them', () => {
    const { lib, id } = withPortfolio()
    const replaced = importPositionsCsv(lib, id, `${HEADER}\nETHUSDT,long,2,3000,5,cross,\n`, { mode: 'replace', dryRun: true })
    expect(replaced.preview.changes.map((c) => [c.change, c.symbol])).toEqual([
      ['changed', 'ETHUSDT'],
      ['removed', 'BTCUSDT']
    ])
    expect(replaced.preview.after).toHaveLength(1)

    const { lib: lib2, id: id2 } = withPortfolio()
    lib2.portfolios.save({ id: id2, scenario: { ...lib2.portfolios.get(id2).scenario, account: { ...lib2.portfolios.get(id2).scenario.account, positions: [] } } })
    importPositionsCsv(lib2, id2, `${HEADER}\nBTCUSDT,long,0.1,60000,20,cross,\n`, { mode: 'append' })
    const appended = importPositionsCsv(lib2, id2, `${HEADER}\nETHUSDT,short,1,3000,10,cross,\n`, { mode: 'append' })
    expect(appended.preview.changes).toEqual([{ change: 'added', symbol: 'ETHUSDT', before: null, after: expect.objectContaining({ symbol: 'ETHUSDT' }) }])
    expect(appended.portfolio!.scenario.account.positions.map((p) => p.symbol)).toEqual(['BTCUSDT', 'ETHUSDT'])
    lib.close()
    lib2.close()
  })

  it('the template imports (its example row fits a BTCUSDT portfolio)', () => {
    const { lib, id } = withPortfolio()
    const r = importPositionsCsv(lib, id, positionsCsvTemplate(), { mode: 'replace', dryRun: true })
    expect(r.preview.after).toEqual([{ symbol: 'BTCUSDT', side: 'long', quantity: '0.5', entryPrice: '60000', leverage: 20, marginType: 'cross' }])
    lib.close()
  })

  it('CSV problems are refused by row and column; nothing saved', () => {
    const { lib, id } = withPortfolio()
    const e = refusal(() => importPositionsCsv(lib, id, `${HEADER}\nBTCUSDT,long,1e3,60000,20,cross,\n`, { mode: 'replace' }))
    expect(e.code).toBe('BAD_INPUT')
    expect(e.problems).toEqual([{ path: 'row 2, column quantity', message: 'expected a decimal string, got "1e3"' }])
    expect(lib.portfolios.get(id).revision).toBe(1)
    lib.close()
  })

  it('scenario problems (unknown symbol, leverage above the table, one-way duplicate) come back as CSV rows', () => {
    const { lib, id } = withPortfolio()
    // Row 3 is blank: rows keep the numbers a spreadsheet shows.
    const csv = `${HEADER}\nDOGEUSDT,long,100,0.1,5,cross,\n\nBTCUSDT,long,0.1,60000,151,cross,\nETHUSDT,long,1,3000,5,cross,\nETHUSDT,short,1,3000,5,cross,\n`
    const e = refusal(() => importPositionsCsv(lib, id, csv, { mode: 'replace' }))
    expect(e.problems).toEqual([
      { path: 'row 2, column symbol', message: 'unknown symbol "DOGEUSDT": every position\'s symbol must be in market.symbols' },
      { path: 'row 4, column leverage', message: 'BTCUSDT allows at most 150x, got 151x' },
      { path: 'row 6, column symbol', message: 'one-way mode holds one position per symbol; ETHUSDT is already at row 5' }
    ])
    expect(lib.portfolios.get(id).revision).toBe(1)
    expect(lib.portfolios.revisions(id)).toHaveLength(1)
    lib.close()
  })

  it('append: a CSV row that collides with a stored position names both', () => {
    const { lib, id } = withPortfolio()
    const e = refusal(() => importPositionsCsv(lib, id, `${HEADER}\nBTCUSDT,short,1,60000,20,cross,\n`, { mode: 'append' }))
    expect(e.problems).toEqual([
      { path: 'row 2, column symbol', message: 'one-way mode holds one position per symbol; BTCUSDT is already at existing position 1 (account.positions[0])' }
    ])
    expect(lib.portfolios.get(id).revision).toBe(1)
    lib.close()
  })

  it('an unknown or trashed portfolio, or a stale base revision, is refused', () => {
    const { lib, id } = withPortfolio()
    const csv = positionsCsvTemplate()
    expect(refusal(() => importPositionsCsv(lib, 99, csv, { mode: 'replace' })).code).toBe('NOT_FOUND')
    expect(refusal(() => importPositionsCsv(lib, id, csv, { mode: 'replace', baseRevision: 7 })).code).toBe('CONFLICT')
    lib.portfolios.delete(id)
    expect(refusal(() => importPositionsCsv(lib, id, csv, { mode: 'replace', dryRun: true })).code).toBe('NOT_FOUND')
    lib.close()
  })
})
