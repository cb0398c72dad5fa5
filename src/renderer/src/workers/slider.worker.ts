// The slider worker: holds the last valid scenario and answers live / sweep requests with plain
// JSON (CompareResult is decimal strings; the sweep plain numbers). The store keeps at most one
// request in flight per worker and sends only the latest, so nothing queues up here. The work is
// logic/worker-host.ts (with the warm-up at start), testable without a worker.
import type { FromWorker, ToWorker } from '../logic/slider-compute'
import { workerHost } from '../logic/worker-host'

const host = workerHost((out: FromWorker) => self.postMessage(out))

self.onmessage = (ev: MessageEvent<ToWorker>) => host.receive(ev.data)
