// The slider worker: holds the last valid scenario and answers live / sweep requests with plain
// JSON (CompareResult is decimal strings; the sweep plain numbers). The store keeps at most one
// request in flight per worker and sends only the latest, so nothing queues up here.
import type { Scenario } from '../../../shared/scenario'
import { computeSlider, type FromWorker, type ToWorker } from '../logic/slider-compute'

let scenario: Scenario | null = null
let gen = -1

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data
  if (msg.type === 'scenario') {
    scenario = msg.scenario
    gen = msg.gen
    return
  }
  if (!scenario || msg.gen !== gen) {
    const out: FromWorker = { gen: msg.gen, seq: msg.seq, answer: { kind: 'error', message: 'stale' }, ms: 0 }
    self.postMessage(out)
    return
  }
  const t = performance.now()
  const answer = computeSlider(scenario, msg.request)
  const out: FromWorker = { gen, seq: msg.seq, answer, ms: performance.now() - t }
  self.postMessage(out)
}
