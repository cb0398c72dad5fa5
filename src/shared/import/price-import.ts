// Prices from Binance market-data responses: `GET /fapi/v1/premiumIndex` (mark and index price
// per symbol) and `GET /fapi/v1/assetIndex` (Multi-Assets Mode collateral rates per asset,
// margin-rules.md §4). Each accepts the one-symbol object or the all-symbols array.
import { Decimal } from '../decimal'
import type { AssetMarket, ParseResult } from '../scenario/types'
import { FieldReader, fail, isObject, isTimestamp, itemsOf, joinPath, readJson, type JsonDoc } from './fields'

export interface PremiumIndexImport {
  /** symbol → mark price (decimal string, > 0). */
  markPrices: Record<string, string>
  /** symbol → index price (decimal string); absent when Binance sent none. */
  indexPrices: Record<string, string>
  /** Version 2: symbol → lastFundingRate, the rate per settlement (margin-rules.md §9); perpetuals only. */
  fundingRates: Record<string, string>
  /** Symbols left out because Binance reported a mark price of 0 (not trading). */
  skipped: string[]
  /** Latest `time` of the response as an ISO instant, for the market's asOf. */
  asOf?: string
}

export interface AssetIndexImport {
  /** asset (BTC, USDT…) → index and buffers, as the scenario's market.assets holds them. */
  assets: Record<string, AssetMarket>
  /**
   * Assets whose published bidRate/askRate differ from index × (1 ∓ buffer) by more than one unit
   * in the 8th decimal (Binance rounds rates to 8 places). The engine recomputes rates from index
   * and buffers (§4), so a mismatch is reported, not used.
   */
  warnings: { path: string; message: string }[]
  asOf?: string
}

export function looksLikePremiumIndex(value: unknown): boolean {
  const items = itemsOf(value)
  return items.length > 0 && items.every(({ item }) => isObject(item) && 'symbol' in item && 'markPrice' in item)
}

export function looksLikeAssetIndex(value: unknown): boolean {
  const items = itemsOf(value)
  return items.length > 0 && items.every(({ item }) => isObject(item) && 'symbol' in item && 'index' in item && ('bidBuffer' in item || 'askBuffer' in item))
}

export function parsePremiumIndex(text: string): ParseResult<PremiumIndexImport> {
  const doc = readJson(text)
  return doc.ok ? parsePremiumIndexValue(doc.value) : doc
}

export function parseAssetIndex(text: string): ParseResult<AssetIndexImport> {
  const doc = readJson(text)
  return doc.ok ? parseAssetIndexValue(doc.value) : doc
}

export function parsePremiumIndexValue(doc: JsonDoc): ParseResult<PremiumIndexImport> {
  if (!looksLikePremiumIndex(doc.value)) {
    return fail('(file)', 'not a Binance GET /fapi/v1/premiumIndex response: expected {symbol, markPrice, indexPrice, …} or an array of them')
  }
  const r = new FieldReader(doc.numbers)
  const out: PremiumIndexImport = { markPrices: {}, indexPrices: {}, fundingRates: {}, skipped: [] }
  let latest: number | undefined
  for (const { item, path } of itemsOf(doc.value)) {
    const o = item as Record<string, unknown>
    const symbol = r.string(o, 'symbol', path)
    const mark = r.decimal(o, 'markPrice', path, { sign: 'non-negative' })
    const index = r.optionalDecimal(o, 'indexPrice', path, { sign: 'non-negative' })
    // Delivery contracts have no funding: Binance sends lastFundingRate "" for them.
    const funding = o.lastFundingRate === '' ? undefined : r.optionalDecimal(o, 'lastFundingRate', path)
    latest = maxTime(latest, o.time)
    if (symbol === undefined || mark === undefined) continue
    if (Object.prototype.hasOwnProperty.call(out.markPrices, symbol) || out.skipped.includes(symbol)) {
      r.problem(joinPath(path, 'symbol'), `symbol ${symbol} appears twice`)
      continue
    }
    if (mark === '0') {
      out.skipped.push(symbol)
      continue
    }
    out.markPrices[symbol] = mark
    if (index !== undefined && index !== '0') out.indexPrices[symbol] = index
    if (funding !== undefined) out.fundingRates[symbol] = funding
  }
  if (latest !== undefined) out.asOf = new Date(latest).toISOString()
  return r.result(out)
}

export function parseAssetIndexValue(doc: JsonDoc): ParseResult<AssetIndexImport> {
  if (!looksLikeAssetIndex(doc.value)) {
    return fail('(file)', 'not a Binance GET /fapi/v1/assetIndex response: expected {symbol: "BTCUSD", index, bidBuffer, askBuffer, …} or an array of them')
  }
  const r = new FieldReader(doc.numbers)
  const out: AssetIndexImport = { assets: {}, warnings: [] }
  let latest: number | undefined
  for (const { item, path } of itemsOf(doc.value)) {
    const o = item as Record<string, unknown>
    latest = maxTime(latest, o.time)
    const symbol = r.string(o, 'symbol', path)
    // Asset index symbols are the asset against USD: BTCUSD → BTC, USDTUSD → USDT.
    const asset = symbol !== undefined && /^[A-Z0-9]+USD$/.test(symbol) && symbol.length > 3 ? symbol.slice(0, -3) : undefined
    if (symbol !== undefined && asset === undefined) r.problem(joinPath(path, 'symbol'), `expected an asset index symbol ending in USD (like "BTCUSD"), got ${JSON.stringify(symbol)}`)
    const buffer = { sign: 'non-negative' as const }
    const index = r.decimal(o, 'index', path, { sign: 'positive' })
    const bidBuffer = r.decimal(o, 'bidBuffer', path, buffer)
    const askBuffer = r.decimal(o, 'askBuffer', path, buffer)
    const aeBid = r.optionalDecimal(o, 'autoExchangeBidBuffer', path, buffer)
    const aeAsk = r.optionalDecimal(o, 'autoExchangeAskBuffer', path, buffer)
    for (const [key, v] of [['bidBuffer', bidBuffer], ['autoExchangeBidBuffer', aeBid]] as const) {
      if (v !== undefined && !new Decimal(v).lt(1)) r.problem(joinPath(path, key), `a bid buffer must be below 1, got ${v}`)
    }
    const bidRate = r.optionalDecimal(o, 'bidRate', path, buffer)
    const askRate = r.optionalDecimal(o, 'askRate', path, buffer)
    const aeBidRate = r.optionalDecimal(o, 'autoExchangeBidRate', path, buffer)
    const aeAskRate = r.optionalDecimal(o, 'autoExchangeAskRate', path, buffer)
    if (asset === undefined || index === undefined || bidBuffer === undefined || askBuffer === undefined) continue
    if (Object.prototype.hasOwnProperty.call(out.assets, asset)) {
      r.problem(joinPath(path, 'symbol'), `asset ${asset} appears twice`)
      continue
    }
    const market: AssetMarket = { index, bidBuffer, askBuffer }
    if (aeBid !== undefined) market.autoExchangeBidBuffer = aeBid
    if (aeAsk !== undefined) market.autoExchangeAskBuffer = aeAsk
    out.assets[asset] = market
    const i = new Decimal(index)
    const check = (key: string, published: string | undefined, buf: string | undefined, sign: 1 | -1): void => {
      if (published === undefined || buf === undefined) return
      const expected = i.times(new Decimal(1).plus(new Decimal(buf).times(sign)))
      if (expected.minus(published).abs().gt('0.00000001')) {
        out.warnings.push({ path: joinPath(path, key), message: `${asset}: published ${key} ${published} differs from index × (1 ${sign > 0 ? '+' : '−'} buffer) = ${expected.toString()}; the engine uses the latter` })
      }
    }
    check('bidRate', bidRate, bidBuffer, -1)
    check('askRate', askRate, askBuffer, 1)
    check('autoExchangeBidRate', aeBidRate, aeBid, -1)
    check('autoExchangeAskRate', aeAskRate, aeAsk, 1)
  }
  if (latest !== undefined) out.asOf = new Date(latest).toISOString()
  return r.result(out)
}

function maxTime(latest: number | undefined, time: unknown): number | undefined {
  // Millisecond timestamps are integers far below 2^53: a float is exact for them. One beyond
  // the last instant a Date can hold is no time at all (fuzzed: toISOString would throw).
  if (!isTimestamp(time)) return latest
  return latest === undefined || time > latest ? time : latest
}

