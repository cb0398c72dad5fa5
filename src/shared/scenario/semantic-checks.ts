// Checks that relate one part of a scenario to another (docs/scenario-format.md §1 field table).
// Runs only on a scenario whose shape already passed the zod schema.
import { Decimal, MINUS_ONE, ONE, ZERO, compare, decimalTextSign, str } from '../decimal'
import { validateBracketTable } from '../market/bracket-validation'
import { joinPath } from '../json/strict-json'
import { version2Problems } from './semantic-checks-v2'
import type { Problem, Scenario } from './types'

export function semanticProblems(s: Scenario): Problem[] {
  const problems: Problem[] = []
  const add = (path: string, message: string): void => {
    problems.push({ path, message })
  }
  const { account, market } = s
  const symbolsPath = 'market.symbols'
  const assetsPath = 'market.assets'

  const assetKnown = (asset: string): boolean => Object.prototype.hasOwnProperty.call(market.assets, asset)
  const symbolKnown = (symbol: string): boolean => Object.prototype.hasOwnProperty.call(market.symbols, symbol)
  // Signs read off the text (the schema passed: every field is a decimal string), comparisons
  // that copy nothing (decimal.ts): a 1 MB scenario makes thousands.
  const positive = (text: string): boolean => decimalTextSign(text) > 0
  const negative = (text: string): boolean => decimalTextSign(text) < 0

  for (const [asset, a] of Object.entries(market.assets)) {
    const at = joinPath(assetsPath, asset)
    if (!positive(a.index)) add(`${at}.index`, `the index price must be positive, got ${a.index}`)
    for (const key of ['bidBuffer', 'askBuffer', 'autoExchangeBidBuffer', 'autoExchangeAskBuffer'] as const) {
      const v = a[key]
      if (v !== undefined && (negative(v) || !(compare(new Decimal(v), ONE) < 0))) {
        add(`${at}.${key}`, `a buffer must be at least 0 and below 1, got ${v}`)
      }
    }
    if (a.autoExchangeThreshold !== undefined && positive(a.autoExchangeThreshold)) {
      add(`${at}.autoExchangeThreshold`, `the Auto-Exchange threshold is a negative balance, got ${a.autoExchangeThreshold}`)
    }
  }

  const bracketsValid = new Set<string>()
  for (const [symbol, m] of Object.entries(market.symbols)) {
    const at = joinPath(symbolsPath, symbol)
    if (!positive(m.markPrice)) add(`${at}.markPrice`, `the mark price must be positive, got ${m.markPrice}`)
    if (!assetKnown(m.marginAsset)) add(`${at}.marginAsset`, `unknown asset "${m.marginAsset}": every margin asset must be in market.assets`)
    const bracketProblems = validateBracketTable(m.brackets, `${at}.brackets`, symbol)
    problems.push(...bracketProblems)
    if (bracketProblems.length === 0) bracketsValid.add(symbol)
  }

  const seenAssets = new Map<string, number>()
  account.balances.forEach((b, i) => {
    const at = `account.balances[${i}]`
    if (seenAssets.has(b.asset)) add(`${at}.asset`, `${b.asset} is listed twice (first at account.balances[${seenAssets.get(b.asset)}])`)
    else seenAssets.set(b.asset, i)
    if (!assetKnown(b.asset)) add(`${at}.asset`, `unknown asset "${b.asset}": every balance's asset must be in market.assets`)
  })

  const legs = new Map<string, number>()
  account.positions.forEach((p, i) => {
    const at = `account.positions[${i}]`
    const qty = new Decimal(p.quantity)
    if (!(compare(qty, ZERO) > 0)) add(`${at}.quantity`, `the quantity is the absolute size and must be above 0, got ${p.quantity}`)
    if (!positive(p.entryPrice)) add(`${at}.entryPrice`, `the entry price must be positive, got ${p.entryPrice}`)
    if (p.marginType === 'isolated' && p.isolatedWallet === undefined) add(`${at}.isolatedWallet`, 'an isolated position needs its isolatedWallet')
    if (p.marginType === 'cross' && p.isolatedWallet !== undefined) add(`${at}.isolatedWallet`, 'a cross position has no isolatedWallet')
    if (p.isolatedWallet !== undefined && negative(p.isolatedWallet)) add(`${at}.isolatedWallet`, `an isolated wallet cannot be negative, got ${p.isolatedWallet}`)

    const leg = account.positionMode === 'one-way' ? p.symbol : `${p.symbol} ${p.side}`
    if (legs.has(leg)) {
      const first = `account.positions[${legs.get(leg)}]`
      add(
        `${at}.symbol`,
        account.positionMode === 'one-way'
          ? `one-way mode holds one position per symbol; ${p.symbol} is already at ${first}`
          : `hedge mode holds at most one ${p.side} per symbol; ${p.symbol} ${p.side} is already at ${first}`
      )
    } else legs.set(leg, i)

    if (!symbolKnown(p.symbol)) {
      add(`${at}.symbol`, `unknown symbol "${p.symbol}": every position's symbol must be in market.symbols`)
      return
    }
    const m = market.symbols[p.symbol]!
    const maxLeverage = Math.max(...m.brackets.map((b) => b.initialLeverage))
    if (m.brackets.length > 0 && p.leverage > maxLeverage) add(`${at}.leverage`, `${p.symbol} allows at most ${maxLeverage}x, got ${p.leverage}x`)
    if (bracketsValid.has(p.symbol) && compare(qty, ZERO) > 0 && positive(m.markPrice)) {
      // margin-rules.md §2: a notional above the last cap at mark is an input error.
      const notional = qty.times(m.markPrice)
      const lastCap = new Decimal(m.brackets[m.brackets.length - 1]!.notionalCap)
      if (compare(notional, lastCap) > 0) add(`${at}.quantity`, `notional ${str(notional)} at mark exceeds the largest bracket of ${p.symbol} (cap ${str(lastCap)})`)
    }
  })

  s.shocks?.forEach((shock, i) => {
    for (const [asset, move] of Object.entries(shock.moves)) {
      const at = joinPath(`shocks[${i}].moves`, asset)
      if (!assetKnown(asset)) add(at, `unknown asset "${asset}": a shocked asset must be in market.assets`)
      if (!(compare(new Decimal(move), MINUS_ONE) > 0)) add(at, `a move must be above -1 (a price cannot fall 100% or more), got ${move}`)
    }
  })
  problems.push(...version2Problems(s))
  return problems
}
