// The verdict's first clause when the scenario has a plan (ui.md: "the verdict sentence says what
// the plan does differently in each mode first"): "Sell 2 ETHUSDC at mark is refused in
// Single-Asset Mode for lack of USDC margin (−2019); in Multi-Assets Mode it fills and leaves
// 12.4% margin ratio."
import type { CompareResult, PlanStepModeResult } from '../../../shared/engine'
import type { AccountMode, Scenario } from '../../../shared/scenario'
import { formatPercent } from '../../../shared/format'
import { stepMarginAsset, stepSentence } from './plan-steps'
import { MODE_NAME, multiRatio, worstSingleRatio, type RatioFigure, type Segment } from '../../../shared/present/verdict'

type ModeKey = 'singleAsset' | 'multiAssets'
const KEY_MODE: Record<ModeKey, AccountMode> = { singleAsset: 'single-asset', multiAssets: 'multi-assets' }

/** The margin ratio a mode is left with after the plan: the account's (Multi) or the worst group's (Single). */
export function ratioAfter(result: CompareResult, key: ModeKey): RatioFigure | null {
  const after = result.plan?.after
  if (!after) return null
  const shaped = { ...result, singleAsset: after.singleAsset, multiAssets: after.multiAssets }
  return key === 'singleAsset' ? worstSingleRatio(shaped) : multiRatio(shaped)
}

function leaves(f: RatioFigure | null): string {
  if (!f) return ''
  if (f.liquidated) return 'leaves the account liquidated'
  if (f.ratio === null) return 'leaves no position to maintain'
  return `leaves ${formatPercent(f.ratio, 1)} margin ratio`
}

function why(o: PlanStepModeResult, asset: string | null, key: ModeKey): string {
  const code = o.binanceCode !== undefined ? ` (−${Math.abs(o.binanceCode)})` : ''
  if (o.code === 'INSUFFICIENT_MARGIN') return `for lack of ${key === 'singleAsset' && asset ? `${asset} ` : ''}margin${code}`
  if (o.code === 'MAX_NOTIONAL') return `beyond the bracket its leverage allows${code}`
  return `(${o.message ?? o.code ?? 'refused'})`.replace(/\.\)$/, ')')
}

export function planSegments(result: CompareResult, scenario: Scenario): Segment[] {
  const plan = result.plan
  const steps = scenario.plan ?? []
  if (!plan || plan.steps.length === 0 || steps.length !== plan.steps.length) return []
  const current = scenario.account.mode
  const differs = plan.steps.find((s) => s.singleAsset.accepted !== s.multiAssets.accepted)
  if (differs) {
    const step = steps[differs.index]!
    const refusedKey: ModeKey = differs.singleAsset.accepted ? 'multiAssets' : 'singleAsset'
    const acceptedKey: ModeKey = refusedKey === 'singleAsset' ? 'multiAssets' : 'singleAsset'
    const verb = step.kind === 'trade' ? 'fills' : 'goes through'
    // Refused where the account is today and accepted in the other mode: the switch is what makes it work.
    const tone = KEY_MODE[refusedKey] === current ? 'better' : 'worse'
    return [
      { text: `The plan: ${stepSentence(step, scenario)} is refused in ${MODE_NAME[KEY_MODE[refusedKey]]} Mode ${why(differs[refusedKey], stepMarginAsset(step, scenario), refusedKey)}`, tone: 'neutral' },
      { text: '; ', tone: 'neutral' },
      { text: `in ${MODE_NAME[KEY_MODE[acceptedKey]]} Mode it ${verb} and the plan ${leaves(ratioAfter(result, acceptedKey))}`, tone },
      { text: '. ', tone: 'neutral' }
    ]
  }
  const refused = plan.steps.filter((s) => !s.singleAsset.accepted)
  if (refused.length > 0) {
    const first = refused[0]!
    return [
      { text: `The plan: ${stepSentence(steps[first.index]!, scenario)} is refused in both modes ${why(first.singleAsset, stepMarginAsset(steps[first.index]!, scenario), 'singleAsset')}`, tone: 'worse' },
      { text: '. ', tone: 'neutral' }
    ]
  }
  const n = plan.steps.length
  return [
    { text: `The plan: ${n === 1 ? 'its step goes' : `all ${n} steps go`} through in both modes; Single-Asset Mode ${leaves(ratioAfter(result, 'singleAsset'))}, Multi-Assets Mode ${leaves(ratioAfter(result, 'multiAssets'))}`, tone: 'neutral' },
    { text: '. ', tone: 'neutral' }
  ]
}
