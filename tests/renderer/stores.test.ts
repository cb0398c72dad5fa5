// @vitest-environment happy-dom
// The portfolio store (draft, validation by path, undo/redo, dirty) and the comparison store
// (computed from the last valid scenario only; sliders coalesced per frame; sweep only when the
// slider's asset changes).
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { useComparisonStore } from '../../src/renderer/src/stores/comparison'
import { usePortfolioStore } from '../../src/renderer/src/stores/portfolio'
import { ALL_CRYPTO } from '../../src/renderer/src/logic/assets'
import { FAQ_MULTI, loadScenario } from './helpers'

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('portfolio store', () => {
  it('keeps the same empty problem list while edits stay valid (nothing reading it is computed again)', () => {
    const p = usePortfolioStore()
    p.open(loadScenario(FAQ_MULTI))
    const none = p.problems
    expect(none).toEqual([])
    p.setField(['account', 'positions', 0, 'quantity'], '0.6')
    expect(p.problems).toBe(none)
    p.setField(['account', 'positions', 0, 'quantity'], '0.6x')
    expect(p.problems.length).toBeGreaterThan(0)
    p.setField(['account', 'positions', 0, 'quantity'], '0.7')
    expect(p.problems).toEqual([])
  })

  it('keeps the last valid scenario while the draft is invalid, with each problem by path', () => {
    const p = usePortfolioStore()
    p.open(loadScenario(FAQ_MULTI))
    const valid = p.valid
    expect(p.isValid).toBe(true)
    p.setField(['account', 'positions', 0, 'quantity'], '0.5x')
    expect(p.isValid).toBe(false)
    expect(p.problems.map((x) => x.path)).toContain('account.positions[0].quantity')
    expect(p.valid).toBe(valid)
    expect(p.dirty).toBe(true)
    p.setField(['account', 'positions', 0, 'quantity'], '0.6')
    expect(p.isValid).toBe(true)
    expect(p.valid).not.toBe(valid)
    expect(p.valid!.account.positions[0]!.quantity).toBe('0.6')
  })

  it('undoes and redoes; keystrokes in one field are one step', () => {
    const p = usePortfolioStore()
    p.open(loadScenario(FAQ_MULTI))
    p.setField(['account', 'balances', 0, 'wallet'], '2')
    p.setField(['account', 'balances', 0, 'wallet'], '25')
    p.setField(['account', 'balances', 0, 'wallet'], '250')
    p.mutate((d) => (d.account as { positions: unknown[] }).positions.splice(1, 1))
    expect(p.valid!.account.positions).toHaveLength(1)
    p.undo()
    expect(p.valid!.account.positions).toHaveLength(2)
    expect(p.valid!.account.balances[0]!.wallet).toBe('250')
    p.undo()
    expect(p.valid!.account.balances[0]!.wallet).toBe('200')
    expect(p.dirty).toBe(false)
    expect(p.canUndo).toBe(false)
    p.redo()
    expect(p.valid!.account.balances[0]!.wallet).toBe('250')
    p.redo()
    expect(p.valid!.account.positions).toHaveLength(1)
  })
})

describe('comparison store', () => {
  it('computes both columns from the valid scenario and follows the sliders once per frame', async () => {
    const frames: (() => void)[] = []
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(() => cb(0)))
    const p = usePortfolioStore()
    const c = useComparisonStore()
    p.open(loadScenario(FAQ_MULTI))
    await nextTick()
    expect(c.columns).not.toBeNull()
    expect(c.result!.multiAssets.marginRatio).toMatch(/^0\.479/)
    expect(c.stl.length).toBeGreaterThan(0)
    const sweep = c.sweep
    expect(sweep).not.toBeNull()

    c.setMove('BTC', -0.5)
    const sweepAfterAssetChange = c.sweep
    expect(sweepAfterAssetChange).not.toBe(sweep)
    c.setMove('BTC', -1)
    c.setMove('BTC', -1.5)
    // Three inputs, one frame requested, nothing computed until it runs.
    expect(frames).toHaveLength(1)
    expect(c.live).toBeNull()
    frames.shift()!()
    expect(c.live).not.toBeNull()
    expect(Number(c.result!.multiAssets.marginRatio)).toBeGreaterThan(0.4798)
    // Moving the same slider does not re-sweep.
    expect(c.sweep).toBe(sweepAfterAssetChange)
    expect(c.sliderValue).toBe(-1.5)

    c.setMove(ALL_CRYPTO, 3)
    expect(c.moves.ETH).toBe(3)
    expect(c.moves.BTC).toBe(3)
    c.resetMoves()
    expect(c.live).toBeNull()
    vi.unstubAllGlobals()
  })

  it('computes nothing from an invalid edit: the last valid comparison stays', async () => {
    const p = usePortfolioStore()
    const c = useComparisonStore()
    p.open(loadScenario(FAQ_MULTI))
    await nextTick()
    const before = c.columns
    p.setField(['account', 'positions', 0, 'entryPrice'], 'abc')
    await nextTick()
    expect(c.columns).toBe(before)
    p.setField(['account', 'positions', 0, 'entryPrice'], '21000')
    await nextTick()
    expect(c.columns).not.toBe(before)
  })
})
