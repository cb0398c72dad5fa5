// The slider worker's host (logic/worker-host.ts): the answers are the compute's, warm-up or not;
// the warm-up runs one small compute per task while the worker has nothing else to do, and the
// first real message stops it (a request waits for at most the one compute under way); it never
// starts once a scenario is there. The built-in warm-up book is a valid scenario every kind computes.
import { describe, expect, it } from 'vitest'
import { computeSlider, type FromWorker, type SliderRequest } from '../../src/renderer/src/logic/slider-compute'
import { warmScenario } from '../../src/renderer/src/logic/warm-up'
import { workerHost } from '../../src/renderer/src/logic/worker-host'
import { parseScenarioValue } from '../../src/shared/scenario'
import { bigHedgeBook } from '../helpers/big-book'
import { FAQ_MULTI, loadScenario } from './helpers'

/** A host whose "later" tasks the test runs one at a time. */
function host(): { h: ReturnType<typeof workerHost>; out: FromWorker[]; tasks: (() => void)[]; runTask: () => void } {
  const out: FromWorker[] = []
  const tasks: (() => void)[] = []
  const h = workerHost(
    (m) => out.push(m),
    (cb) => tasks.push(cb)
  )
  return { h, out, tasks, runTask: () => tasks.shift()!() }
}

const requests: SliderRequest[] = [{ kind: 'columns' }, { kind: 'stl' }, { kind: 'live', moves: { BTC: '-0.1' } }]

describe('the worker host', () => {
  it('the warm-up book is a valid scenario, new objects every call, and every kind computes on it', () => {
    const parsed = parseScenarioValue(JSON.parse(JSON.stringify(warmScenario())))
    expect(parsed.ok).toBe(true)
    expect(warmScenario()).toEqual(warmScenario())
    expect(warmScenario().market.symbols).not.toBe(warmScenario().market.symbols)
    const w = warmScenario()
    for (const r of [...requests, { kind: 'sweep', moving: ['BTC', 'WARM0'], held: {} } as SliderRequest]) expect(computeSlider(w, r).kind).toBe(r.kind)
  })

  it.each([
    ['FAQ multi', () => loadScenario(FAQ_MULTI)],
    ['hedge book, 60 positions', () => bigHedgeBook(60, 5)]
  ])('%s: the same answers after a whole warm-up, after a cut-short one and with none', (_name, load) => {
    const answersOf = (warmTasks: number | null): FromWorker['answer'][] => {
      const { h, out, tasks, runTask } = host()
      if (warmTasks !== null) {
        h.receive({ type: 'warm', request: { kind: 'columns' }, rounds: 3 })
        for (let i = 0; i < warmTasks && tasks.length; i++) runTask()
      }
      h.receive({ type: 'scenario', gen: 1, scenario: load() })
      requests.forEach((request, i) => h.receive({ type: 'request', gen: 1, seq: i + 1, request }))
      while (tasks.length) runTask()
      return out.map((o) => o.answer)
    }
    const oracle = requests.map((r) => computeSlider(load(), r))
    expect(answersOf(null)).toEqual(oracle)
    expect(answersOf(1)).toEqual(oracle)
    expect(answersOf(10)).toEqual(oracle)
  })

  it('warms one compute per task, and the first real message stops it', () => {
    const { h, out, tasks, runTask } = host()
    h.receive({ type: 'warm', request: { kind: 'stl' }, rounds: 5 })
    // Nothing computed in the message itself: the first compute is a later task.
    expect(h.warmLeft()).toBe(5)
    expect(tasks).toHaveLength(1)
    runTask()
    expect(h.warmLeft()).toBe(4)
    expect(tasks).toHaveLength(1)
    expect(out).toEqual([])
    // A real message: answered at once, and no warm-up compute runs after it.
    h.receive({ type: 'scenario', gen: 1, scenario: loadScenario(FAQ_MULTI) })
    h.receive({ type: 'request', gen: 1, seq: 1, request: { kind: 'stl' } })
    expect(out).toHaveLength(1)
    expect(h.warmLeft()).toBe(0)
    runTask()
    expect(tasks).toHaveLength(0)
    // Once a scenario is there, a warm message is ignored.
    h.receive({ type: 'warm', request: { kind: 'stl' }, rounds: 5 })
    expect(h.warmLeft()).toBe(0)
    expect(tasks).toHaveLength(0)
  })

  it('runs exactly the rounds asked, then stops', () => {
    const { h, tasks, runTask } = host()
    h.receive({ type: 'warm', request: { kind: 'columns' }, rounds: 3 })
    let ran = 0
    while (tasks.length) {
      runTask()
      ran++
    }
    expect(ran).toBe(3)
    expect(h.warmLeft()).toBe(0)
  })
})
