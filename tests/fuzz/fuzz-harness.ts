// What every fuzzed input must satisfy, and how a failure is reported: the seed to replay it
// (FUZZ_SEED=… FUZZ_RUNS=…), the target, the case number, the mutation and the input.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** Total inputs per run across all targets (FUZZ_RUNS=n for more); at least 10,000. */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 10_000) || 10_000)
/**
 * A fixed seed by default, so CI is repeatable (a red run means a change broke something, not a
 * lucky draw); FUZZ_SEED=n replays a run and FUZZ_SEED=random explores new inputs.
 */
const DEFAULT_SEED = 20261201
export const FUZZ_SEED =
  process.env.FUZZ_SEED === 'random' ? (Date.now() ^ (process.pid << 16)) >>> 0 : process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) >>> 0 : DEFAULT_SEED

/** Per target: generous, because the machine may be shared; the default run takes seconds of CPU. */
export const FUZZ_TIMEOUT_MS = 120_000 * Math.max(1, FUZZ_RUNS / 10_000)

/** The share of FUZZ_RUNS one target gets (shares add up to 1). */
export const runsFor = (share: number): number => Math.max(1, Math.round(FUZZ_RUNS * share))

// Independent of the code under test: C0, DEL, C1, line/paragraph separators, bidi controls, lone surrogates.
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export class FuzzFailure extends Error {}

export interface FuzzCase {
  target: string
  index: number
  kind: string
  input: unknown
}

/** Throws with everything needed to replay; the input is also saved under test-results/fuzz/. */
export function fail(c: FuzzCase, why: string): never {
  const dir = resolve(import.meta.dirname, '../../test-results/fuzz')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${c.target.replace(/\W+/g, '-')}-seed-${FUZZ_SEED}-case-${c.index}.json`)
  writeFileSync(file, JSON.stringify(c.input))
  const shown = JSON.stringify(c.input) ?? String(c.input)
  throw new FuzzFailure(
    `${c.target}, case ${c.index} (${c.kind}): ${why}\n  replay: FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS} npx vitest run tests/fuzz\n  input (${shown.length} chars, saved to ${file}): ${shown.slice(0, 600)}`
  )
}

export function clean(c: FuzzCase, text: unknown, what: string): void {
  if (typeof text !== 'string') fail(c, `${what} is not a string: ${JSON.stringify(text)}`)
  if (RAW_CONTROL.test(text)) fail(c, `${what} holds a raw control character: ${JSON.stringify(text).slice(0, 300)}`)
}

/** A parse result: accepted, or refused with ≥ 1 problem, each a string path and a clean message. */
export function acceptedOrRefusedByPath(c: FuzzCase, result: unknown): result is { ok: true; value: unknown } {
  const r = result as { ok?: unknown; problems?: unknown; value?: unknown }
  if (r?.ok === true) return true
  if (r?.ok !== false) fail(c, `neither accepted nor refused: ${JSON.stringify(result)?.slice(0, 300)}`)
  if (!Array.isArray(r.problems) || r.problems.length === 0) fail(c, 'refused without a problem')
  for (const p of r.problems as { path?: unknown; message?: unknown }[]) {
    clean(c, p.path, 'a problem path')
    clean(c, p.message, 'a problem message')
    if ((p.path as string).length === 0 || (p.message as string).length === 0) fail(c, `an empty path or message: ${JSON.stringify(p)}`)
  }
  return false
}

/** Runs fn; anything thrown is a failure of this case. */
export function noThrow<T>(c: FuzzCase, fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof FuzzFailure) throw e
    return fail(c, `threw ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 6).join('\n')}` : String(e)}`)
  }
}
