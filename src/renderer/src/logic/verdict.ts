// The verdict sentence (ui.md "Verdict first"): generated from the comparison, it says what
// improves, what worsens, what blocks the switch and how to unblock it. Returned as segments so
// the view can colour each part (better / worse) without v-html.
import { Decimal } from '../../../shared/decimal'
import type { CompareResult, SwitchNote } from '../../../shared/engine'
import type { AccountMode, Scenario } from '../../../shared/scenario'
import { assetPlaces, formatAmount, formatPercent } from '../../../shared/format'
import { planSegments } from './plan-verdict'

export type Tone = 'better' | 'worse' | 'neutral' | 'blocked'

export interface Segment {
  text: string
  tone: Tone
}

export interface Verdict {
  /** The mode the switch would go to. */
  target: AccountMode
  targetName: string
  /** 'helps', 'hurts', 'mixed' or 'same': the short tag in front of the sentence. */
  overall: 'helps' | 'hurts' | 'mixed' | 'same'
  blocked: boolean
  segments: Segment[]
}

export const MODE_NAME: Record<AccountMode, string> = { 'single-asset': 'Single-Asset', 'multi-assets': 'Multi-Assets' }

export interface RatioFigure {
  ratio: string | null
  liquidated: boolean
  /** The group that sets it (Single-Asset), or 'account'. */
  by: string | null
}

/** The worst (highest) Single-Asset group margin ratio; a group with MM and no balance is liquidated. */
export function worstSingleRatio(result: CompareResult): RatioFigure {
  let worst: RatioFigure = { ratio: null, liquidated: false, by: null }
  for (const g of result.singleAsset.groups) {
    const hasMm = !new Decimal(g.maintenanceMargin).isZero()
    if (g.marginRatio === null) {
      if (hasMm) return { ratio: null, liquidated: true, by: g.asset }
      continue
    }
    const liquidated = new Decimal(g.marginRatio).gte(1)
    if (worst.ratio === null || new Decimal(g.marginRatio).gt(worst.ratio)) worst = { ratio: g.marginRatio, liquidated, by: g.asset }
  }
  return worst
}

export function multiRatio(result: CompareResult): RatioFigure {
  const m = result.multiAssets
  if (m.marginRatio === null) return { ratio: null, liquidated: !new Decimal(m.accountMaintenanceMargin).isZero(), by: 'account' }
  return { ratio: m.marginRatio, liquidated: new Decimal(m.marginRatio).gte(1), by: 'account' }
}

function ratioText(f: RatioFigure): string {
  if (f.liquidated && f.ratio === null) return 'liquidated'
  if (f.ratio === null) return 'none'
  return formatPercent(f.ratio, 1) + (f.liquidated ? ' (liquidated)' : '')
}

/** Compare two ratio figures: negative when `a` is safer than `b`. */
function ratioRank(f: RatioFigure): Decimal {
  if (f.liquidated && f.ratio === null) return new Decimal(1e9)
  return f.ratio === null ? new Decimal(-1) : new Decimal(f.ratio)
}

interface MoveChoice {
  asset: string
  direction: 'down' | 'up'
  from: string | null
  to: string | null
}

/** The assets whose nearest liquidation (today's mode) is closest, up to `limit`. */
function nearestMoves(result: CompareResult, current: AccountMode, limit: number): MoveChoice[] {
  const key = current === 'single-asset' ? 'singleAsset' : 'multiAssets'
  const other = current === 'single-asset' ? 'multiAssets' : 'singleAsset'
  const choices: (MoveChoice & { rank: Decimal })[] = []
  for (const s of result.shockToLiquidation) {
    for (const direction of ['down', 'up'] as const) {
      const from = s[direction][key].move
      const to = s[direction][other].move
      if (from === null && to === null) continue
      // Out of reach in both modes (beyond ±1,000%): not worth a clause.
      if (new Decimal(from ?? 99).abs().gte(10) && new Decimal(to ?? 99).abs().gte(10)) continue
      const rank = new Decimal(from ?? to ?? 0).abs().plus(from === null ? 100 : 0)
      choices.push({ asset: s.asset, direction, from, to, rank })
    }
  }
  choices.sort((a, b) => a.rank.cmp(b.rank))
  const seen = new Set<string>()
  const out: MoveChoice[] = []
  for (const c of choices) {
    if (seen.has(c.asset)) continue
    seen.add(c.asset)
    out.push(c)
    if (out.length >= limit) break
  }
  return out
}

function pct(move: string): string {
  return formatPercent(new Decimal(move).abs().toString(), 1)
}

function moveSegment(m: MoveChoice): Segment {
  const verb = m.direction === 'down' ? 'fall' : 'rise'
  if (m.from !== null && m.to !== null) {
    const better = new Decimal(m.to).abs().gt(new Decimal(m.from).abs())
    const same = new Decimal(m.to).abs().minus(new Decimal(m.from).abs()).abs().lt('0.0005')
    return { text: `${m.asset} can ${verb} ${pct(m.to)} instead of ${pct(m.from)} before liquidation`, tone: same ? 'neutral' : better ? 'better' : 'worse' }
  }
  if (m.to === null) return { text: `no ${m.asset} ${verb === 'fall' ? 'fall' : 'rise'} liquidates (today ${pct(m.from!)} does)`, tone: 'better' }
  return { text: `a ${m.asset} ${verb} of ${pct(m.to)} would liquidate (today no ${verb} does)`, tone: 'worse' }
}

/** How to unblock, in plain words, one phrase per blocker code. */
export function unblockPhrase(b: SwitchNote): string {
  switch (b.code) {
    case 'ISOLATED_POSITION': {
      const m = /^(.+?) is isolated/.exec(b.message)
      return `${m ? m[1] : 'the isolated position'} (isolated) is switched to cross or closed`
    }
    case 'NEGATIVE_BALANCE': {
      const m = /The (\S+) wallet/.exec(b.message)
      return `the ${m ? m[1] : ''} wallet balance is brought to zero or above`.replace('the  wallet', 'the wallet')
    }
    case 'INSUFFICIENT_MARGIN': {
      const m = /The (\S+) group/.exec(b.message)
      const a = m ? m[1] : 'its'
      return `the ${a} group has enough ${a} of its own (add ${a} or reduce its positions)`
    }
    case 'OPEN_ORDERS':
      return 'open orders are cancelled'
    default:
      return b.message.replace(/\.$/, '')
  }
}

function joinPhrases(parts: string[]): string {
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

export function buildVerdict(result: CompareResult, scenario: Scenario): Verdict {
  const current = scenario.account.mode
  const target: AccountMode = current === 'single-asset' ? 'multi-assets' : 'single-asset'
  const targetName = MODE_NAME[target]
  // A plan (scenario v2) speaks first: what it does differently in each mode.
  const segments: Segment[] = [...planSegments(result, scenario), { text: `Switching to ${targetName}: `, tone: 'neutral' }]
  const parts: Segment[] = []

  if (scenario.account.positions.length === 0) {
    parts.push({ text: 'no open positions, so neither mode can be liquidated', tone: 'neutral' })
  } else {
    const single = worstSingleRatio(result)
    const multi = multiRatio(result)
    const [from, to] = current === 'single-asset' ? [single, multi] : [multi, single]
    const cmp = ratioRank(to).cmp(ratioRank(from))
    const sameShown = ratioText(from) === ratioText(to)
    parts.push({
      text: `worst margin ratio ${ratioText(from)} → ${ratioText(to)}`,
      tone: sameShown || cmp === 0 ? 'neutral' : cmp < 0 ? 'better' : 'worse'
    })
    for (const m of nearestMoves(result, current, 2)) parts.push(moveSegment(m))
  }

  // Idle collateral: it backs nothing in Single-Asset Mode and counts (with a haircut) in Multi.
  const idle = result.singleAsset.idleAssets.filter((a) => new Decimal(a.wallet).gt(0))
  if (idle.length > 0) {
    const list = joinPhrases(idle.map((a) => `${formatAmount(a.wallet, assetPlaces(a.asset))} ${a.asset}`))
    parts.push(
      target === 'multi-assets'
        ? { text: `${list} of idle collateral starts counting`, tone: 'better' }
        : { text: `${list} of collateral stops counting (it backs nothing in Single-Asset Mode)`, tone: 'worse' }
    )
  }
  if (target === 'multi-assets') {
    const triggers = result.multiAssets.autoExchange.triggers
    if (triggers.length > 0) {
      parts.push({ text: `Auto-Exchange would trigger at once for ${joinPhrases(triggers.map((t) => t.asset))}`, tone: 'worse' })
    }
  }

  parts.forEach((p, i) => {
    segments.push(p)
    segments.push({ text: i < parts.length - 1 ? '; ' : '.', tone: 'neutral' })
  })

  const verdict = target === 'multi-assets' ? result.multiAssets.switch : result.singleAsset.switch
  if (!verdict.allowed) {
    segments.push({ text: ` Blocked until ${joinPhrases(verdict.blockers.map((b) => unblockPhrase(b)))}.`, tone: 'blocked' })
  } else {
    segments.push({ text: ' The switch is allowed.', tone: 'neutral' })
  }

  const better = parts.filter((p) => p.tone === 'better').length
  const worse = parts.filter((p) => p.tone === 'worse').length
  const overall = better > 0 && worse > 0 ? 'mixed' : better > 0 ? 'helps' : worse > 0 ? 'hurts' : 'same'
  return { target, targetName, overall, blocked: !verdict.allowed, segments }
}
