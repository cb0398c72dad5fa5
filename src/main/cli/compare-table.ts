// The readable side-by-side table of `compare` without --json.
import { Decimal } from '../../shared/decimal'
import type { CompareResult, MoveToLiquidation, PositionResult, SwitchVerdict } from '../../shared/engine/result-types'
import { assetPlaces, formatAmount, formatLiquidationPrice, formatMove, formatPercent } from '../../shared/format'
import type { Scenario } from '../../shared/scenario'
import { formatPlanSections } from './plan-table'

function table(rows: string[][], rightAligned: (col: number) => boolean = (c) => c > 0): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)))
  return rows
    .map((r) =>
      r
        .map((cell, c) => (rightAligned(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

function verdict(v: SwitchVerdict, current: boolean): string[] {
  if (current) return ['current mode']
  if (v.allowed) return ['switch allowed', ...v.warnings.map((w) => `  warning: ${w.message}`)]
  return [
    `switch BLOCKED (${v.blockers.length})`,
    ...v.blockers.map((b) => `  ${b.code}${b.binanceCode ? ` (${b.binanceCode})` : ''}: ${b.message}`),
    ...v.warnings.map((w) => `  warning: ${w.message}`)
  ]
}

const amount = (value: string | null, asset: string): string => (value === null ? '—' : `${formatAmount(value, assetPlaces(asset))} ${asset}`)

function distance(p: PositionResult): string {
  if (p.liquidationPrice === null) return ''
  return formatMove(new Decimal(p.liquidationPrice).div(p.markPrice).minus(1).toString(), 1)
}

function binanceCell(p: PositionResult): string {
  if (p.binanceLiquidationPrice === undefined) return ''
  // Binance shows "--" where no price liquidates; raw, not rounded: it is Binance's own text.
  const price = p.binanceLiquidationPrice === null ? '--' : formatAmount(p.binanceLiquidationPrice, 4)
  if (p.binanceMarkDiffers) return `${price} (mark differs)`
  return p.differsFromBinance ? `${price} DIFFERS` : price
}

function move(m: MoveToLiquidation): string {
  if (m.move === null) return 'none'
  // Beyond the last bracket's cap Binance's table says nothing: the last bracket was assumed.
  return `${formatMove(m.move)}${m.beyondLastBracket ? '*' : ''} (${m.by})`
}

/** Version 2: the orders as listed, then the margin each symbol's (position side's) orders hold (§7). */
function openOrdersSection(r: CompareResult): string[] {
  const orders = r.openOrders ?? []
  const legs = r.singleAsset.openOrders ?? []
  const usd = r.multiAssets.openOrders ?? []
  return [
    'OPEN ORDERS: limit orders hold margin, stop and reduce-only orders none (not in MM, margin ratio or liquidation prices)',
    table(
      [
        ['symbol', 'side', 'type', 'quantity', 'price', 'open loss'],
        ...orders.map((o) => [
          o.symbol,
          `${o.side}${o.positionSide === 'BOTH' ? '' : ` ${o.positionSide}`}${o.reduceOnly ? ' reduce-only' : ''}`,
          o.type,
          o.quantity,
          formatAmount(o.price, 4),
          formatAmount(o.openLoss, 2)
        ])
      ],
      (c) => c > 2
    ),
    table(
      [
        ['symbol', 'pos. side', 'leverage', 'bid value', 'ask value', 'margin req.', 'order IM', 'open loss', 'single-asset holds', 'multi-assets holds'],
        ...legs.map((m, i) => [
          m.symbol,
          m.positionSide,
          m.leverage === null ? '—' : `${m.leverage}x`,
          formatAmount(m.bidValue, 2),
          formatAmount(m.askValue, 2),
          formatAmount(m.marginRequirement, 2),
          formatAmount(m.initialMargin, 2),
          formatAmount(m.openLoss, 2),
          amount(m.held, m.marginAsset),
          `${formatAmount(usd[i]?.heldUsd ?? '0')} USD`
        ])
      ],
      (c) => c > 1
    )
  ]
}

export function formatCompareTable(s: Scenario, r: CompareResult): string {
  const singleNow = s.account.mode === 'single-asset'
  const out: string[] = []
  out.push(`${r.scenario}`)
  out.push(`now in ${singleNow ? 'Single-Asset' : 'Multi-Assets'} Mode · ${s.account.positionMode} · market as of ${s.market.asOf}`)
  out.push('')

  const sa = r.singleAsset
  const ma = r.multiAssets
  out.push(`SINGLE-ASSET MODE: ${verdict(sa.switch, singleNow).join('\n')}`)
  out.push(
    table([
      ['group', 'wallet', 'cross wallet', 'uPnL', 'margin balance', 'maint. margin', 'init. margin', 'margin ratio', 'available', 'withdrawable'],
      ...sa.groups.map((g) => [
        g.asset,
        formatAmount(g.walletBalance, assetPlaces(g.asset)),
        formatAmount(g.crossWalletBalance, assetPlaces(g.asset)),
        formatAmount(g.unrealizedPnl, assetPlaces(g.asset)),
        formatAmount(g.marginBalance, assetPlaces(g.asset)),
        formatAmount(g.maintenanceMargin, assetPlaces(g.asset)),
        formatAmount(g.initialMargin, assetPlaces(g.asset)),
        formatPercent(g.marginRatio),
        formatAmount(g.availableForOrder, assetPlaces(g.asset)),
        formatAmount(g.maxWithdrawable, assetPlaces(g.asset))
      ])
    ])
  )
  for (const idle of sa.idleAssets) out.push(`idle: ${amount(idle.wallet, idle.asset)} backs nothing in Single-Asset Mode`)
  // Version 2 (margin-rules.md §7): what open orders hold, already inside init. margin.
  if (r.openOrders) {
    const held = sa.groups.filter((g) => !new Decimal(g.openOrderInitialMargin).isZero()).map((g) => amount(g.openOrderInitialMargin, g.asset))
    out.push(`open orders hold: ${held.length > 0 ? held.join(', ') : 'nothing'} (part of init. margin)`)
  }
  out.push('')

  out.push(`MULTI-ASSETS MODE: ${verdict(ma.switch, !singleNow).join('\n')}`)
  out.push(
    table([
      ['account equity', 'maint. margin', 'init. margin', 'margin ratio', 'available (uni)'],
      [
        `${formatAmount(ma.accountEquity)} USD`,
        `${formatAmount(ma.accountMaintenanceMargin)} USD`,
        `${formatAmount(ma.accountInitialMargin)} USD`,
        formatPercent(ma.marginRatio),
        `${formatAmount(ma.uniAvailableForOrder)} USD`
      ]
    ], () => true)
  )
  out.push(
    table([
      ['asset', 'wallet', 'uPnL', 'equity', 'rate', 'equity USD', 'available'],
      ...ma.assets.map((a) => [
        a.asset,
        formatAmount(a.walletBalance, assetPlaces(a.asset)),
        formatAmount(a.unrealizedPnl, assetPlaces(a.asset)),
        formatAmount(a.equity, assetPlaces(a.asset)),
        formatAmount(a.rate, 6),
        formatAmount(a.equityUsd),
        formatAmount(a.availableForOrder, assetPlaces(a.asset))
      ])
    ])
  )
  if (r.openOrders) out.push(`open orders hold: ${formatAmount(ma.accountOpenOrderInitialMargin)} USD (part of init. margin)`)
  const ae = ma.autoExchange
  if (ae.triggers.length === 0) out.push(`Auto-Exchange: no trigger${ae.ltv === null ? '' : ` (LTV ${formatPercent(ae.ltv)})`}`)
  for (const t of ae.triggers) {
    const sales = t.sales.map((x) => `${amount(x.quantity, x.asset)} (haircut ${formatAmount(x.haircutCost)} USD)`).join(', ')
    out.push(`Auto-Exchange ${t.reason}: ${amount(t.deficit, t.asset)} deficit, sells ${sales || 'nothing'}${t.remainingDeficit ? `, ${amount(t.remainingDeficit, t.asset)} left uncovered` : ''}`)
  }
  out.push('')

  // Binance's own liquidation price (an imported account), for the mode the account is in.
  const current = singleNow ? sa.positions : ma.positions
  const withBinance = current.some((p) => p.binanceLiquidationPrice !== undefined)
  out.push('POSITIONS: liquidation price and distance from mark')
  out.push(
    table([
      ['symbol', 'side', 'type', 'size', 'mark', 'single-asset liq.', 'dist.', 'multi-assets liq.', 'dist.', ...(withBinance ? ['Binance liq.'] : [])],
      ...sa.positions.map((p, i) => {
        const m = ma.positions[i]!
        return [
          p.symbol,
          p.positionSide === 'BOTH' ? p.side : p.positionSide,
          p.marginType,
          s.account.positions[i]!.quantity,
          formatAmount(p.markPrice, 4),
          formatLiquidationPrice(p.liquidationPrice, p.side, 4),
          distance(p),
          formatLiquidationPrice(m.liquidationPrice, m.side, 4),
          distance(m),
          ...(withBinance ? [binanceCell(current[i]!)] : [])
        ]
      })
    ], (c) => c > 2)
  )
  if (withBinance) {
    out.push(
      `Binance liq.: Binance's own figure from the imported positionRisk, for ${singleNow ? 'Single-Asset' : 'Multi-Assets'} Mode; DIFFERS when ours is more than one tick away (0.01% without a tick size)`
    )
  }
  if (r.openOrders) out.push('', ...openOrdersSection(r))
  if (r.shockToLiquidation.length > 0) {
    out.push('')
    out.push('SHOCK TO LIQUIDATION: the move of one asset (index and marks) that first reaches 100%')
    out.push(
      table([
        ['asset', 'single-asset down', 'multi-assets down', 'single-asset up', 'multi-assets up'],
        ...r.shockToLiquidation.map((x) => [x.asset, move(x.down.singleAsset), move(x.down.multiAssets), move(x.up.singleAsset), move(x.up.multiAssets)])
      ])
    )
    const beyond = r.shockToLiquidation.some((x) => [x.down, x.up].some((d) => d.singleAsset.beyondLastBracket || d.multiAssets.beyondLastBracket))
    if (beyond) out.push("* beyond the last bracket's cap: Binance's table ends there, the last bracket was assumed")
  }
  if (r.shocks.length > 0) {
    out.push('')
    out.push('SHOCKS: margin ratio')
    out.push(
      table([
        ['shock', 'single-asset groups', 'multi-assets'],
        ...r.shocks.map((x) => [
          x.name,
          x.singleAsset.groups.map((g) => `${g.asset} ${g.liquidated ? 'LIQUIDATED' : formatPercent(g.marginRatio)}`).join(', '),
          x.multiAssets.liquidated ? 'LIQUIDATED' : formatPercent(x.multiAssets.marginRatio)
        ])
      ])
    )
  }
  out.push(...formatPlanSections(s, r, table))
  return `${out.join('\n')}\n`
}
