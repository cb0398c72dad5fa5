// @vitest-environment happy-dom
// Issue 9 in the renderer with the real stores and the real engine: the plan's sentences and
// Binance's refusal reasons, the verdict's plan clause, the plan store (steps in the portfolio,
// undo/redo, version 2 only when used), the Now | After view, and the new components (plan tab,
// max open, funding card, open orders) mounted over the v2 fixture.
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { compareScenario } from '../../src/shared/engine'
import { formatAmount } from '../../src/shared/format'
import type { Scenario } from '../../src/shared/scenario'
import FundingHorizonCard from '../../src/renderer/src/components/FundingHorizonCard.vue'
import MaxOpenTable from '../../src/renderer/src/components/MaxOpenTable.vue'
import OpenOrdersEditor from '../../src/renderer/src/components/OpenOrdersEditor.vue'
import PlanPanel from '../../src/renderer/src/components/PlanPanel.vue'
import { changeFromNow } from '../../src/renderer/src/logic/delta'
import { computeSlider } from '../../src/renderer/src/logic/slider-compute'
import { dateAfter, fundingLines, whenWords } from '../../src/renderer/src/logic/funding-words'
import { outcomeText, refusalText, stepSentence } from '../../src/renderer/src/logic/plan-steps'
import { planSegments } from '../../src/renderer/src/logic/plan-verdict'
import { buildVerdict } from '../../src/renderer/src/logic/verdict'
import { useComparisonStore } from '../../src/renderer/src/stores/comparison'
import { usePlanStore } from '../../src/renderer/src/stores/plan'
import { usePortfolioStore } from '../../src/renderer/src/stores/portfolio'
import { bigHedgeBook } from '../helpers/big-book'
import { v2Scenario } from '../helpers/plan-scenarios'
import { FAQ_MULTI, loadScenario } from './helpers'

const PLAN = 'tests/fixtures/plan/plan-journey.mpscenario.json'
const plain = (s: Scenario): Scenario => JSON.parse(JSON.stringify(s)) as Scenario

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('plan steps in words', () => {
  const s = loadScenario(PLAN)
  it('one sentence per step kind', () => {
    expect(stepSentence({ kind: 'trade', symbol: 'ETHUSDT', side: 'sell', quantity: '2', price: '3050', liquidity: 'taker' }, s)).toBe('Sell 2 ETHUSDT at 3,050, taker')
    expect(stepSentence({ kind: 'trade', symbol: 'SOLUSDC', side: 'buy', positionSide: 'long', quantity: '10', leverage: 10 }, s)).toBe('Buy 10 SOLUSDC LONG at mark, taker, 10x')
    expect(stepSentence({ kind: 'transfer', asset: 'USDC', amount: '-500' }, s)).toBe('Withdraw 500 USDC')
    expect(stepSentence({ kind: 'transfer', asset: 'USDT', amount: '12000' }, s)).toBe('Deposit 12,000 USDT')
    expect(stepSentence({ kind: 'funding', hours: 72 }, s)).toBe('Pay or receive 3 days (72 h) of funding at today’s rates')
    expect(stepSentence({ kind: 'funding', hours: 8 }, loadScenario(FAQ_MULTI))).toBe('Pay or receive 8 h of funding (no symbol has a funding rate)')
    expect(stepSentence({ kind: 'move', moves: { BTC: '-0.1', ETH: '0.05' } }, s)).toBe('Market moves: BTC −10%, ETH +5%')
    expect(stepSentence({ kind: 'cancelOrders' }, s)).toBe('Cancel every open order')
  })

  it('a refusal in Binance’s words with its code and the numbers; an acceptance with what it cost', () => {
    const steps = compareScenario(s).plan!.steps
    expect(refusalText(steps[0]!.singleAsset, 'USDC')).toBe('−2019 margin is insufficient: needs 820.12 USDC, has 300.00')
    expect(steps[0]!.multiAssets.accepted).toBe(true)
    expect(outcomeText(steps[0]!.multiAssets, s.plan![0]!, s)).toBe('fee 2.05 USDC, margin 820.12 USDC')
    expect(outcomeText(steps[2]!.singleAsset, s.plan![2]!, s)).toBe('realized +25.00 USDT, fee 0.28 USDT')
    expect(refusalText({ accepted: false, code: 'MAX_NOTIONAL', binanceCode: -2027, message: 'too big.' }, 'USDT')).toBe('−2027 exceeded the maximum allowable position at current leverage: too big.')
  })
})

describe('the verdict covers the plan first', () => {
  it('a trade refused in one mode and filled in the other', () => {
    const s = loadScenario(PLAN)
    const r = compareScenario(s)
    const text = buildVerdict(r, s).segments.map((x) => x.text).join('')
    expect(text).toMatch(/^The plan: Buy 2 ETHUSDC at mark, taker, 5x is refused in Single-Asset Mode for lack of USDC margin \(−2019\); in Multi-Assets Mode it fills and the plan leaves \d+\.\d% margin ratio\. Switching to Multi-Assets: /)
    // Refused where the account is (Single-Asset) and filled after the switch: that clause is good news.
    expect(planSegments(r, s)[2]!.tone).toBe('better')
  })

  it('every step accepted in both modes; no plan, no clause', () => {
    const s = loadScenario(PLAN)
    s.plan = [s.plan![1]!]
    expect(planSegments(compareScenario(s), s).map((x) => x.text).join('')).toMatch(/^The plan: its step goes through in both modes; Single-Asset Mode leaves [\d.]+% margin ratio, Multi-Assets Mode leaves [\d.]+% margin ratio\. $/)
    const none = loadScenario(FAQ_MULTI)
    expect(planSegments(compareScenario(none), none)).toEqual([])
  })
})

describe('funding words', () => {
  it('dates from asOf, whole days rounded down, the year when it changes, never plainly', () => {
    expect(dateAfter('2026-03-05T00:00:00Z', '38.9')).toBe('12 April')
    expect(dateAfter('2026-12-01T00:00:00Z', '38')).toBe('8 January 2027')
    expect(whenWords('2026-12-01T00:00:00Z', '38.2')).toBe('on 8 January 2027, in 38 days')
    expect(whenWords('2026-12-01T00:00:00Z', '0')).toBe('already')
    expect(whenWords('2026-12-01T00:00:00Z', '40000')).toBe('in over 100 years')
  })

  it('one sentence per paying asset from the engine’s horizon; a receiving asset never reaches its threshold', () => {
    const s = loadScenario(PLAN)
    const lines = fundingLines(compareScenario(s), s)
    expect(lines.map((l) => l.asset)).toEqual(['USDT'])
    expect(lines[0]!.text).toMatch(/^At today’s funding your USDT pays 17\.87 a day and reaches the −5,000 threshold on 31 March 2027, in 391 days in Multi-Assets Mode: USDC with a 0\.01% haircut and BTC with a 2\.50% haircut would be sold\.$/)
    s.market.symbols.SOLUSDT!.fundingRate = '0.001'
    const flipped = fundingLines(compareScenario(s), s)
    expect(flipped[0]!.kind).toBe('safe')
    expect(flipped[0]!.text).toMatch(/USDT receives [\d.]+ a day: funding never drives it to the Auto-Exchange threshold\./)
  })
})

describe('change from now', () => {
  it('arrows and colours for the user, worded against now', () => {
    expect(changeFromNow('0.124', '0.1', { higherIsBetter: false, unit: 'pts', places: 1 })).toEqual({ text: '▲ 2.4 pts', goodness: 'worse', label: '2.4 percentage points higher than now, worse' })
    expect(changeFromNow('100', '100', { higherIsBetter: true, unit: 'USD' })!.label).toBe('unchanged from now')
    expect(changeFromNow(null, '1', { higherIsBetter: true, unit: 'USD' })).toBeNull()
  })
})

describe('plan store', () => {
  it('steps are part of the portfolio: add, move, remove, each one undo step; version 2 only while used', async () => {
    const p = usePortfolioStore()
    const plan = usePlanStore()
    const base = loadScenario(FAQ_MULTI)
    p.open(base)
    expect(plan.steps).toEqual([])
    plan.add({ kind: 'funding', hours: 24 })
    plan.add({ kind: 'cancelOrders' })
    expect(p.draft!.version).toBe(2)
    expect(p.isValid).toBe(true)
    plan.move(1, 0)
    expect(plan.steps.map((x) => x.kind)).toEqual(['cancelOrders', 'funding'])
    await nextTick()
    expect(plan.outcomes!.map((o) => o.kind)).toEqual(['cancelOrders', 'funding'])
    p.undo()
    expect(plan.steps.map((x) => x.kind)).toEqual(['funding', 'cancelOrders'])
    p.redo()
    plan.remove(0)
    plan.remove(0)
    expect('plan' in p.draft!).toBe(false)
    expect(p.valid!.plan).toBeUndefined()
    // Adding then removing every step leaves the portfolio as it was saved.
    expect(p.dirty).toBe(false)
  })

  it('no outcomes from an invalid draft; the After view is each mode’s end state with the now figures beside', async () => {
    const p = usePortfolioStore()
    const cmp = useComparisonStore()
    const plan = usePlanStore()
    p.open(loadScenario(PLAN))
    await nextTick()
    expect(plan.hasPlan).toBe(true)
    expect(plan.outcomes!.length).toBe(3)
    plan.view = 'after'
    expect(plan.showingAfter).toBe(true)
    expect(plan.after!.multiAssets).toEqual(cmp.columns!.plan!.after.multiAssets)
    expect(plan.after!.multiAssets.accountEquity).not.toBe(cmp.today!.multiAssets.accountEquity)
    // A shock slider moves today's market: the columns go back to Now.
    cmp.setMove('BTC', -10)
    await nextTick()
    expect(plan.view).toBe('now')
    cmp.resetMoves()
    plan.view = 'after'
    p.open(loadScenario(PLAN))
    await nextTick()
    expect(plan.view).toBe('now')
    p.setField(['plan', 0, 'quantity'], 'two')
    expect(p.problems.map((x) => x.path)).toContain('plan[0].quantity')
    expect(plan.outcomes).toBeNull()
  })
})

describe('slider frames', () => {
  it('a live frame under a shock skips the plan (of today’s market) but keeps max open under the shock', () => {
    const s = loadScenario(PLAN)
    const a = computeSlider(s, { kind: 'live', moves: { BTC: '-0.1' } })
    if (a.kind !== 'live') throw new Error(a.kind)
    expect(a.result.plan).toBeUndefined()
    expect(a.result.singleAsset.maxOpen!.length).toBeGreaterThan(0)
    expect(a.result.singleAsset.maxOpen).not.toEqual(compareScenario(s).singleAsset.maxOpen)
  })
})

describe('components', () => {
  it('the plan tab: ✗ with Binance’s reason, ✓ beside it; the form refuses bad input under its field; buttons reorder', async () => {
    const p = usePortfolioStore()
    p.open(loadScenario(PLAN))
    useComparisonStore()
    const w = mount(PlanPanel, { attachTo: document.body })
    await nextTick()
    const first = w.get('[data-testid="plan-step-0"]')
    expect(first.get('[data-mode="singleAsset"]').text()).toMatch(/✗\s*Single-Asset\s*−2019 margin is insufficient: needs 820\.12 USDC, has 300\.00/)
    expect(first.get('[data-mode="multiAssets"]').text()).toMatch(/✓\s*Multi-Assets/)
    await w.get('select[aria-label="Step kind"]').setValue('funding')
    await w.get('input[aria-label="Funding days"]').setValue('0.01')
    await w.get('form').trigger('submit')
    expect(w.get('#err-plan-form-days').text()).toMatch(/whole hours/)
    await w.get('input[aria-label="Funding days"]').setValue('7')
    await w.get('form').trigger('submit')
    expect(p.draft!.plan).toHaveLength(4)
    expect((p.draft!.plan as { hours?: number }[])[3]!.hours).toBe(168)
    await w.get('button[aria-label="Move step 4 up"]').trigger('click')
    expect(w.get('[data-testid="plan-step-2"]').text()).toMatch(/7 days \(168 h\)/)
    expect(w.get('button[aria-label="Move step 1 up"]').attributes('disabled')).toBeDefined()
    w.unmount()
  })

  it('max open: one row per symbol, buy / sell per mode, the binding limit as a word; quantities rounded down', () => {
    const s = loadScenario(PLAN)
    const r = compareScenario(s)
    const w = mount(MaxOpenTable, { props: { result: r, scenario: s } })
    const rows = w.findAll('tbody tr')
    expect(rows.map((x) => x.attributes('data-symbol'))).toEqual(['BTCUSDT', 'SOLUSDT'])
    const btc = r.singleAsset.maxOpen!.find((e) => e.symbol === 'BTCUSDT' && e.side === 'buy')!
    const shown = btc.quantity.replace(/^(\d+\.\d{4}).*$/, '$1')
    expect(rows[0]!.get('td[data-col="singleAsset"]').text()).toContain(`buy ${shown}`)
    expect(rows[0]!.get('td[data-col="singleAsset"]').text()).toMatch(/margin/)
  })

  it('max open of a big book lists its first 12 rows, then all of them on request', async () => {
    const s = bigHedgeBook(40)
    const w = mount(MaxOpenTable, { props: { result: compareScenario(s, { shockToLiquidation: false }), scenario: s } })
    expect(w.findAll('tbody tr[data-symbol]')).toHaveLength(12)
    const more = w.get('[data-testid="more-max-open"]')
    expect(more.text()).toBe('Show all 40 rows')
    await more.trigger('click')
    expect(w.findAll('tbody tr[data-symbol]')).toHaveLength(40)
    expect(w.get('tbody tr[data-symbol] th .side').text()).toMatch(/^(LONG|SHORT)$/)
  })

  it('the funding card: per day, the sentence, days to liquidation or never', () => {
    const s = loadScenario(PLAN)
    const w = mount(FundingHorizonCard, { props: { result: compareScenario(s), scenario: s } })
    expect(w.text()).toMatch(/USDT a day\s*-17\.87 USDT/)
    expect(w.get('p[data-asset="USDT"]').text()).toMatch(/reaches the −5,000 threshold on 31 March 2027, in 391 days/)
    expect(w.text()).toMatch(/Single-Asset USDC\s*never/)
    const none = loadScenario(FAQ_MULTI)
    expect(mount(FundingHorizonCard, { props: { result: compareScenario(none), scenario: none } }).find('[data-testid="funding-horizon"]').exists()).toBe(false)
  })

  it('open orders show the margin they hold in each mode: the FAQ example, 950 of open-order IM [FAQ 87fa7ee3…]', async () => {
    // Long 0.5 BTC at mark 20,000 (N = 10,000), buy 0.1 @ 19,000, sell 0.1 @ 22,000, 2x:
    // MR = max(11,900, 7,800) / 2 = 5,950; open-order IM = 5,950 − 10,000 / 2 = 950.
    const s = v2Scenario(
      {
        balances: [{ asset: 'USDT', wallet: '20000' }],
        positions: [{ symbol: 'BTCUSDT', side: 'long', quantity: '0.5', entryPrice: '20000', leverage: 2, marginType: 'cross' }],
        openOrders: [
          { symbol: 'BTCUSDT', side: 'buy', quantity: '0.1', price: '19000', type: 'limit' },
          { symbol: 'BTCUSDT', side: 'sell', quantity: '0.1', price: '22000', type: 'limit' }
        ]
      },
      [],
      (x) => (x.market.symbols.BTCUSDT!.markPrice = '20000')
    )
    const p = usePortfolioStore()
    p.open(s)
    useComparisonStore()
    const w = mount(OpenOrdersEditor)
    await nextTick()
    expect(w.get('[data-testid="order-margin-BTCUSDT-singleAsset"]').text()).toMatch(/^950\.00 USDT/)
    const multi = compareScenario(s).multiAssets.openOrders![0]!
    expect(multi.held).toBe('950')
    expect(w.get('[data-testid="order-margin-BTCUSDT-multiAssets"]').text()).toContain(`${formatAmount(multi.heldUsd!, 2)} USD`)
    // Orders block the switch: the verdict says how to unblock.
    expect(buildVerdict(compareScenario(s), s).segments.map((x) => x.text).join('')).toMatch(/Blocked until open orders are cancelled\./)
  })

  it('open orders: grouped under their symbol, stop orders greyed; an edit goes through the reader', async () => {
    const p = usePortfolioStore()
    p.open(plain(loadScenario(PLAN)))
    useComparisonStore()
    const w = mount(OpenOrdersEditor)
    await nextTick()
    const btc = w.get('tbody[data-symbol="BTCUSDT"]')
    expect(btc.findAll('tr.stop')).toHaveLength(1)
    expect(btc.get('tr.group').text()).toMatch(/long 0\.06 @ 68,400, 20x/)
    await w.get('input[aria-label="Order 1 quantity"]').setValue('-1')
    expect(p.problems.some((x) => x.path === 'account.openOrders[0].quantity')).toBe(true)
    await nextTick()
    expect(w.find('#err-account-openOrders-0--quantity').text()).not.toBe('')
    await w.get('button[aria-label="Remove order 1 BTCUSDT"]').trigger('click')
    await w.get('button[aria-label="Remove order 1 BTCUSDT"]').trigger('click')
    expect('openOrders' in (p.draft!.account as object)).toBe(false)
    expect(w.text()).toMatch(/No open orders/)
  })
})
