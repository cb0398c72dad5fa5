// Cross-field checks of the version 2 fields (docs/scenario-format.md §3): commission, open
// orders, funding fields and the plan. Runs after the shape passed the zod schema; each problem
// is named by its JSON path, like version 1's.
import { Decimal, ZERO } from '../decimal'
import { joinPath } from '../json/strict-json'
import type { Problem, Scenario } from './types'

export function version2Problems(s: Scenario): Problem[] {
  const problems: Problem[] = []
  const add = (path: string, message: string): void => {
    problems.push({ path, message })
  }
  const { account, market } = s
  const hedge = account.positionMode === 'hedge'
  const has = (rec: object, key: string): boolean => Object.prototype.hasOwnProperty.call(rec, key)
  const maxLeverage = (symbol: string): number => Math.max(0, ...market.symbols[symbol]!.brackets.map((b) => b.initialLeverage))

  // Binance keeps one leverage per symbol: the position's, else the one an order or trade sets.
  const leverageOf = new Map<string, { leverage: number; from: string }>()
  account.positions.forEach((p, i) => {
    if (!leverageOf.has(p.symbol)) leverageOf.set(p.symbol, { leverage: p.leverage, from: `account.positions[${i}]` })
  })
  const hasPosition = new Set(account.positions.map((p) => p.symbol))

  if (account.commission) {
    const { maker, taker } = account.commission
    // Decision: a maker rebate (negative maker rate) is allowed; a rate is a fraction below 1.
    if (!new Decimal(maker).gt(-1) || !new Decimal(maker).lt(1)) add('account.commission.maker', `a commission rate is a fraction between -1 and 1 (0.0002 = 0.02%), got ${maker}`)
    if (new Decimal(taker).lt(ZERO) || !new Decimal(taker).lt(1)) add('account.commission.taker', `the taker rate is a fraction from 0 to below 1 (0.0005 = 0.05%), got ${taker}`)
  }

  for (const [symbol, m] of Object.entries(market.symbols)) {
    if (m.fundingRate !== undefined && !new Decimal(m.fundingRate).abs().lt(1)) {
      add(joinPath(joinPath('market.symbols', symbol), 'fundingRate'), `a funding rate is a fraction per settlement (0.0001 = 0.01%), got ${m.fundingRate}`)
    }
  }

  // Checks shared by an open order and a trade step: symbol, position side, sizes, leverage.
  const orderLike = (at: string, o: { symbol: string; positionSide?: string; quantity: string; price?: string; leverage?: number }, what: string): boolean => {
    if (hedge && o.positionSide === undefined) add(`${at}.positionSide`, `hedge mode: ${what} needs its positionSide, long or short`)
    if (!hedge && o.positionSide !== undefined) add(`${at}.positionSide`, `one-way mode has no position sides: remove positionSide`)
    if (!new Decimal(o.quantity).gt(ZERO)) add(`${at}.quantity`, `the quantity must be above 0, got ${o.quantity}`)
    if (o.price !== undefined && !new Decimal(o.price).gt(ZERO)) add(`${at}.price`, `the price must be positive, got ${o.price}`)
    if (!has(market.symbols, o.symbol)) {
      add(`${at}.symbol`, `unknown symbol "${o.symbol}": ${what}'s symbol must be in market.symbols`)
      return false
    }
    if (o.leverage !== undefined) {
      const max = maxLeverage(o.symbol)
      if (max > 0 && o.leverage > max) add(`${at}.leverage`, `${o.symbol} allows at most ${max}x, got ${o.leverage}x`)
      const known = leverageOf.get(o.symbol)
      // Decision: changing a symbol's leverage is not modelled; a differing leverage is refused.
      if (known && known.leverage !== o.leverage) add(`${at}.leverage`, `${o.symbol} is at ${known.leverage}x (${known.from}): one leverage per symbol, got ${o.leverage}x`)
      else if (!known) leverageOf.set(o.symbol, { leverage: o.leverage, from: at })
    }
    return true
  }

  account.openOrders?.forEach((o, i) => {
    const at = `account.openOrders[${i}]`
    if (hedge && o.reduceOnly !== undefined) add(`${at}.reduceOnly`, 'hedge mode has no reduce-only orders (Binance refuses reduceOnly there): remove it')
    if (!orderLike(at, o, 'an order')) return
    if (o.reduceOnly === true && !hasPosition.has(o.symbol)) add(`${at}.reduceOnly`, `a reduce-only order needs a ${o.symbol} position to reduce`)
    if (o.type === 'limit' && o.reduceOnly !== true && !leverageOf.has(o.symbol)) {
      add(`${at}.leverage`, `${o.symbol} has no position: the order needs its leverage`)
    }
  })

  s.plan?.forEach((step, i) => {
    const at = `plan[${i}]`
    switch (step.kind) {
      case 'trade':
        if (!orderLike(at, step, 'a trade')) return
        if (!leverageOf.has(step.symbol)) add(`${at}.leverage`, `${step.symbol} has no position: a trade that opens one needs its leverage`)
        return
      case 'transfer':
        if (!has(market.assets, step.asset)) add(`${at}.asset`, `unknown asset "${step.asset}": a transferred asset must be in market.assets`)
        if (new Decimal(step.amount).isZero()) add(`${at}.amount`, 'a transfer of 0 changes nothing: a deposit is > 0, a withdrawal < 0')
        return
      case 'move':
        for (const [asset, move] of Object.entries(step.moves)) {
          const path = joinPath(`${at}.moves`, asset)
          if (!has(market.assets, asset)) add(path, `unknown asset "${asset}": a moved asset must be in market.assets`)
          if (!new Decimal(move).gt(-1)) add(path, `a move must be above -1 (a price cannot fall 100% or more), got ${move}`)
        }
        return
      case 'funding':
      case 'cancelOrders':
        return
    }
  })
  return problems
}
