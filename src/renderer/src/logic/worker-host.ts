// The slider worker's side of the lanes (workers/slider.worker.ts is this over `self`): holds the
// last valid scenario and answers requests with plain JSON; while it has nothing to do after a
// `warm` message, it warms V8's compiled code on a small built-in book (logic/warm-up.ts).
import { computeSlider, type FromWorker, type SliderRequest, type ToWorker } from './slider-compute'
import { warmScenario } from './warm-up'
import type { Scenario } from '../../../shared/scenario'

export interface WorkerHost {
  receive(msg: ToWorker): void
  /** Warm-up computes still to run (tests). */
  warmLeft(): number
}

/** `later` runs a callback in a later task (setTimeout 0 in the worker): messages are read between two warm-up computes. */
export function workerHost(post: (out: FromWorker) => void, later: (cb: () => void) => void = (cb) => setTimeout(cb, 0)): WorkerHost {
  let scenario: Scenario | null = null
  let gen = -1
  let warm: { request: SliderRequest; left: number } | null = null
  const step = (): void => {
    if (!warm) return
    computeSlider(warmScenario(), warm.request)
    if (--warm.left > 0) later(step)
    else warm = null
  }
  return {
    receive(msg) {
      if (msg.type === 'warm') {
        if (scenario || warm) return
        warm = { request: msg.request, left: msg.rounds }
        later(step)
        return
      }
      // Real work: the warm-up has done its part (what is left would only compete with it).
      warm = null
      if (msg.type === 'scenario') {
        scenario = msg.scenario
        gen = msg.gen
        return
      }
      if (!scenario || msg.gen !== gen) {
        post({ gen: msg.gen, seq: msg.seq, answer: { kind: 'error', message: 'stale' }, ms: 0 })
        return
      }
      const t = performance.now()
      const answer = computeSlider(scenario, msg.request)
      post({ gen, seq: msg.seq, answer, ms: performance.now() - t })
    },
    warmLeft: () => warm?.left ?? 0
  }
}
