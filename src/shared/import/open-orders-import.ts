// Open orders from Binance's saved `GET /fapi/v1/openOrders` response (scenario-format.md §3,
// margin-rules.md §7). LIMIT orders hold margin; STOP, TAKE_PROFIT, STOP_MARKET,
// TAKE_PROFIT_MARKET and TRAILING_STOP_MARKET hold none until they trigger, so they become
// `stop` orders at their stopPrice. Rows are read into the account the positions came from.
import { Decimal, str } from '../decimal'
import type { OpenOrder, Position, PositionMode } from '../scenario/types'
import { isObject, joinPath, type FieldReader, type Obj } from './fields'

const STOP_TYPES = ['STOP', 'TAKE_PROFIT', 'STOP_MARKET', 'TAKE_PROFIT_MARKET', 'TRAILING_STOP_MARKET']

export function looksLikeOpenOrders(value: unknown): boolean {
  return Array.isArray(value) && value.every((o) => isObject(o) && 'orderId' in o && 'origQty' in o && 'side' in o)
}

/**
 * The orders of `rows` (the array of the response), for an account in `positionMode` holding
 * `positions`. `leverageBySymbol` holds the leverage Binance reports for symbols without a
 * position (zero rows of positionRisk or the account's positions list).
 */
export function readOpenOrders(
  rows: unknown[],
  base: string,
  r: FieldReader,
  positionMode: PositionMode,
  positions: Position[],
  leverageBySymbol: Map<string, number>,
  notes: string[]
): OpenOrder[] {
  const orders: OpenOrder[] = []
  rows.forEach((row, i) => {
    const at = joinPath(base, i)
    if (!isObject(row)) return r.problem(at, 'expected an order object')
    const symbol = r.string(row, 'symbol', at)
    const side = enumOf(r, row, 'side', at, ['BUY', 'SELL'])
    const positionSide = row.positionSide === undefined ? 'BOTH' : enumOf(r, row, 'positionSide', at, ['BOTH', 'LONG', 'SHORT'])
    const type = r.string(row, 'type', at)
    const origQty = r.decimal(row, 'origQty', at, { sign: 'non-negative' })
    const executedQty = r.optionalDecimal(row, 'executedQty', at, { sign: 'non-negative' }) ?? '0'
    if (symbol === undefined || side === undefined || positionSide === undefined || type === undefined || origQty === undefined) return
    if ((positionSide === 'BOTH') !== (positionMode === 'one-way')) {
      return r.problem(joinPath(at, 'positionSide'), `a ${positionSide} order contradicts the account's ${positionMode} position mode`)
    }
    const stop = STOP_TYPES.includes(type)
    if (type !== 'LIMIT' && !stop) return r.problem(joinPath(at, 'type'), `expected LIMIT or a stop/take-profit type, got ${r.describe(type, joinPath(at, 'type'))}`)
    const price = stop ? r.decimal(row, 'stopPrice', at, { sign: 'positive' }) : r.decimal(row, 'price', at, { sign: 'positive' })
    if (price === undefined) return
    const position = positions.find((p) => p.symbol === symbol && (positionSide === 'BOTH' || p.side === positionSide.toLowerCase()))
    let quantity = new Decimal(origQty).minus(executedQty)
    if (row.closePosition === true || row.closePosition === 'true') {
      // A close-position stop has origQty 0: it closes whatever the position is when it triggers.
      if (!position) {
        notes.push(`${symbol}: a close-position ${type} order (${at}) with no position to close was left out`)
        return
      }
      quantity = new Decimal(position.quantity)
    }
    if (!quantity.gt(0)) return r.problem(joinPath(at, 'executedQty'), `nothing left of the order: origQty ${origQty}, executedQty ${executedQty}`)
    const order: OpenOrder = { symbol, side: side === 'BUY' ? 'buy' : 'sell', quantity: str(quantity), price, type: stop ? 'stop' : 'limit' }
    if (positionSide !== 'BOTH') order.positionSide = positionSide === 'LONG' ? 'long' : 'short'
    const reduceOnly = row.reduceOnly === true || row.reduceOnly === 'true' || row.closePosition === true || row.closePosition === 'true'
    // Hedge mode has no reduce-only orders: a LONG sell or SHORT buy is closing by its side.
    if (reduceOnly && positionSide === 'BOTH') {
      if (position) order.reduceOnly = true
      else {
        notes.push(`${symbol}: a reduce-only order (${at}) with no position to reduce was left out (Binance cancels it)`)
        return
      }
    }
    const holdsMargin = order.type === 'limit' && order.reduceOnly !== true
    if (!positions.some((p) => p.symbol === symbol) && holdsMargin) {
      const leverage = leverageBySymbol.get(symbol)
      if (leverage === undefined) return r.problem(at, `${symbol} has no position and the files give no leverage for it: add GET /fapi/v2/positionRisk (it lists every symbol's leverage)`)
      order.leverage = leverage
    }
    orders.push(order)
  })
  return orders
}

function enumOf<T extends string>(r: FieldReader, row: Obj, key: string, at: string, values: readonly T[]): T | undefined {
  const v = row[key]
  if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T
  r.problem(joinPath(at, key), `expected ${values.join(', ')}, got ${r.describe(v, joinPath(at, key))}`)
  return undefined
}

/** Leverage of symbols Binance lists without a position (positionRisk zero rows, v2 account positions). */
export function leverageOfFlatSymbols(rowLists: unknown[][]): Map<string, number> {
  const out = new Map<string, number>()
  for (const rows of rowLists) {
    for (const row of rows) {
      if (!isObject(row) || typeof row.symbol !== 'string' || out.has(row.symbol)) continue
      const text = typeof row.leverage === 'number' ? String(row.leverage) : typeof row.leverage === 'string' ? row.leverage : ''
      // Leverage is a small whole number (1–125): a float holds it exactly.
      if (/^[1-9][0-9]{0,3}$/.test(text)) out.set(row.symbol, Number(text))
    }
  }
  return out
}

