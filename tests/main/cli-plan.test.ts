// `compare` with a plan, max open and a funding horizon, through the real CLI process
// (scenario-format.md §3), on the bundled example where the mode decides.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'
import { ROOT } from '../helpers/scenarios'

const dir = mkdtempSync(join(tmpdir(), 'mp-cli-plan-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const example = join(ROOT, 'resources/examples/usdc-trade-needs-multi-assets.mpscenario.json')

describe('compare with a plan (usdc-trade-needs-multi-assets)', () => {
  it('--json: the USDC trade is refused in Single-Asset Mode (−2019) and fills in Multi-Assets Mode; after, max open and the horizon per §3', async () => {
    const r = await runCli(['compare', example, '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    // Every amount a decimal string: JSON numbers only for counts, codes and leverage.
    const numbers: string[] = []
    const doc = JSON.parse(r.stdout, (key, value: unknown) => {
      if (typeof value === 'number' && !['index', 'binanceCode', 'leverage', 'maxLeverage', 'cancelledOrders'].includes(key)) numbers.push(key)
      return value
    })
    expect(numbers).toEqual([])
    expect(doc.plan.steps.map((s: { kind: string }) => s.kind)).toEqual(['trade', 'funding', 'move', 'trade'])
    const [trade, funding] = doc.plan.steps
    expect(trade.singleAsset).toMatchObject({ accepted: false, code: 'INSUFFICIENT_MARGIN', binanceCode: -2019, availableBefore: '250' })
    expect(trade.multiAssets).toMatchObject({ accepted: true, realizedPnl: '0' })
    // 2 × 2,050.31 / 10 of margin; 0.05% taker on 4,100.62.
    expect(trade.multiAssets.cost).toBe('410.062')
    expect(trade.multiAssets.commission).toBe('2.05031')
    // Funding: only Multi-Assets holds the ETHUSDC long, so only it pays USDC.
    expect(funding.singleAsset.funding.map((f: { asset: string }) => f.asset)).toEqual(['USDT'])
    expect(funding.multiAssets.funding.map((f: { asset: string }) => f.asset)).toEqual(['USDT', 'USDC'])
    expect(doc.plan.after.singleAsset.positions.map((p: { symbol: string }) => p.symbol)).toEqual(['SOLUSDT'])
    expect(doc.plan.after.multiAssets.positions.map((p: { symbol: string }) => p.symbol)).toEqual(['SOLUSDT', 'ETHUSDC'])
    expect(doc.plan.after.multiAssets.autoExchange).toBeDefined()
    expect(doc.singleAsset.maxOpen.map((e: { symbol: string; side: string }) => `${e.symbol} ${e.side}`)).toEqual(['BTCUSDT buy', 'BTCUSDT sell', 'SOLUSDT buy', 'SOLUSDT sell'])
    expect(doc.fundingHorizon.perDay).toEqual([{ asset: 'USDT', amount: expect.stringMatching(/^-\d/) }])
    expect(Object.keys(doc.fundingHorizon)).toEqual(['perDay', 'singleAsset', 'multiAssets'])
  })

  it('the table prints MAX OPEN, FUNDING HORIZON and one PLAN line per step and mode', async () => {
    const r = await runCli(['compare', example])
    expect(r.code).toBe(0)
    const lines = r.stdout.split('\n')
    for (const title of ['MAX OPEN:', 'FUNDING HORIZON:', 'PLAN:']) expect(lines.some((l) => l.startsWith(title))).toBe(true)
    const plan = lines.slice(lines.findIndex((l) => l.startsWith('PLAN:')) + 2)
    expect(plan[0]).toMatch(/^1 +buy 2 ETHUSDC @ mark 10x +single-asset +✗ +INSUFFICIENT_MARGIN \(-2019\) +410\.06 USDC +250\.00 USDC/)
    expect(plan[1]).toMatch(/^ +multi-assets +✓ +410\.06 USDC/)
    expect(plan.filter((l) => / (single|multi)-assets? /.test(l))).toHaveLength(8)
    expect(r.stdout).toMatch(/after the plan, multi-assets: /)
  })

  it('a plan step on an unknown symbol is refused whole by path, exit 2, nothing on stdout', async () => {
    const doc = JSON.parse(readFileSync(example, 'utf8'))
    doc.plan.push({ kind: 'trade', symbol: 'DOGEUSDT', side: 'buy', quantity: '1' })
    const file = join(dir, 'bad-plan.mpscenario.json')
    writeFileSync(file, JSON.stringify(doc))
    const r = await runCli(['compare', file, '--json'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/plan\[4\]\.symbol/)
  })
})
