// The stress grid (scenario-format.md §4): both modes' margin ratios at every pair of moves of
// two assets. Each cell equals `compare` with a shock of those two moves (shocks.ts), but the
// book is aggregated once: positions on neither axis and assets whose figures do not move are
// summed up front per margin asset, so a cell costs O(moving positions + moving assets).
import { Decimal, ONE, ZERO, str } from '../decimal'
import { isLiquidated, marginRatio } from './account-state'
import { bracketIndex, maintenanceMargin } from './brackets'
import { gridMoves, type GridSpec } from './grid-spec'
import type { PreparedAccount, PreparedPosition } from './prepare'
import { askRate, bidRate } from './prices'
import type { Dec } from './result-types'

export interface GridCell {
  /** The highest Single-Asset group margin ratio; null when liquidated or nothing is maintained. */
  singleAsset: { worstMarginRatio: Dec | null; liquidated: boolean }
  multiAssets: { marginRatio: Dec | null; liquidated: boolean }
}

export interface StressGrid {
  x: { asset: string; moves: Dec[] }
  y: { asset: string; moves: Dec[] }
  /** cells[j][i]: y at moves[j], x at moves[i]. */
  cells: GridCell[][]
}

/** Per margin asset: the sums a cell starts from (file order, as account-state.ts sums them). */
interface AssetSums {
  asset: string
  wallet: Decimal
  crossWallet: Decimal
  unrealizedPnl: Decimal
  maintenance: Decimal
  crossUnrealizedPnl: Decimal
  crossMaintenance: Decimal
  index: Decimal
  bidBuffer: Decimal
  askBuffer: Decimal
  /** The index moves with x (1), with y (2), or not (0). */
  axis: 0 | 1 | 2
  /** Some position margined in it moves, or its index does: recomputed per cell. */
  dynamic: boolean
  isGroup: boolean
}

interface MovingPosition {
  position: PreparedPosition
  axis: 1 | 2
  sums: AssetSums
}

export function stressGrid(account: PreparedAccount, spec: GridSpec): StressGrid {
  const moves = gridMoves(spec.range, spec.steps)
  const factors = moves.map((m) => ONE.plus(m))
  const axisOf = (asset: string): 0 | 1 | 2 => (asset === spec.x ? 1 : asset === spec.y ? 2 : 0)

  const sums = new Map<string, AssetSums>()
  for (const asset of account.accountAssets) {
    const m = account.assets.get(asset)
    const wallet = account.wallets.get(asset) ?? ZERO
    sums.set(asset, {
      asset,
      wallet,
      crossWallet: wallet,
      unrealizedPnl: ZERO,
      maintenance: ZERO,
      crossUnrealizedPnl: ZERO,
      crossMaintenance: ZERO,
      index: m?.index ?? ZERO,
      bidBuffer: m?.bidBuffer ?? ZERO,
      askBuffer: m?.askBuffer ?? ZERO,
      axis: axisOf(asset),
      dynamic: axisOf(asset) !== 0,
      isGroup: account.marginAssets.has(asset)
    })
  }
  const moving: MovingPosition[] = []
  for (const p of account.positions) {
    const s = sums.get(p.symbol.marginAsset)!
    if (p.marginType === 'isolated') s.crossWallet = s.crossWallet.minus(p.isolatedWallet)
    const axis = axisOf(p.symbol.baseAsset)
    if (axis !== 0) {
      moving.push({ position: p, axis, sums: s })
      s.dynamic = true
      continue
    }
    // At today's mark: uPnL = s·Q·MP − s·Q·EP, MM from the bracket holding the notional (§1, §2).
    const notional = p.quantity.times(p.symbol.mark)
    const u = p.signedQty.times(p.symbol.mark).minus(p.signedCost)
    const mm = maintenanceMargin(p.symbol.brackets[bracketIndex(p.symbol.brackets, notional)]!, notional)
    s.unrealizedPnl = s.unrealizedPnl.plus(u)
    s.maintenance = s.maintenance.plus(mm)
    if (p.marginType === 'cross') {
      s.crossUnrealizedPnl = s.crossUnrealizedPnl.plus(u)
      s.crossMaintenance = s.crossMaintenance.plus(mm)
    }
  }
  // §4 for the assets that never move: USD equity at bid (a debt at ask), USD MM at ask.
  let staticEquity = ZERO
  let staticMaintenance = ZERO
  const all = [...sums.values()]
  for (const s of all) {
    if (s.dynamic) continue
    const bid = bidRate(s.index, s.bidBuffer)
    const ask = askRate(s.index, s.askBuffer)
    const equity = s.wallet.plus(s.unrealizedPnl)
    staticEquity = staticEquity.plus(equity.times(equity.isNeg() ? ask : bid))
    staticMaintenance = staticMaintenance.plus(s.maintenance.times(ask))
  }
  const dynamicAssets = all.filter((s) => s.dynamic)
  const groups = all.filter((s) => s.isGroup)

  const cells: GridCell[][] = []
  for (let j = 0; j < moves.length; j++) {
    const row: GridCell[] = []
    for (let i = 0; i < moves.length; i++) {
      const factor = (axis: 0 | 1 | 2): Decimal | null => (axis === 1 ? factors[i]! : axis === 2 ? factors[j]! : null)
      // Per cell: the moving positions' figures at the shocked marks, added to their asset's sums.
      const cell = new Map<AssetSums, { u: Decimal; mm: Decimal; cu: Decimal; cmm: Decimal }>()
      for (const s of dynamicAssets) cell.set(s, { u: s.unrealizedPnl, mm: s.maintenance, cu: s.crossUnrealizedPnl, cmm: s.crossMaintenance })
      for (const { position: p, axis, sums: s } of moving) {
        const mark = p.symbol.mark.times(factor(axis)!)
        const notional = p.quantity.times(mark)
        const u = p.signedQty.times(mark).minus(p.signedCost)
        const mm = maintenanceMargin(p.symbol.brackets[bracketIndex(p.symbol.brackets, notional)]!, notional)
        const c = cell.get(s)!
        c.u = c.u.plus(u)
        c.mm = c.mm.plus(mm)
        if (p.marginType === 'cross') {
          c.cu = c.cu.plus(u)
          c.cmm = c.cmm.plus(mm)
        }
      }
      // Single-Asset (§3): each group's cross margin balance against its cross MM.
      let worst: Decimal | null = null
      let singleLiquidated = false
      for (const s of groups) {
        const c = cell.get(s)
        const cu = c ? c.cu : s.crossUnrealizedPnl
        const cmm = c ? c.cmm : s.crossMaintenance
        const balance = s.crossWallet.plus(cu)
        if (isLiquidated(cmm, balance)) singleLiquidated = true
        const ratio = marginRatio(cmm, balance)
        if (ratio !== null && (worst === null || ratio.gt(worst))) worst = ratio
      }
      // Multi-Assets (§4): the pooled account, moving rates for an asset on an axis.
      let equity = staticEquity
      let maintenance = staticMaintenance
      for (const s of dynamicAssets) {
        const c = cell.get(s)!
        const f = factor(s.axis)
        const index = f === null ? s.index : s.index.times(f)
        const ask = askRate(index, s.askBuffer)
        const e = s.wallet.plus(c.u)
        equity = equity.plus(e.times(e.isNeg() ? ask : bidRate(index, s.bidBuffer)))
        maintenance = maintenance.plus(c.mm.times(ask))
      }
      const multiLiquidated = isLiquidated(maintenance, equity)
      row.push({
        singleAsset: { worstMarginRatio: singleLiquidated ? null : str(worst), liquidated: singleLiquidated },
        multiAssets: { marginRatio: multiLiquidated ? null : str(marginRatio(maintenance, equity)), liquidated: multiLiquidated }
      })
    }
    cells.push(row)
  }
  const axisMoves = moves.map((m) => str(m))
  return { x: { asset: spec.x, moves: axisMoves }, y: { asset: spec.y, moves: [...axisMoves] }, cells }
}
