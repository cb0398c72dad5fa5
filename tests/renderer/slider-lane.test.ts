// The slider worker's delivery: at most one request in flight, latest wins (a waiting request is
// replaced, never queued), answers from before a cancel or a new scenario are dropped; a broken
// worker reports once so the store can fall back to inline compute.
import { describe, expect, it } from 'vitest'
import type { FromWorker, SliderAnswer, ToWorker } from '../../src/renderer/src/logic/slider-compute'
import { computeSlider } from '../../src/renderer/src/logic/slider-compute'
import { compareScenario } from '../../src/shared/engine'
import { inlineLane, workerLane, type WorkerLike } from '../../src/renderer/src/logic/slider-lane'
import { FAQ_MULTI, loadScenario } from './helpers'

function fakeWorker(): WorkerLike & { sent: ToWorker[]; answer(i: number): void } {
  const w = {
    sent: [] as ToWorker[],
    onmessage: null as WorkerLike['onmessage'],
    onerror: null as WorkerLike['onerror'],
    postMessage(m: ToWorker) {
      w.sent.push(m)
    },
    terminate() {},
    /** Answer the i-th message sent (a request) as the worker would. */
    answer(i: number) {
      const m = w.sent[i]!
      if (m.type !== 'request') throw new Error('not a request')
      const out: FromWorker = { gen: m.gen, seq: m.seq, answer: { kind: 'error', message: `answer ${m.seq}` }, ms: 1 }
      w.onmessage!({ data: out } as MessageEvent<FromWorker>)
    }
  }
  return w
}

describe('slider lanes', () => {
  it('keeps one request in flight and sends only the latest when it returns', () => {
    const w = fakeWorker()
    const got: SliderAnswer[] = []
    let broken = 0
    const lane = workerLane(w, (a) => got.push(a), () => broken++)
    const s = loadScenario(FAQ_MULTI)
    lane.setScenario(1, s)
    expect(w.sent).toHaveLength(1)
    lane.submit({ kind: 'live', moves: { BTC: '-0.01' } })
    lane.submit({ kind: 'live', moves: { BTC: '-0.02' } })
    lane.submit({ kind: 'live', moves: { BTC: '-0.03' } })
    // One sent (the first), the third waits; the second was replaced.
    expect(w.sent.filter((m) => m.type === 'request')).toHaveLength(1)
    expect(lane.busy()).toBe(true)
    w.answer(1)
    expect(got).toHaveLength(1)
    const requests = w.sent.filter((m) => m.type === 'request')
    expect(requests).toHaveLength(2)
    expect((requests[1] as { request: { moves: Record<string, string> } }).request.moves).toEqual({ BTC: '-0.03' })
    // A cancel drops the answer to what was in flight.
    lane.cancel()
    w.answer(2)
    expect(got).toHaveLength(1)
    expect(lane.busy()).toBe(false)
    // A new scenario drops answers computed on the old one.
    lane.submit({ kind: 'live', moves: { BTC: '-0.04' } })
    lane.setScenario(2, s)
    w.answer(w.sent.length - 2)
    expect(got).toHaveLength(1)
    w.onerror!(new Event('error'))
    w.onerror?.(new Event('error'))
    expect(broken).toBe(1)
  })

  it('inline lane answers synchronously with the same compute as the worker', () => {
    const s = loadScenario(FAQ_MULTI)
    const got: SliderAnswer[] = []
    const lane = inlineLane((a) => got.push(a))
    lane.setScenario(1, s)
    lane.submit({ kind: 'live', moves: { BTC: '-0.1' } })
    expect(got).toHaveLength(1)
    expect(got[0]).toEqual(computeSlider(s, { kind: 'live', moves: { BTC: '-0.1' } }))
    expect(got[0]!.kind).toBe('live')
    lane.submit({ kind: 'sweep', moving: ['BTC'], held: {} })
    expect(got[1]!.kind).toBe('sweep')
    // Plain JSON: what crosses postMessage survives a structured clone unchanged.
    expect(structuredClone(got[1])).toEqual(got[1])
    // The shock-to-liquidation search answers what compareScenario finds.
    lane.submit({ kind: 'stl' })
    const stl = got[2]!
    expect(stl.kind).toBe('stl')
    if (stl.kind === 'stl') expect(stl.stl).toEqual(compareScenario(s).shockToLiquidation)
    expect(structuredClone(stl)).toEqual(stl)
  })
})
