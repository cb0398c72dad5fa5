// `margin-planner compare FILE [--json]` through the real process (scenario-format.md §2).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Decimal, DECIMAL_PATTERN } from '../../src/shared/decimal'
import { runCli } from '../helpers/cli'
import { ROOT } from '../helpers/scenarios'

const dir = mkdtempSync(join(tmpdir(), 'mp-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const example = (name: string): string => join(ROOT, 'resources/examples', `${name}.mpscenario.json`)

/** Every leaf that is a string must be a plain decimal, an identifier or prose; never a float. */
function numbersAreDecimalStrings(value: unknown, path = ''): string[] {
  if (typeof value === 'number' && !['version', 'maxLeverage', 'binanceCode', '.leverage', '.index', 'cancelledOrders'].some((k) => path.endsWith(k))) return [path]
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersAreDecimalStrings(v, `${path}[${i}]`))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersAreDecimalStrings(v, `${path}.${k}`))
  return []
}

describe('compare FILE --json', () => {
  it('prints exactly one JSON document with both modes, exit 0, nothing on stderr', async () => {
    const r = await runCli(['compare', example('usdc-position-needs-multi-assets'), '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(Object.keys(doc).slice(0, 4)).toEqual(['scenario', 'singleAsset', 'multiAssets', 'shocks'])
    expect(doc.singleAsset.groups.map((g: { asset: string }) => g.asset)).toEqual(['USDT', 'USDC'])
    expect(doc.singleAsset.switch.blockers[0]).toMatchObject({ code: 'INSUFFICIENT_MARGIN', binanceCode: -4169 })
    expect(doc.multiAssets.switch).toEqual({ allowed: true, blockers: [], warnings: [] })
    expect(doc.multiAssets.positions.map((p: { symbol: string }) => p.symbol)).toEqual(['BTCUSDT', 'SOLUSDT', 'ETHUSDC'])
    expect(DECIMAL_PATTERN.test(doc.multiAssets.accountEquity)).toBe(true)
    expect(numbersAreDecimalStrings(doc)).toEqual([])
    expect(doc.shocks.map((s: { name: string }) => s.name)).toEqual(['ETH -10%', 'crypto -15%', 'SOL +20%'])
  })

  it('collateral changes the shock to liquidation (BTC and ETH held behind USDT perpetuals)', async () => {
    const doc = JSON.parse((await runCli(['compare', example('btc-eth-collateral'), '--json'])).stdout)
    expect(doc.singleAsset.idleAssets.map((a: { asset: string }) => a.asset)).toEqual(['BTC', 'ETH'])
    const eth = doc.shockToLiquidation.find((s: { asset: string }) => s.asset === 'ETH')
    // Idle in Single-Asset Mode, the collateral carries the book further in Multi-Assets Mode:
    // the USDT group goes at ETH −13.84%, the pooled account survives any ETH fall.
    expect(new Decimal(eth.down.singleAsset.move).toFixed(4)).toBe('-0.1384')
    expect(eth.down.singleAsset.by).toBe('USDT')
    expect(eth.down.multiAssets).toEqual({ move: null, by: null })
  })

  it('a hedge-mode account with an isolated position is blocked from switching (−4167)', async () => {
    const doc = JSON.parse((await runCli(['compare', example('hedge-mode-isolated-blocked'), '--json'])).stdout)
    expect(doc.multiAssets.switch.allowed).toBe(false)
    expect(doc.multiAssets.switch.blockers).toEqual([expect.objectContaining({ code: 'ISOLATED_POSITION', binanceCode: -4167 })])
    const [long, short] = doc.singleAsset.positions
    expect([long.positionSide, short.positionSide]).toEqual(['LONG', 'SHORT'])
    expect(long.liquidationPrice).toBe(short.liquidationPrice)
    // Net long 0.7 BTC: only a rise past every bracket cap liquidates it, and that is flagged.
    const btc = doc.shockToLiquidation.find((s: { asset: string }) => s.asset === 'BTC')
    expect(btc.up.singleAsset.beyondLastBracket).toBe(true)
    expect(btc.down.singleAsset.beyondLastBracket).toBeUndefined()
  })

  it('without --json prints the readable side-by-side table', async () => {
    const r = await runCli(['compare', example('hedge-mode-isolated-blocked')])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('MULTI-ASSETS MODE: switch BLOCKED (1)')
    expect(r.stdout).toContain('ISOLATED_POSITION (-4167)')
    expect(r.stdout).toMatch(/BTCUSDT\s+LONG\s+cross/)
  })

  it('`npm run --silent cli -- compare FILE --json` behaves the same', () => {
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'compare', example('btc-eth-collateral'), '--json'], { cwd: ROOT, encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).scenario).toBe('BTC and ETH collateral behind USDT perpetuals')
  })
})

describe('bad input exits 2, names the problem by its path on stderr, prints nothing on stdout', () => {
  const good = JSON.parse(readFileSync(example('btc-eth-collateral'), 'utf8'))
  const variant = (edit: (s: any) => void): string => {
    const s = structuredClone(good)
    edit(s)
    return JSON.stringify(s, null, 2)
  }
  const cases: [string, string, string][] = [
    ['not JSON', '{ "format": "margin-planner/scenario", ', '(file): not valid JSON at line 1'],
    ['wrong format', variant((s) => (s.format = 'something-else')), 'format: expected "margin-planner/scenario", got "something-else"'],
    ['newer version', variant((s) => (s.version = 3 as never)), 'version: this file is version 3; this program reads versions up to 2'],
    ['a number instead of a decimal string', variant((s) => (s.account.balances[0].wallet = 2500)), 'account.balances[0].wallet: expected a decimal string, got 2500'],
    ['exponent notation', JSON.stringify(good).replace('"entryPrice":"2140"', '"entryPrice":6.4e4'), 'account.positions[0].entryPrice: expected a decimal string, got 6.4e4'],
    ['exponent notation in a string', variant((s) => (s.account.positions[1].quantity = '1.5e2')), 'account.positions[1].quantity: expected a decimal string, got "1.5e2"'],
    ['unknown key', variant((s) => (s.account.positions[0].stopLoss = '1900')), 'account.positions[0].stopLoss: unknown key'],
    ['unknown symbol', variant((s) => (s.account.positions[2].symbol = 'DOGEUSDT')), 'account.positions[2].symbol: unknown symbol "DOGEUSDT"'],
    ['unknown asset', variant((s) => s.account.balances.push({ asset: 'XYZ', wallet: '1' })), 'account.balances[3].asset: unknown asset "XYZ"'],
    ['isolated without isolatedWallet', variant((s) => (s.account.positions[0].marginType = 'isolated')), 'account.positions[0].isolatedWallet: an isolated position needs its isolatedWallet'],
    ['two one-way positions in one symbol', variant((s) => s.account.positions.push({ ...s.account.positions[0], side: 'short' })), 'account.positions[3].symbol: one-way mode holds one position per symbol; ETHUSDT is already at account.positions[0]'],
    ['quantity ≤ 0', variant((s) => (s.account.positions[1].quantity = '0')), 'account.positions[1].quantity: the quantity is the absolute size and must be above 0, got 0'],
    ['broken cum recurrence', variant((s) => (s.market.symbols.SOLUSDT.brackets[2].cum = '1474')), 'market.symbols.SOLUSDT.brackets[2].cum: bracket 3 of SOLUSDT: cum must be 1475'],
    ['notional above the last cap', variant((s) => (s.account.positions[1].quantity = '3000000')), 'account.positions[1].quantity: notional 415260000 at mark exceeds the largest bracket of SOLUSDT'],
    ['leverage above the table', variant((s) => (s.account.positions[1].leverage = 101)), 'account.positions[1].leverage: SOLUSDT allows at most 100x, got 101x']
  ]

  it.each(cases)('%s', async (_, text, expected) => {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.mpscenario.json`)
    writeFileSync(file, text)
    const r = await runCli(['compare', file, '--json'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(`${file}: ${expected}`)
  })

  it('lists every problem of a file, one line each', async () => {
    const file = join(dir, 'many.mpscenario.json')
    writeFileSync(file, variant((s) => {
      s.account.positions[0].quantity = '-1'
      s.account.positions[1].symbol = 'NOPEUSDT'
      s.market.assets.BTC.index = '0'
    }))
    const r = await runCli(['compare', file])
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(3)
  })

  it('a missing file and a missing argument are bad input too', async () => {
    expect((await runCli(['compare', join(dir, 'nope.json')])).code).toBe(2)
    expect((await runCli(['compare'])).code).toBe(2)
    expect((await runCli(['frobnicate'])).code).toBe(2)
  })
})
