// The shock-to-liquidation worker runs only the search (prepareAccount + shocksToLiquidation), not
// a whole compare: differential against compareScenario, which stays the oracle, on every bundled
// example, the worked fixtures and seeded hedge-mode books (isolated legs, several margin assets).
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeSlider } from '../../src/renderer/src/logic/slider-compute'
import { compareScenario } from '../../src/shared/engine'
import type { Scenario } from '../../src/shared/scenario'
import { bigHedgeBook } from '../helpers/big-book'
import { FAQ_MULTI, LP_CROSS, LP_ISOLATED, loadScenario } from './helpers'

const EXAMPLES = readdirSync(resolve(import.meta.dirname, '../../resources/examples')).map((f) => `resources/examples/${f}`)
const cases: [string, () => Scenario][] = [
  ...[...EXAMPLES, FAQ_MULTI, LP_CROSS, LP_ISOLATED].map((f): [string, () => Scenario] => [f, () => loadScenario(f)]),
  ['hedge book, 20 positions', () => bigHedgeBook(20)],
  ['hedge book, 60 positions, seed 5', () => bigHedgeBook(60, 5)]
]

describe('the shock-to-liquidation request computes the search alone', () => {
  it.each(cases)('%s: the same moves and method as a full compare', (_name, load) => {
    const s = load()
    const answer = computeSlider(s, { kind: 'stl' })
    if (answer.kind !== 'stl') throw new Error(`expected the search, got ${JSON.stringify(answer)}`)
    const oracle = compareScenario(s)
    expect(answer.stl).toEqual(oracle.shockToLiquidation)
    expect(answer.method).toBe(oracle.shockToLiquidationMethod)
  })
})
