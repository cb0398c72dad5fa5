// The positions table's distances come with the columns from their worker (logic/ladder-distances.ts):
// the same strings the table computed itself, used only for exactly the positions they were
// computed on (any other result, e.g. the sliders', computes its own).
import { describe, expect, it } from 'vitest'
import { distance } from '../../src/renderer/src/logic/display'
import { ladderDistances, ladderDistancesOf, rememberLadderDistances } from '../../src/renderer/src/logic/ladder-distances'
import { computeSlider } from '../../src/renderer/src/logic/slider-compute'
import { compareScenario } from '../../src/shared/engine'
import { bigHedgeBook } from '../helpers/big-book'
import { FAQ_MULTI, LP_ISOLATED, loadScenario } from './helpers'

describe('the positions table distances', () => {
  it.each([
    ['FAQ multi', () => loadScenario(FAQ_MULTI)],
    ['LP isolated', () => loadScenario(LP_ISOLATED)],
    ['hedge book, 60 positions', () => bigHedgeBook(60, 5)]
  ])('%s: the columns answer carries the distances the table computes, against the single-asset mark', (_name, load) => {
    const s = load()
    const a = computeSlider(s, { kind: 'columns' })
    if (a.kind !== 'columns') throw new Error(JSON.stringify(a))
    const r = compareScenario(s, { shockToLiquidation: false })
    expect(a.result).toEqual(r)
    const single = r.singleAsset.positions
    const multi = r.multiAssets.positions
    const { single: singleTexts, multi: multiTexts, singleSize, multiSize } = a.distances
    expect({ single: singleTexts, multi: multiTexts }).toEqual({
      single: single.map((p) => distance(p.liquidationPrice, p.markPrice)),
      multi: multi.map((p, i) => distance(p.liquidationPrice, single[i]!.markPrice))
    })
    // And their sizes, what the table sorts by: |distance|, Infinity where there is none.
    const size = (d: string | null): number => (d === null ? Infinity : Math.abs(Number(d)))
    expect({ singleSize, multiSize }).toEqual({ singleSize: singleTexts.map(size), multiSize: multiTexts.map(size) })
    expect(a.distances.single.length).toBe(s.account.positions.length)
  })

  it('uses remembered distances only for the very arrays they were computed on', () => {
    const r = compareScenario(bigHedgeBook(20), { shockToLiquidation: false })
    const single = r.singleAsset.positions
    const multi = r.multiAssets.positions
    const d = ladderDistances(single, multi)
    rememberLadderDistances(single, multi, d)
    expect(ladderDistancesOf(single, multi)).toBe(d)
    // Another multi array (or another result): computed, equal, not the remembered object.
    const other = ladderDistancesOf(single, [...multi])
    expect(other).not.toBe(d)
    expect(other).toEqual(d)
    expect(ladderDistancesOf(structuredClone(single), multi)).toEqual(d)
  })
})
