// Pure renderer logic: bands, deltas coloured for the user, the verdict sentence, explain
// panels, problems by path, sweep crossings.
import { describe, expect, it } from 'vitest'
import { Decimal } from '../../src/shared/decimal'
import { compareScenario, prepareAccount, sweepMarginRatios } from '../../src/shared/engine'
import { bandWord, ratioBand } from '../../src/renderer/src/logic/bands'
import { delta, moveDelta } from '../../src/renderer/src/logic/delta'
import { moveText, pricePlaces } from '../../src/renderer/src/logic/display'
import { explainLiquidation, explainMultiRatio } from '../../src/renderer/src/logic/explain'
import { newScenario } from '../../src/renderer/src/logic/new-scenario'
import { problemsAt, unclaimed } from '../../src/renderer/src/logic/problems'
import { crossings, toSeries } from '../../src/renderer/src/logic/sweep-series'
import { buildVerdict, unblockPhrase, unblockPhrases } from '../../src/renderer/src/logic/verdict'
import { parseScenarioValue } from '../../src/shared/scenario'
import { FAQ_MULTI, LP_CROSS, LP_ISOLATED, loadScenario } from './helpers'

describe('margin ratio bands (ui.md)', () => {
  it('is calm below 50%, amber to 80%, red from 80%, liquidated from 100% with a word', () => {
    expect(ratioBand('0.4999')).toBe('calm')
    expect(ratioBand('0.5')).toBe('amber')
    expect(ratioBand('0.8')).toBe('red')
    expect(ratioBand('1')).toBe('liquidated')
    expect(ratioBand(null, true)).toBe('liquidated')
    expect(ratioBand(null)).toBe('none')
    expect(bandWord('liquidated')).toBe('LIQUIDATED')
    expect(bandWord('amber')).not.toBe('')
  })
})

describe('deltas are coloured by better or worse for the user, not by sign', () => {
  it('a lower margin ratio is better though the arrow points down', () => {
    const d = delta('0.184', '0.961', { higherIsBetter: false, unit: 'pts', places: 1 })!
    expect(d.text).toBe('▼ 77.7 pts')
    expect(d.goodness).toBe('better')
  })
  it('more equity is better with the arrow up; less is worse', () => {
    expect(delta('26702.18', '24562.18', { higherIsBetter: true, unit: 'USD' })!.goodness).toBe('better')
    expect(delta('100', '200', { higherIsBetter: true, unit: 'USD' })).toMatchObject({ text: '▼ 100.00 USD', goodness: 'worse' })
  })
  it('a move to liquidation farther from 0 is better, none is best', () => {
    expect(moveDelta('-0.31', '-0.182')).toMatchObject({ text: '▲ 12.80 pts', goodness: 'better' })
    expect(moveDelta('-0.1', '-0.2')!.goodness).toBe('worse')
    expect(moveDelta(null, '-0.2')!.goodness).toBe('better')
    expect(moveDelta('-0.2', null)!.goodness).toBe('worse')
    expect(moveDelta('80000', '160000')).toBeNull()
  })
  it('moves beyond ±1,000% are shown as out of reach', () => {
    expect(moveText('80037.8195')).toBe('> +1,000%')
    expect(moveText('-0.3635')).toBe('-36.35%')
    expect(moveText(null)).toBe('none')
  })
  it('prices show the places they are written with, 2 to 8', () => {
    expect(pricePlaces('61000')).toBe(2)
    expect(pricePlaces('0.123456', '0.12')).toBe(6)
  })
})

describe('the verdict sentence', () => {
  it('names the worst margin ratio before and after and the better shock to liquidation (FAQ Multi-Assets example, seen from Single-Asset)', () => {
    const s = loadScenario(FAQ_MULTI)
    const single = { ...s, account: { ...s.account, mode: 'single-asset' as const } }
    const v = buildVerdict(compareScenario(single), single)
    const text = v.segments.map((x) => x.text).join('')
    expect(text).toMatch(/^Switching to Multi-Assets: worst margin ratio .+% → 48\.0%/)
    expect(v.target).toBe('multi-assets')
    expect(text).toMatch(/before liquidation/)
  })
  it('says what blocks the switch and how to unblock it (isolated positions)', () => {
    const s = loadScenario(LP_ISOLATED)
    const r = compareScenario(s)
    const v = buildVerdict(r, s)
    expect(v.blocked).toBe(true)
    const blocked = v.segments.find((x) => x.tone === 'blocked')!
    expect(blocked.text).toMatch(/^ Blocked until .*\(isolated\) is switched to cross or closed/)
    for (const b of r.multiAssets.switch.blockers) expect(unblockPhrase(b)).not.toBe('')
  })
  it('from Multi-Assets, switching to Single-Asset reports collateral that stops counting', () => {
    const s = newScenario()
    const withBtc = { ...s, account: { ...s.account, mode: 'multi-assets' as const, balances: [...s.account.balances, { asset: 'ETH', wallet: '2' }] } }
    const v = buildVerdict(compareScenario(withBtc), withBtc)
    const text = v.segments.map((x) => x.text).join('')
    expect(text).toContain('Switching to Single-Asset')
    expect(text).toContain('2.000000 ETH of collateral stops counting')
  })
})

describe('explain panels', () => {
  it('give the formula, the numbers, the FAQ and mark Decisions', () => {
    const s = loadScenario(LP_CROSS)
    const r = compareScenario(s)
    const e = explainLiquidation(r.singleAsset.positions[0]!, 'single', s)
    expect(e.sources[0]!.faq).toBe('b3c689c1f50a44cabb3a84e663b81d93')
    expect(e.decision).toBeTruthy()
    expect(e.full).toBe(r.singleAsset.positions[0]!.liquidationPrice)
    const m = explainLiquidation(r.multiAssets.positions[0]!, 'multi', s)
    expect(m.decision).toMatch(/no Multi-Assets liquidation formula/)
    const ratio = explainMultiRatio(r)
    expect(ratio.plugged.join('\n')).toContain(r.multiAssets.accountEquity)
    expect(ratio.decision).toBeUndefined()
  })
})

describe('problems by JSON path', () => {
  it('finds each problem under its field and lists the rest', () => {
    const s = newScenario() as unknown as { account: { positions: unknown[] } }
    s.account.positions.push({ symbol: 'BTCUSDT', side: 'long', quantity: '6.4e4', entryPrice: '', leverage: 10, marginType: 'cross' })
    const r = parseScenarioValue(s)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(problemsAt(r.problems, 'account.positions[0].quantity')).toHaveLength(1)
    expect(problemsAt(r.problems, 'account.positions[0].entryPrice')).toHaveLength(1)
    expect(problemsAt(r.problems, 'account.positions[0]', true).length).toBeGreaterThanOrEqual(2)
    expect(unclaimed(r.problems, ['account.positions[0].quantity', 'account.positions[0].entryPrice'])).toHaveLength(0)
  })
})

describe('sweep series for the chart', () => {
  it('interpolates where a line crosses 100% on each side of 0', () => {
    expect(crossings([-2, -1, 0, 1, 2], [150, 50, 10, 20, 40])).toEqual([-1.5])
    expect(crossings([-1, 0, 1], [10, 120, 10])).toEqual([0])
  })
  it('turns the engine sweep into numbers clipped at 150%, one line per group and one for Multi', () => {
    const s = loadScenario(FAQ_MULTI)
    const xs = Array.from({ length: 201 }, (_, i) => new Decimal(i - 100).div(200))
    const series = toSeries(sweepMarginRatios(prepareAccount(s), new Set(['BTC', 'ETH']), xs))
    expect(series.xs[0]).toBe(-50)
    expect(series.xs[200]).toBe(50)
    expect(series.lines.map((l) => l.label)).toEqual(['Single-Asset USDT', 'Single-Asset USDC', 'Multi-Assets'])
    for (const l of series.lines) for (const y of l.ys) if (y !== null) expect(y).toBeLessThanOrEqual(150)
    expect(series.lines[2]!.crossings.length).toBeGreaterThan(0)
  })
})

describe('the verdict on a big book', () => {
  it('groups a hundred isolated blockers into one phrase and keeps the others', () => {
    const iso = (s: string) => ({ code: 'ISOLATED_POSITION' as const, binanceCode: -4167, message: `${s} SHORT is isolated: Multi-Assets Mode is cross only.` })
    const few = unblockPhrases([iso('AUSDT'), iso('BUSDT')])
    expect(few).toEqual(['AUSDT SHORT (isolated) is switched to cross or closed', 'BUSDT SHORT (isolated) is switched to cross or closed'])
    const many = [...Array.from({ length: 100 }, (_, i) => iso(`S${i}USDT`)), { code: 'OPEN_ORDERS' as const, binanceCode: -4170, message: 'Binance refuses the switch while any order is open.' }]
    expect(unblockPhrases(many)).toEqual(['100 isolated positions (S0USDT SHORT, S1USDT SHORT, S2USDT SHORT and 97 more) are switched to cross or closed', 'open orders are cancelled'])
  })
})
