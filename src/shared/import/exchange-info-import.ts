// Tick sizes from Binance `GET /fapi/v1/exchangeInfo`: symbols[].filters, the PRICE_FILTER's
// tickSize (the price step of the order book, which is also the step of the liquidation price
// Binance displays: margin-rules.md §7). The same response names each symbol's baseAsset and
// marginAsset, kept too. Scenario v1 has no tickSize field: applied to a portfolio, tick sizes
// live under extensions.binance.tickSizes.
import type { ParseResult } from '../scenario/types'
import { FieldReader, fail, isObject, isTimestamp, joinPath, type JsonDoc, readJson } from './fields'

export interface ExchangeInfoImport {
  /** symbol → tickSize of its PRICE_FILTER (decimal string, > 0). */
  tickSizes: Record<string, string>
  /** symbol → its base and margin asset as exchangeInfo names them. */
  assets: Record<string, { baseAsset: string; marginAsset: string }>
  /** Symbols without a PRICE_FILTER (none in practice), left out. */
  skipped: string[]
  /** serverTime of the response as an ISO instant. */
  asOf?: string
}

/** An object with a symbols array whose items carry a filters array. */
export function looksLikeExchangeInfo(value: unknown): boolean {
  if (!isObject(value) || !Array.isArray(value.symbols)) return false
  return value.symbols.length > 0 && value.symbols.every((s) => isObject(s) && 'symbol' in s && Array.isArray(s.filters))
}

export function parseExchangeInfo(text: string): ParseResult<ExchangeInfoImport> {
  const doc = readJson(text)
  return doc.ok ? parseExchangeInfoValue(doc.value) : doc
}

export function parseExchangeInfoValue(doc: JsonDoc): ParseResult<ExchangeInfoImport> {
  if (!looksLikeExchangeInfo(doc.value)) {
    return fail('(file)', 'not a Binance GET /fapi/v1/exchangeInfo response: expected {symbols: [{symbol, filters: [{filterType: "PRICE_FILTER", tickSize}, …]}, …]}')
  }
  const info = doc.value as Record<string, unknown>
  const r = new FieldReader(doc.numbers)
  const out: ExchangeInfoImport = { tickSizes: {}, assets: {}, skipped: [] }
  const seen = new Set<string>()
  ;(info.symbols as Record<string, unknown>[]).forEach((s, i) => {
    const at = joinPath('symbols', i)
    const symbol = r.string(s, 'symbol', at)
    if (symbol === undefined) return
    if (seen.has(symbol)) return r.problem(joinPath(at, 'symbol'), `symbol ${symbol} appears twice`)
    seen.add(symbol)
    const filters = s.filters as unknown[]
    const f = filters.findIndex((x) => isObject(x) && x.filterType === 'PRICE_FILTER')
    if (f < 0) {
      out.skipped.push(symbol)
      return
    }
    const tick = r.decimal(filters[f] as Record<string, unknown>, 'tickSize', joinPath(joinPath(at, 'filters'), f), { sign: 'positive' })
    if (tick !== undefined) out.tickSizes[symbol] = tick
    if (typeof s.baseAsset === 'string' && s.baseAsset !== '' && typeof s.marginAsset === 'string' && s.marginAsset !== '') {
      out.assets[symbol] = { baseAsset: s.baseAsset, marginAsset: s.marginAsset }
    }
  })
  // Millisecond timestamps are integers far below 2^53: a float is exact for them.
  if (isTimestamp(info.serverTime)) out.asOf = new Date(info.serverTime).toISOString()
  if (Object.keys(out.tickSizes).length === 0 && r.problems.length === 0) r.problem('symbols', 'no symbol has a PRICE_FILTER tickSize')
  return r.result(out)
}
