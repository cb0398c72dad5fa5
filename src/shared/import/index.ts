// The importers of user-supplied files (Binance and ccxt responses, positions CSV). Each returns
// ParseResult: accepted whole with decimal strings, or refused whole with every problem located.
export { parseBracketFile, parseBracketValue, detectBracketFormat, ccxtSymbolToId, type BracketImport, type BracketFormat, type SymbolAssets } from './bracket-import'
export { parsePremiumIndex, parseAssetIndex, type PremiumIndexImport, type AssetIndexImport } from './price-import'
export { parseMarketFile, ACCEPTED_MARKET_FORMATS, type MarketFile } from './market-file'
export { parseBinanceAccount, type AccountFiles, type AccountImport, type BinancePositionFigures } from './account-import'
export { parsePositionsCsv, positionsCsvTemplate, parseCsvRecords, POSITION_CSV_COLUMNS } from './positions-csv'
export { parseExchangeInfo, parseExchangeInfoValue, looksLikeExchangeInfo, type ExchangeInfoImport } from './exchange-info-import'
