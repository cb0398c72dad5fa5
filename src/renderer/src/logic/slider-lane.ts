// Latest-wins delivery of slider requests: at most one request in flight per lane; a newer
// request replaces the waiting one (never queued); answers older than a cancel are dropped.
// The worker lane posts to a Web Worker; the inline lane (no Worker: tests, a plain browser
// without module workers) computes synchronously, so the store behaves the same either way.
import type { Scenario } from '../../../shared/scenario'
import { computeSlider, type FromWorker, type SliderAnswer, type SliderRequest, type ToWorker } from './slider-compute'

export interface Lane {
  /** The scenario later requests run on (a new generation). */
  setScenario(gen: number, scenario: Scenario | null): void
  /** Ask; replaces a request still waiting. */
  submit(request: SliderRequest): void
  /** Drop the waiting request and ignore answers to everything sent so far. */
  cancel(): void
  /** True while a request is in flight or waiting. */
  busy(): boolean
  /** A worker with nothing to do yet warms its compiled code on `rounds` computes of a small built-in book (a real request stops it). */
  warm(request: SliderRequest, rounds: number): void
  dispose(): void
}

export type OnAnswer = (answer: SliderAnswer, ms: number) => void

/** Synchronous: the answer arrives before submit() returns. */
export function inlineLane(onAnswer: OnAnswer): Lane {
  let scenario: Scenario | null = null
  return {
    setScenario: (_gen, s) => {
      scenario = s
    },
    submit(request) {
      if (!scenario) return
      const t = performance.now()
      const answer = computeSlider(scenario, request)
      onAnswer(answer, performance.now() - t)
    },
    cancel() {},
    busy: () => false,
    // Inline: it would run on the page's own thread.
    warm() {},
    dispose() {}
  }
}

export interface WorkerLike {
  postMessage(msg: ToWorker): void
  terminate(): void
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null
  onerror: ((ev: ErrorEvent | Event) => void) | null
}

/** Over a worker; `onBroken` is called once if the worker cannot run (the store falls back to inline). */
export function workerLane(worker: WorkerLike, onAnswer: OnAnswer, onBroken: () => void): Lane {
  let gen = 0
  let seq = 0
  let acceptFrom = 1
  let inFlight = false
  let waiting: SliderRequest | null = null
  let hasScenario = false
  const pump = (): void => {
    if (inFlight || !waiting || !hasScenario) return
    const request = waiting
    waiting = null
    inFlight = true
    worker.postMessage({ type: 'request', gen, seq: ++seq, request })
  }
  worker.onmessage = (ev) => {
    inFlight = false
    const m = ev.data
    if (m.gen === gen && m.seq >= acceptFrom && !(m.answer.kind === 'error' && m.answer.message === 'stale')) onAnswer(m.answer, m.ms)
    pump()
  }
  worker.onerror = () => {
    worker.onerror = null
    onBroken()
  }
  return {
    setScenario(g, s) {
      gen = g
      hasScenario = s !== null
      acceptFrom = seq + 1
      if (s) worker.postMessage({ type: 'scenario', gen, scenario: s })
    },
    submit(request) {
      waiting = request
      pump()
    },
    cancel() {
      waiting = null
      acceptFrom = seq + 1
    },
    busy: () => inFlight || waiting !== null,
    warm(request, rounds) {
      worker.postMessage({ type: 'warm', request, rounds })
    },
    dispose() {
      worker.terminate()
    }
  }
}
