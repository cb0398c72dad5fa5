// The explain panels (ui.md "Explain (ⓘ)"): for every figure, its formula, the numbers plugged
// in, the Binance source (FAQ id from margin-rules.md) and a mark where it rests on a project
// Decision rather than on Binance's own text. Full-precision decimals live here.
import { Decimal } from '../../../shared/decimal'
import type { AssetResult, AutoExchangeTrigger, CompareResult, GroupResult, MoveToLiquidation, PositionResult } from '../../../shared/engine'
import type { Scenario } from '../../../shared/scenario'

export interface Source {
  faq: string
  label: string
}

export interface Explanation {
  title: string
  /** The figure as displayed. */
  shown: string
  /** The figure at full precision (null when it does not exist). */
  full: string | null
  formula: string
  plugged: string[]
  sources: Source[]
  /** Set when the figure rests on a project Decision (margin-rules.md), with what it decides. */
  decision?: string
  note?: string
}

const faqUrl = 'https://www.binance.com/en/support/faq/'
export function sourceUrl(s: Source): string {
  return faqUrl + s.faq
}

export const SOURCES = {
  singleAsset: { faq: '29b45c485d664028b9ca1cdf90b24f6f', label: 'Binance FAQ: Single-Asset and Multi-Assets Modes' },
  maintenance: { faq: 'b3c689c1f50a44cabb3a84e663b81d93', label: 'Binance FAQ: Leverage, margin and liquidation price of futures' },
  pnl: { faq: '5d62f8be18d24544b5b6156094c16bf7', label: 'Binance FAQ: How to calculate PnL and available balance' },
  notional: { faq: '4f83b65d83654b5e933f85ef12bf769d', label: 'Binance FAQ: Mark price and notional' },
  withdraw: { faq: '360038447311', label: 'Binance FAQ: Max withdrawable amount' },
  multiExample: { faq: 'c983a9268cfa4e70a4916c276bb3b7bc', label: 'Binance FAQ: Multi-Assets Mode worked example' },
  autoExchange: { faq: 'f80415bea8124f6494566f23c0bf9c38', label: 'Binance FAQ: Auto-Exchange in Multi-Assets Mode' }
} satisfies Record<string, Source>

const d = (x: string): Decimal => new Decimal(x)

export function explainGroupRatio(g: GroupResult): Explanation {
  return {
    title: `Margin ratio, ${g.asset} group (Single-Asset)`,
    shown: '',
    full: g.marginRatio,
    formula: 'margin ratio = maintenance margin / margin balance;  margin balance = cross wallet + Σ unrealized PnL (cross positions of the group)',
    plugged: [
      `cross wallet = ${g.crossWalletBalance} ${g.asset}  (wallet ${g.walletBalance} − isolated wallets)`,
      `Σ unrealized PnL = ${g.unrealizedPnl} ${g.asset}`,
      `margin balance = ${g.marginBalance} ${g.asset}`,
      `maintenance margin = Σ (notional × MMR − cum) = ${g.maintenanceMargin} ${g.asset}`,
      `margin ratio = ${g.maintenanceMargin} / ${g.marginBalance} = ${g.marginRatio ?? '— (no margin balance left, or nothing to maintain)'}`
    ],
    sources: [SOURCES.singleAsset, SOURCES.maintenance],
    decision: 'The bracket holding a notional exactly on a floor is the upper one (margin-rules.md §2).',
    note: 'Liquidation at 100%. Binance advises staying below 80%.'
  }
}

export function explainGroupBalance(g: GroupResult): Explanation {
  return {
    title: `Margin balance, ${g.asset} group (Single-Asset)`,
    shown: '',
    full: g.marginBalance,
    formula: 'margin balance = cross wallet + Σ unrealized PnL;  unrealized PnL = side × quantity × (mark − entry)',
    plugged: [`${g.crossWalletBalance} + ${g.unrealizedPnl} = ${g.marginBalance} ${g.asset}`],
    sources: [SOURCES.singleAsset, SOURCES.pnl]
  }
}

export function explainGroupAvailable(g: GroupResult): Explanation {
  const raw = d(g.crossWalletBalance).plus(g.unrealizedPnl).minus(g.initialMargin)
  return {
    title: `Available for order, ${g.asset} group (Single-Asset)`,
    shown: '',
    full: g.availableForOrder,
    formula: 'available = max(0, cross wallet + Σ cross uPnL − Σ cross initial margin);  initial margin = notional / leverage',
    plugged: [`max(0, ${g.crossWalletBalance} + ${g.unrealizedPnl} − ${g.initialMargin}) = max(0, ${raw.toString()}) = ${g.availableForOrder} ${g.asset}`],
    sources: [SOURCES.pnl]
  }
}

export function explainGroupMaintenance(g: GroupResult): Explanation {
  return {
    title: `Maintenance margin, ${g.asset} group (Single-Asset)`,
    shown: '',
    full: g.maintenanceMargin,
    formula: 'maintenance margin = Σ (notional × MMR − cum), MMR and cum from the bracket holding the notional at mark',
    plugged: [`Σ over the group's cross positions = ${g.maintenanceMargin} ${g.asset}`],
    sources: [SOURCES.maintenance, SOURCES.notional],
    decision: 'The bracket holding a notional exactly on a floor is the upper one (margin-rules.md §2).'
  }
}

export function explainGroupWithdrawable(g: GroupResult): Explanation {
  return {
    title: `Max withdrawable, ${g.asset} group (Single-Asset)`,
    shown: '',
    full: g.maxWithdrawable,
    formula: 'max withdrawable = max(0, min(cross wallet − Σ cross MM, cross wallet + Σ cross uPnL − Σ cross IM)); unrealized profit is never withdrawable',
    plugged: [
      `cross wallet − MM = ${g.crossWalletBalance} − ${g.maintenanceMargin} = ${d(g.crossWalletBalance).minus(g.maintenanceMargin).toString()}`,
      `cross wallet + uPnL − IM = ${g.crossWalletBalance} + ${g.unrealizedPnl} − ${g.initialMargin} = ${d(g.crossWalletBalance).plus(g.unrealizedPnl).minus(g.initialMargin).toString()}`,
      `max withdrawable = ${g.maxWithdrawable} ${g.asset}`
    ],
    sources: [SOURCES.withdraw]
  }
}

function assetLines(assets: AssetResult[]): string[] {
  return assets.map(
    (a) => `${a.asset}: equity ${a.equity} (wallet ${a.walletBalance} + uPnL ${a.unrealizedPnl}) × ${a.rate} = ${a.equityUsd} USD${d(a.equity).isNeg() ? '  (a debt, at the ask rate)' : '  (at the bid rate: the haircut)'}`
  )
}

export function explainMultiEquity(r: CompareResult): Explanation {
  const m = r.multiAssets
  return {
    title: 'Account equity (Multi-Assets)',
    shown: '',
    full: m.accountEquity,
    formula: 'account equity (USD) = Σ over assets of min(equity × bidRate, equity × askRate);  bidRate = index × (1 − bidBuffer), askRate = index × (1 + askBuffer)',
    plugged: [...assetLines(m.assets), `account equity = ${m.accountEquity} USD`],
    sources: [SOURCES.singleAsset, SOURCES.multiExample],
    decision: 'Collateral value ratios (buffers) are inputs with an asOf date: defaults the user edits or imports (margin-rules.md §4).'
  }
}

export function explainMultiRatio(r: CompareResult): Explanation {
  const m = r.multiAssets
  return {
    title: 'Margin ratio (Multi-Assets)',
    shown: '',
    full: m.marginRatio,
    formula: 'margin ratio = account maintenance margin / account equity;  account MM = Σ MM × askRate(margin asset)',
    plugged: [
      `account maintenance margin = ${m.accountMaintenanceMargin} USD`,
      `account equity = ${m.accountEquity} USD`,
      `margin ratio = ${m.accountMaintenanceMargin} / ${m.accountEquity} = ${m.marginRatio ?? '— (no equity left, or nothing to maintain)'}`
    ],
    sources: [SOURCES.singleAsset, SOURCES.multiExample],
    note: 'At 100% every position of the account is liquidated.'
  }
}

export function explainMultiAvailable(r: CompareResult): Explanation {
  const m = r.multiAssets
  return {
    title: 'Available for order (Multi-Assets)',
    shown: '',
    full: m.uniAvailableForOrder,
    formula: 'uniAvailable (USD) = account equity − account initial margin (not clamped: a shortfall is negative);  available(A) = uniAvailable / askRate(A)',
    plugged: [`${m.accountEquity} − ${m.accountInitialMargin} = ${m.uniAvailableForOrder} USD`, ...m.assets.map((a) => `${a.asset}: ${a.availableForOrder} ${a.asset}`)],
    sources: [SOURCES.multiExample]
  }
}

export function explainMultiMaintenance(r: CompareResult): Explanation {
  const m = r.multiAssets
  return {
    title: 'Maintenance margin (Multi-Assets)',
    shown: '',
    full: m.accountMaintenanceMargin,
    formula: 'account MM (USD) = Σ (notional × MMR − cum) × askRate(margin asset)',
    plugged: [`account maintenance margin = ${m.accountMaintenanceMargin} USD`],
    sources: [SOURCES.singleAsset, SOURCES.maintenance]
  }
}

/** The UI's own comparison of Single totals in USD: a presentation choice, flagged as such. */
export function explainSingleTotal(title: string, r: CompareResult, scenario: Scenario, pick: (g: GroupResult) => string, total: string): Explanation {
  return {
    title,
    shown: '',
    full: total,
    formula: 'Σ over Single-Asset groups of (figure × the asset\'s index price), to compare with the Multi-Assets figure in USD',
    plugged: r.singleAsset.groups.map((g) => `${g.asset}: ${pick(g)} × ${scenario.market.assets[g.asset]?.index ?? '1'}`).concat([`total = ${total} USD`]),
    sources: [SOURCES.singleAsset],
    decision: 'Valuing Single-Asset groups at the index price (no haircut) to show a difference is this app\'s presentation, not a Binance figure; each group still stands alone.'
  }
}

export function explainLiquidation(p: PositionResult, mode: 'single' | 'multi', scenario: Scenario): Explanation {
  const sym = scenario.market.symbols[p.symbol]
  const common = [
    `mark = ${p.markPrice}, notional = ${p.notional} ${sym?.marginAsset ?? ''}`,
    `bracket at mark: MMR ${p.maintMarginRatio}, cum ${p.cum}; maintenance margin ${p.maintenanceMargin}`,
    `unrealized PnL = ${p.unrealizedPnl}`,
    `liquidation price = ${p.liquidationPrice ?? '— (no positive price liquidates this position)'}`
  ]
  if (p.liquidationBeyondLastBracket) common.push('The price falls beyond the last bracket\'s cap: the last bracket was used (flagged).')
  if (mode === 'single') {
    return {
      title: `Liquidation price, ${p.symbol} ${p.positionSide === 'BOTH' ? p.side : p.positionSide} (Single-Asset, ${p.marginType})`,
      shown: '',
      full: p.liquidationPrice,
      formula:
        'LP = (WB − TMM1 + UPNL1 + cumB + cumL + cumS − Side1BOTH·Q1BOTH·EP1BOTH − Q1LONG·EP1LONG + Q1SHORT·EP1SHORT) / (Q1BOTH·MMR_B + Q1LONG·MMR_L + Q1SHORT·MMR_S − Side1BOTH·Q1BOTH − Q1LONG + Q1SHORT); cross: WB = group cross wallet, TMM1/UPNL1 = other symbols of the group; isolated: WB = isolated wallet',
      plugged: common,
      sources: [SOURCES.maintenance],
      decision: 'Brackets re-selected at the liquidation price; with several consistent roots, the positive root nearest the mark (margin-rules.md §3). Shown rounded against you (up for a long, down for a short).'
    }
  }
  return {
    title: `Liquidation price, ${p.symbol} ${p.positionSide === 'BOTH' ? p.side : p.positionSide} (Multi-Assets)`,
    shown: '',
    full: p.liquidationPrice,
    formula: 'P = [V + r·(W_q + UPNL_q,other − s·Q·EP) − M − a·(MM_q,other − cum)] / (a·Q·MMR − r·s·Q): the mark of this symbol alone at which account MM = account equity',
    plugged: common,
    sources: [SOURCES.singleAsset],
    decision: 'Binance publishes no Multi-Assets liquidation formula: this is the project\'s definition (every other price and index held), margin-rules.md §4.'
  }
}

export function explainShockToLiquidation(asset: string, direction: 'down' | 'up', m: MoveToLiquidation, mode: string, method: string): Explanation {
  return {
    title: `Shock to liquidation, ${asset} ${direction} (${mode})`,
    shown: '',
    full: m.move,
    formula: `the smallest relative move of ${asset} (its index and the marks of all its symbols together) at which a group or isolated position (Single-Asset) or the account (Multi-Assets) reaches 100%`,
    plugged: [`move = ${m.move ?? 'none: no move in this direction liquidates'}`, `first to reach 100%: ${m.by ?? '—'}`, `method: ${method}`],
    sources: [SOURCES.singleAsset, SOURCES.maintenance],
    decision: 'Which assets get a shock (base assets of positions, then held collateral) and moving collateral and contracts of one asset together are project Decisions (margin-rules.md §4).'
  }
}

export function explainAutoExchange(t: AutoExchangeTrigger): Explanation {
  return {
    title: `Auto-Exchange for ${t.asset} (${t.reason})`,
    shown: '',
    full: t.deficit,
    formula: 'deficit = the negative wallet balance, bought at index × (1 + autoExchangeAskBuffer); every positive collateral asset sells the same fraction of its wallet at index × (1 − autoExchangeBidBuffer); haircut cost (USD) = quantity × index − proceeds in USD',
    plugged: [
      `deficit = ${t.deficit} ${t.asset}${t.threshold ? `  (threshold ${t.threshold} ${t.asset})` : ''}`,
      ...t.sales.map((s) => `sells ${s.quantity} ${s.asset} → ${s.proceeds} ${t.asset}; haircut cost ${s.haircutCost} USD`),
      ...(t.remainingDeficit ? [`remaining deficit after selling all collateral: ${t.remainingDeficit} ${t.asset}`] : [])
    ],
    sources: [SOURCES.autoExchange],
    decision: 'Binance says only "in proportion to holdings": the project sells the same fraction of every collateral wallet; LTV = Σ debts at ask / Σ collateral at bid (margin-rules.md §5).'
  }
}

export function explainIdle(asset: string, wallet: string, a: AssetResult | undefined): Explanation {
  return {
    title: `Idle collateral: ${asset}`,
    shown: '',
    full: wallet,
    formula: 'Single-Asset: an asset that margins no symbol backs nothing.  Multi-Assets: it counts at equity × bidRate (the collateral value ratio).',
    plugged: a ? [`${a.equity} ${asset} × ${a.rate} = ${a.equityUsd} USD counted in Multi-Assets`] : [`${wallet} ${asset}`],
    sources: [SOURCES.singleAsset, SOURCES.multiExample],
    decision: 'Collateral value ratios are inputs with an asOf date (margin-rules.md §4).'
  }
}
