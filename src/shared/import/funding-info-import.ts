// Funding intervals from Binance's saved `GET /fapi/v1/fundingInfo` response (margin-rules.md
// §9): it lists only the symbols whose funding interval or caps were adjusted; a symbol absent
// from it settles every 8 hours.
import type { ParseResult } from '../scenario/types'
import { FieldReader, fail, isObject, joinPath, type JsonDoc } from './fields'

export interface FundingInfoImport {
  /** symbol → hours between settlements. */
  intervals: Record<string, number>
}

export function looksLikeFundingInfo(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((item) => isObject(item) && 'symbol' in item && 'fundingIntervalHours' in item)
}

export function parseFundingInfoValue(doc: JsonDoc): ParseResult<FundingInfoImport> {
  if (!looksLikeFundingInfo(doc.value)) {
    return fail('(file)', 'not a Binance GET /fapi/v1/fundingInfo response: expected an array of {symbol, fundingIntervalHours, …}')
  }
  const r = new FieldReader(doc.numbers)
  const out: FundingInfoImport = { intervals: {} }
  ;(doc.value as Record<string, unknown>[]).forEach((o, i) => {
    const path = joinPath('', i)
    const symbol = r.string(o, 'symbol', path)
    const hours = r.integer(o, 'fundingIntervalHours', path, 1)
    if (symbol === undefined || hours === undefined) return
    if (Object.prototype.hasOwnProperty.call(out.intervals, symbol)) return r.problem(joinPath(path, 'symbol'), `symbol ${symbol} appears twice`)
    out.intervals[symbol] = hours
  })
  return r.result(out)
}
