// `account import ACCOUNT.json POSITIONS.json OPENORDERS.json` through the real CLI process:
// the third file's orders reach the portfolio; a bad one exits 2 by file and path, nothing saved.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Library } from '../../src/main/store'
import { importMarketText } from '../../src/main/store/transfer'
import { cli } from './cli-library-helpers'
import { FIXTURES, fixtureText, tempDir } from './store/helpers'

describe('account import with open orders (real process)', () => {
  it('imports the orders as the third file; refuses a bad one whole', async () => {
    const dir = tempDir()
    const db = join(dir, 'lib.sqlite')
    const lib = Library.open(db)
    importMarketText(lib, fixtureText('brackets-binance.json'), { name: 'brackets', asOf: '2026-03-05T00:00:00Z' })
    importMarketText(lib, fixtureText('assetIndex.json'), { name: 'rates' })
    importMarketText(lib, JSON.stringify([{ symbol: 'ETHUSDT', markPrice: '3100', indexPrice: '3099', lastFundingRate: '0.0001', time: 1772668800000 }]), { name: 'marks' })
    lib.close()
    const args = ['account', 'import', join(FIXTURES, 'account-v2.json'), join(FIXTURES, 'positionRisk-v2.json')]
    const dry = await cli([...args, join(FIXTURES, 'openOrders.json'), '--dry-run', '--db', db])
    expect(dry.stderr).not.toMatch(/error/i)
    expect(dry.stdout).toMatch(/^would import "Imported Binance account": 2 balances, 1 positions, 4 open orders, 2 symbols/)
    const bad = join(dir, 'orders.json')
    writeFileSync(bad, fixtureText('openOrders.json').replace('"price": "58000.00"', '"price": "-58000"'))
    const refused = await cli([...args, bad, '--db', db])
    expect(refused.code).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toContain('openOrders[0].price: must be greater than 0')
    const made = await cli([...args, join(FIXTURES, 'openOrders.json'), '--db', db, '--json'])
    expect(made.code).toBe(0)
    const { id } = JSON.parse(made.stdout) as { id: number }
    const check = Library.open(db)
    expect(check.portfolios.list()).toHaveLength(1)
    expect(check.portfolios.get(id).scenario.account.openOrders).toHaveLength(4)
    expect(check.portfolios.get(id).scenario.market.symbols.ETHUSDT!.fundingRate).toBe('0.0001')
    check.close()
  })
})
