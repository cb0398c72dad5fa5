// The difference of a Multi-Assets figure from its Single-Asset counterpart: ▲/▼ by sign,
// coloured by better or worse FOR THE USER (a lower margin ratio is better, more equity is
// better), never by sign alone.
import { Decimal } from '../decimal'
import { formatAmount } from '../format'

export type Goodness = 'better' | 'worse' | 'same'

export interface Delta {
  /** "▲ 2,140.00 USD", "▼ 6.50 pts". */
  text: string
  goodness: Goodness
  /** Spoken form for screen readers: "2,140.00 USD higher, better". */
  label: string
}

export interface DeltaOptions {
  /** true when a larger number is better for the user (equity, available); false for ratios. */
  higherIsBetter: boolean
  /** 'pts' shows a ratio difference in percentage points. */
  unit: string
  places?: number
}

export function delta(multi: string | null, single: string | null, o: DeltaOptions): Delta | null {
  if (multi === null || single === null) return null
  let d = new Decimal(multi).minus(single)
  if (o.unit === 'pts') d = d.times(100)
  const places = o.places ?? 2
  const shown = formatAmount(d.abs().toString(), places)
  if (new Decimal(shown.replace(/,/g, '')).isZero()) return { text: `= 0`, goodness: 'same', label: 'no change' }
  const up = d.gt(0)
  const goodness: Goodness = up === o.higherIsBetter ? 'better' : 'worse'
  return {
    text: `${up ? '▲' : '▼'} ${shown} ${o.unit}`,
    goodness,
    label: `${shown} ${o.unit === 'pts' ? 'percentage points' : o.unit} ${up ? 'higher' : 'lower'} than Single-Asset, ${goodness}`
  }
}

/**
 * A move to liquidation: farther from 0 is better; no liquidation (null) is best.
 * Returned text compares magnitudes in percentage points.
 */
export function moveDelta(multi: string | null, single: string | null): Delta | null {
  if (multi === null && single === null) return null
  // Both out of reach (beyond ±1,000%): no difference worth showing.
  if (multi !== null && single !== null && new Decimal(multi).abs().gte(10) && new Decimal(single).abs().gte(10)) return null
  if (multi === null) return { text: '▲ none', goodness: 'better', label: 'no liquidation in Multi-Assets, better' }
  if (single === null) return { text: '▼ now liquidates', goodness: 'worse', label: 'liquidates in Multi-Assets only, worse' }
  const diff = new Decimal(multi).abs().minus(new Decimal(single).abs()).times(100)
  const shown = formatAmount(diff.abs().toString(), 2)
  if (new Decimal(shown.replace(/,/g, '')).isZero()) return { text: '= 0', goodness: 'same', label: 'no change' }
  const better = diff.gt(0)
  return {
    text: `${better ? '▲' : '▼'} ${shown} pts`,
    goodness: better ? 'better' : 'worse',
    label: `${shown} percentage points ${better ? 'farther from' : 'closer to'} liquidation, ${better ? 'better' : 'worse'}`
  }
}

/**
 * A figure after the plan against the same figure now (scenario v2): the second line under each
 * figure in the After the plan view. Same arrows and colours as `delta`, worded "from now".
 */
export function changeFromNow(after: string | null, now: string | null, o: DeltaOptions): Delta | null {
  const d = delta(after, now, o)
  if (!d) return null
  return { ...d, label: d.goodness === 'same' ? 'unchanged from now' : d.label.replace('than Single-Asset', 'than now') }
}
