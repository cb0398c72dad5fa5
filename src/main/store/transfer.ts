// Text in, text out: scenario files and Binance market files to and from the library. Used by
// the IPC handlers (which receive file TEXT, never a renderer-chosen path) and by the CLI (which
// reads the file itself through files.ts).
import { parseMarketFile, type MarketFile } from '../../shared/import/market-file'
import { writeScenario } from '../../shared/scenario/write'
import type { ImportMarketResult, Portfolio, PortfolioId, ScenarioPreview, SnapshotMarket } from '../../shared/ipc/library-types'
import type { Library } from './library'
import { badInput } from './errors'
import { nameProblems, previewOf, validScenarioText } from './scenario-input'
import { scenarioFileName } from '../files'
import { escapeControlCharacters } from '../../shared/text/escape-control'

export interface ImportScenarioOptions {
  /** Replaces the scenario's own name. */
  name?: string
  tags?: string[]
  /** Validate and preview only; nothing is written. */
  dryRun?: boolean
}

export interface ImportScenarioResult {
  preview: ScenarioPreview
  /** null on a dry run. */
  portfolio: Portfolio | null
}

/** Validates a whole scenario file and, unless dryRun, stores it as a new portfolio. */
export function importScenarioText(lib: Library, text: string, options: ImportScenarioOptions = {}): ImportScenarioResult {
  let scenario = validScenarioText(text)
  if (options.name !== undefined) {
    const problems = nameProblems(options.name)
    if (problems.length > 0) throw badInput(problems, 'the name')
    scenario = { ...scenario, name: options.name.trim() }
  }
  const preview = previewOf(scenario)
  if (options.dryRun) return { preview, portfolio: null }
  return { preview, portfolio: lib.portfolios.create({ scenario, tags: options.tags, reason: 'import' }) }
}

/** The canonical scenario file of a portfolio (or of one of its revisions). */
export function exportScenarioText(lib: Library, id: PortfolioId, revision?: number): { fileName: string; text: string } {
  const scenario = revision === undefined ? lib.portfolios.get(id).scenario : lib.portfolios.revision(id, revision).scenario
  return { fileName: scenarioFileName(scenario.name), text: writeScenario(scenario) }
}

export interface ImportMarketOptions {
  name?: string
  /** Shown in the default name and the snapshot's source. */
  fileName?: string
  dryRun?: boolean
  /** When the file carries no time (bracket tables): defaults to now. */
  asOf?: string
  now?: () => string
}


/** A Binance/ccxt market file (brackets, premiumIndex, assetIndex, exchangeInfo) as a named snapshot. */
export type { ImportMarketResult }

export function importMarketText(lib: Library, text: string, options: ImportMarketOptions = {}): ImportMarketResult {
  const parsed = parseMarketFile(text)
  if (!parsed.ok) throw badInput(parsed.problems, 'the market file')
  const now = options.now ?? (() => new Date().toISOString())
  const { market, warnings } = snapshotOf(parsed.value, options.asOf ?? now(), options.fileName)
  const name = options.name ?? `${parsed.value.kind} ${market.asOf}${options.fileName ? ` (${options.fileName})` : ''}`
  const result: ImportMarketResult = {
    kind: parsed.value.kind,
    name,
    asOf: market.asOf,
    symbols: Object.keys(market.symbols).length,
    assets: Object.keys(market.assets).length,
    // Warnings name symbols from the file: shown escaped, like every refusal.
    warnings: warnings.map((w) => ({ path: escapeControlCharacters(w.path), message: escapeControlCharacters(w.message) })),
    snapshot: null
  }
  if (options.dryRun) {
    const problems = nameProblems(name)
    if (problems.length > 0) throw badInput(problems, 'the snapshot name')
    return result
  }
  result.snapshot = lib.snapshots.create({ name, kind: parsed.value.kind, market })
  return result
}

function snapshotOf(file: MarketFile, fallbackAsOf: string, fileName?: string): { market: SnapshotMarket; warnings: { path: string; message: string }[] } {
  const source = fileName ? `imported from ${fileName}` : undefined
  const base = (asOf: string | undefined): SnapshotMarket => ({ asOf: asOf ?? fallbackAsOf, ...(source ? { source } : {}), symbols: {}, assets: {} })
  switch (file.kind) {
    case 'brackets': {
      const market = base(undefined)
      for (const [symbol, brackets] of Object.entries(file.brackets)) {
        const assets = Object.prototype.hasOwnProperty.call(file.assets, symbol) ? file.assets[symbol] : undefined
        market.symbols[symbol] = { ...(assets ? { baseAsset: assets.baseAsset, marginAsset: assets.marginAsset } : {}), brackets }
      }
      const warnings = Object.entries(file.notionalCoef).map(([symbol, coef]) => ({ path: symbol, message: `${symbol}: notionalCoef ${coef} applied to floors, caps and cum` }))
      return { market, warnings }
    }
    case 'premiumIndex': {
      const market = base(file.asOf)
      for (const [symbol, markPrice] of Object.entries(file.markPrices)) {
        const fundingRate = Object.prototype.hasOwnProperty.call(file.fundingRates, symbol) ? file.fundingRates[symbol] : undefined
        market.symbols[symbol] = { markPrice, ...(fundingRate !== undefined ? { fundingRate } : {}) }
      }
      const warnings = file.skipped.map((symbol) => ({ path: symbol, message: `${symbol}: mark price 0 (not trading), left out` }))
      return { market, warnings }
    }
    case 'assetIndex': {
      const market = base(file.asOf)
      for (const [asset, a] of Object.entries(file.assets)) market.assets[asset] = { ...a }
      return { market, warnings: file.warnings }
    }
    case 'exchangeInfo': {
      // Tick sizes (and the assets exchangeInfo names); no prices, so asOf is the import time.
      const market = base(undefined)
      for (const [symbol, tickSize] of Object.entries(file.tickSizes)) {
        const assets = Object.prototype.hasOwnProperty.call(file.assets, symbol) ? file.assets[symbol] : undefined
        market.symbols[symbol] = { ...(assets ? { baseAsset: assets.baseAsset, marginAsset: assets.marginAsset } : {}), tickSize }
      }
      const warnings = file.skipped.map((symbol) => ({ path: symbol, message: `${symbol}: no PRICE_FILTER, left out` }))
      return { market, warnings }
    }
    case 'fundingInfo': {
      // Intervals only; no prices, so asOf is the import time.
      const market = base(undefined)
      for (const [symbol, fundingIntervalHours] of Object.entries(file.intervals)) market.symbols[symbol] = { fundingIntervalHours }
      return { market, warnings: [] }
    }
  }
}
