// One entry point for a market file the user drops on the app: tells which Binance (or ccxt)
// response it is and reads it with the matching importer. All-or-nothing like every importer.
import type { ParseResult } from '../scenario/types'
import { detectBracketFormat, parseBracketValue, type BracketImport } from './bracket-import'
import { looksLikeExchangeInfo, parseExchangeInfoValue, type ExchangeInfoImport } from './exchange-info-import'
import { fail, readJson } from './fields'
import { looksLikeFundingInfo, parseFundingInfoValue, type FundingInfoImport } from './funding-info-import'
import {
  looksLikeAssetIndex,
  looksLikePremiumIndex,
  parseAssetIndexValue,
  parsePremiumIndexValue,
  type AssetIndexImport,
  type PremiumIndexImport
} from './price-import'

export type MarketFile =
  | ({ kind: 'brackets' } & BracketImport)
  | ({ kind: 'premiumIndex' } & PremiumIndexImport)
  | ({ kind: 'assetIndex' } & AssetIndexImport)
  | ({ kind: 'exchangeInfo' } & ExchangeInfoImport)
  | ({ kind: 'fundingInfo' } & FundingInfoImport)

export const ACCEPTED_MARKET_FORMATS =
  'Binance GET /fapi/v1/leverageBracket, ccxt fetchLeverageTiers, Binance GET /fapi/v1/premiumIndex or Binance GET /fapi/v1/assetIndex (one object or the array), Binance GET /fapi/v1/exchangeInfo (tick sizes), or Binance GET /fapi/v1/fundingInfo (funding intervals)'

export function parseMarketFile(text: string): ParseResult<MarketFile> {
  const doc = readJson(text)
  if (!doc.ok) return doc
  const { value } = doc.value
  // exchangeInfo first: one object whose symbols array is unlike any bracket or price file.
  if (looksLikeExchangeInfo(value)) return tag('exchangeInfo', parseExchangeInfoValue(doc.value))
  if (detectBracketFormat(value) !== null) return tag('brackets', parseBracketValue(doc.value))
  // assetIndex first: its items have no markPrice, premiumIndex items have no index/buffers.
  if (looksLikeAssetIndex(value)) return tag('assetIndex', parseAssetIndexValue(doc.value))
  if (looksLikePremiumIndex(value)) return tag('premiumIndex', parsePremiumIndexValue(doc.value))
  if (looksLikeFundingInfo(value)) return tag('fundingInfo', parseFundingInfoValue(doc.value))
  if (Array.isArray(value) && value.length === 0) return fail('(file)', `the file is an empty array; expected ${ACCEPTED_MARKET_FORMATS}`)
  return fail('(file)', `not a market file this program reads; expected ${ACCEPTED_MARKET_FORMATS}`)
}

function tag<K extends MarketFile['kind'], T extends object>(kind: K, r: ParseResult<T>): ParseResult<{ kind: K } & T> {
  return r.ok ? { ok: true, value: { kind, ...r.value } } : r
}
