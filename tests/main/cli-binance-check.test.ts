// The real CLI process: exchangeInfo, brackets and assetIndex as snapshots, a hand-made Binance
// account imported, then `compare --id` shows Binance's own liquidation price beside ours,
// flagged ten ticks away (ETHUSDT) and not one tick away (BTCUSDT).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from './cli-library-helpers'
import { FIXTURES, tempDir } from './store/helpers'

const IMPORT = join(FIXTURES, '../import')

describe('Binance liquidation price beside ours (real process)', () => {
  it('market import exchangeInfo, account import, compare --id', async () => {
    const db = join(tempDir(), 'lib.sqlite')
    const run = (...args: string[]) => cli([...args, '--db', db])
    expect((await run('market', 'import', join(FIXTURES, 'brackets-binance.json'), '--as-of', '2026-03-05T00:00:00Z')).code).toBe(0)
    expect((await run('market', 'import', join(FIXTURES, 'assetIndex.json'))).code).toBe(0)
    const ticks = await run('market', 'import', join(IMPORT, 'exchange-info.json'), '--json')
    expect(JSON.parse(ticks.stdout)).toMatchObject({ id: 3, kind: 'exchangeInfo', symbols: 3, assets: 0 })
    const account = await run('account', 'import', join(IMPORT, 'binance-check/account.json'), join(IMPORT, 'binance-check/position-risk.json'))
    expect(account.stdout).toBe('1\n')

    const [table, json] = await Promise.all([run('compare', '--id', '1'), run('compare', '--id', '1', '--json')])
    expect(table.code).toBe(0)
    const lines = table.stdout.split('\n')
    expect(lines.find((l) => l.startsWith('symbol ') && l.includes('multi-assets liq.'))).toMatch(/Binance liq\.$/)
    expect(lines.find((l) => l.startsWith('BTCUSDT'))).toMatch(/50,000\.1000$/)
    expect(lines.find((l) => l.startsWith('ETHUSDT'))).toMatch(/3,500\.1000 DIFFERS$/)
    const positions = JSON.parse(json.stdout).singleAsset.positions as Record<string, unknown>[]
    expect(positions.map((p) => [p.binanceLiquidationPrice, p.liquidationPriceDifference, p.differsFromBinance])).toEqual([
      ['50000.1', '-0.1', false],
      ['3500.1', '-0.1', true]
    ])
  })
})
