// `compare` of a version 2 file with open orders, through the real CLI process
// (scenario-format.md §3, margin-rules.md §7): the table's order sections and the JSON fields.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseScenario, writeScenario } from '../../src/shared/scenario'
import { runCli } from '../helpers/cli'

const dir = mkdtempSync(join(tmpdir(), 'mp-cli-orders-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function fileWithOrders(): string {
  const parsed = parseScenario(readFileSync(join(import.meta.dirname, '../fixtures/store/basic.mpscenario.json'), 'utf8'))
  if (!parsed.ok) throw new Error('fixture')
  const s = parsed.value
  // BTCUSDT long 0.8 at 20x, mark 61,000: a buy 0.1 @ 60,000 holds 6,000 / 20 = 300 USDT.
  s.account.openOrders = [
    { symbol: 'BTCUSDT', side: 'buy', quantity: '0.1', price: '60000', type: 'limit' },
    { symbol: 'BTCUSDT', side: 'sell', quantity: '0.8', price: '55000', type: 'stop', reduceOnly: true }
  ]
  const path = join(dir, 'orders.mpscenario.json')
  writeFileSync(path, writeScenario(s))
  return path
}

describe('compare with open orders (real process)', () => {
  it('--json: open-order IM in both modes, the orders listed, the switch blocked by OPEN_ORDERS', async () => {
    const r = await runCli(['compare', fileWithOrders(), '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc.singleAsset.groups[0]).toMatchObject({ asset: 'USDT', openOrderInitialMargin: '300' })
    // At USDT's askRate 1.0001 (askBuffer 0.0001): 300.03 USD.
    expect(doc.multiAssets.accountOpenOrderInitialMargin).toBe('300.03')
    expect(doc.singleAsset.openOrders).toEqual([
      { symbol: 'BTCUSDT', positionSide: 'BOTH', marginAsset: 'USDT', leverage: 20, bidValue: '6000', askValue: '0', marginRequirement: '2740', initialMargin: '300', openLoss: '0', held: '300', orders: 2, stopOrders: 1 }
    ])
    expect(doc.openOrders.map((o: { type: string }) => o.type)).toEqual(['limit', 'stop'])
    expect(doc.multiAssets.switch.blockers.map((b: { code: string; binanceCode: number }) => [b.code, b.binanceCode])).toContainEqual(['OPEN_ORDERS', -4170])
  })

  it('the table shows the orders under the positions and what they hold in each mode', async () => {
    const r = await runCli(['compare', fileWithOrders()])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('open orders hold: 300.00 USDT (part of init. margin)')
    expect(r.stdout).toContain('open orders hold: 300.03 USD (part of init. margin)')
    expect(r.stdout).toContain('OPEN_ORDERS (-4170): Binance refuses the switch while any order is open: cancel the 2 open orders first.')
    const section = r.stdout.slice(r.stdout.indexOf('OPEN ORDERS:'))
    expect(section.split('\n').slice(0, 6).join('\n')).toMatch(/BTCUSDT\s+buy\s+limit\s+0\.1\s+60,000\.0000\s+0\.00\n.*sell reduce-only\s+stop\s+0\.8[\s\S]*BTCUSDT\s+BOTH\s+20x\s+6,000\.00\s+0\.00\s+2,740\.00\s+300\.00\s+0\.00\s+300\.00 USDT\s+300\.03 USD/)
  })
})
