// Switching between modes (margin-rules.md §6; Binance error codes −4167 … −4172, the 2022 FAQ).
// `toSingle` is the verdict on switching to Single-Asset Mode, `toMulti` on switching to
// Multi-Assets Mode; the mode the account is already in is always allowed, with no blockers.
import { Decimal, ZERO } from '../decimal'
import { usesVersion2 } from '../scenario/uses-version-2'
import { crossMarginBalance, isLiquidated, type AccountState } from './account-state'
import type { PreparedAccount } from './prepare'
import type { AutoExchangeResult, SwitchNote, SwitchVerdict } from './result-types'
import { singleAssetGroupAssets } from './single-asset'

const OPEN_ORDERS: SwitchNote = {
  code: 'OPEN_ORDERS',
  binanceCode: -4170,
  message: 'Binance refuses the switch while any order is open: cancel open orders first (this plan holds no orders).'
}

/**
 * Open orders (margin-rules.md §7, −4170): modelled orders block the switch; a scenario that uses
 * no version 2 field models no orders, so it gets the version 1 reminder instead (Decision,
 * scenario-format.md §3).
 */
function openOrdersNote(account: PreparedAccount): { blocker?: SwitchNote; warning?: SwitchNote } {
  const count = account.openOrders.length
  if (count > 0) {
    return {
      blocker: {
        code: 'OPEN_ORDERS',
        binanceCode: -4170,
        message: `Binance refuses the switch while any order is open: cancel the ${count} open order${count === 1 ? '' : 's'} first.`
      }
    }
  }
  return usesVersion2(account.scenario) ? {} : { warning: OPEN_ORDERS }
}

function positionName(account: PreparedAccount, i: number): string {
  const p = account.positions[i]!
  return p.positionSide === 'BOTH' ? `${p.symbol.symbol} ${p.side}` : `${p.symbol.symbol} ${p.positionSide}`
}

export function switchToMulti(account: PreparedAccount, state: AccountState, autoExchange: AutoExchangeResult): SwitchVerdict {
  const current = account.scenario.account.mode === 'multi-assets'
  const blockers: SwitchNote[] = []
  const warnings: SwitchNote[] = []
  for (const p of account.positions) {
    if (p.marginType !== 'isolated') continue
    const message = `${positionName(account, p.index)} is isolated: Multi-Assets Mode is cross only. Switch it to cross (or close it) first.`
    // An isolated position in an account already in Multi-Assets Mode cannot exist on Binance.
    if (current) warnings.push({ code: 'ISOLATED_POSITION', binanceCode: -4168, message: `${positionName(account, p.index)} is isolated, which Multi-Assets Mode does not allow; it is computed as cross.` })
    else blockers.push({ code: 'ISOLATED_POSITION', binanceCode: -4167, message })
  }
  if (!current) {
    const orders = openOrdersNote(account)
    if (orders.blocker) blockers.push(orders.blocker)
    if (orders.warning) warnings.push(orders.warning)
    if (isLiquidated(state.multi.maintenanceMargin, state.multi.equity)) {
      warnings.push({ code: 'LIQUIDATION', message: 'In Multi-Assets Mode the margin ratio would be at or above 100%: every position would be liquidated.' })
    }
    for (const t of autoExchange.triggers) {
      warnings.push({ code: 'AUTO_EXCHANGE', message: `Auto-Exchange would trigger for ${t.asset} (${t.reason}) as soon as the account is in Multi-Assets Mode.` })
    }
  }
  return { allowed: blockers.length === 0, blockers, warnings }
}

export function switchToSingle(account: PreparedAccount, state: AccountState): SwitchVerdict {
  if (account.scenario.account.mode === 'single-asset') return { allowed: true, blockers: [], warnings: [] }
  const blockers: SwitchNote[] = []
  const warnings: SwitchNote[] = []
  const orders = openOrdersNote(account)
  if (orders.blocker) blockers.push(orders.blocker)
  if (orders.warning) warnings.push(orders.warning)
  for (const a of state.assets.values()) {
    if (a.wallet.isNeg()) {
      blockers.push({ code: 'NEGATIVE_BALANCE', binanceCode: -4172, message: `The ${a.asset} wallet balance is negative (${a.wallet.toString()} ${a.asset}): bring it to zero or above first.` })
    }
  }
  // Decision (§6): −4169 when, after the switch, a group reaches 100% or its cross wallet +
  // uPnL − IM is below 0; collateral that margins no symbol then backs nothing.
  for (const a of singleAssetGroupAssets(account, state)) {
    if (a.crossPositions === 0) continue
    const balance = crossMarginBalance(a)
    if (isLiquidated(a.crossMaintenanceMargin, balance)) {
      blockers.push({ code: 'INSUFFICIENT_MARGIN', binanceCode: -4169, message: `The ${a.asset} group would be at or above 100% margin ratio: its positions would be liquidated.` })
    } else if (balance.minus(a.crossInitialMargin).lt(ZERO)) {
      blockers.push({
        code: 'INSUFFICIENT_MARGIN',
        binanceCode: -4169,
        message: `The ${a.asset} group would lack margin: ${a.asset} ${balance.toString()} of margin balance against ${a.crossInitialMargin.toString()} of initial margin. Add ${a.asset} or reduce its positions first.`
      })
    }
  }
  for (const b of account.scenario.account.balances) {
    if (!account.marginAssets.has(b.asset) && !new Decimal(b.wallet).isZero()) {
      warnings.push({ code: 'IDLE_COLLATERAL', message: `${b.wallet} ${b.asset} margins no symbol: in Single-Asset Mode it backs nothing.` })
    }
  }
  return { allowed: blockers.length === 0, blockers, warnings }
}
