// A scenario `account` from saved Binance responses: `GET /fapi/v2/account` (or v3) for wallet
// balances, `GET /fapi/v2/positionRisk` (or v3) for positions, and optionally a settings file
// (`GET /fapi/v1/accountConfig`, `/fapi/v1/positionSide/dual` or `/fapi/v1/multiAssetsMargin`).
// v3 dropped fields v2 had (account: multiAssetsMargin; positionRisk: leverage, marginType), so
// each is taken from wherever it is present and otherwise inferred, with a note saying so.
import { Decimal, str } from '../decimal'
import type { Account, Balance, ParseResult, Position, PositionMode, Problem } from '../scenario/types'
import { FieldReader, isObject, joinPath, readJson, type JsonDoc, type Obj } from './fields'
import { escapeControlCharacters, escapeRefusal } from '../text/escape-control'
import { leverageOfFlatSymbols, looksLikeOpenOrders, readOpenOrders } from './open-orders-import'

export interface AccountFiles {
  /** Saved JSON of GET /fapi/v2/account or /fapi/v3/account. */
  account: string
  /** Saved JSON of GET /fapi/v2/positionRisk or /fapi/v3/positionRisk; without it, account.positions are used (v2 only: v3 has no entryPrice there). */
  positionRisk?: string
  /** Saved JSON with dualSidePosition and/or multiAssetsMargin (accountConfig, positionSide/dual, multiAssetsMargin). */
  settings?: string
  /** Version 2: saved JSON of GET /fapi/v1/openOrders (margin-rules.md §7). */
  openOrders?: string
}

/** Binance's own figures for one imported position, to show beside the engine's. */
export interface BinancePositionFigures {
  /** Index into account.positions. */
  position: number
  symbol: string
  positionSide: 'BOTH' | 'LONG' | 'SHORT'
  markPrice: string | null
  /** null where Binance reports "0" (no liquidation price, shown as "--"). */
  liquidationPrice: string | null
}

export interface AccountImport {
  account: Account
  binance: BinancePositionFigures[]
  /** What was inferred or assumed rather than read (v3 responses lack some fields). */
  notes: string[]
}

type Side = 'BOTH' | 'LONG' | 'SHORT'

interface Doc {
  name: string
  value: unknown
  reader: FieldReader
  base: string
}

export function parseBinanceAccount(files: AccountFiles): ParseResult<AccountImport> {
  // Problems and notes echo symbols and values from the files: shown escaped.
  const read = escapeRefusal(readBinanceAccount(files))
  return read.ok ? { ok: true, value: { ...read.value, notes: read.value.notes.map(escapeControlCharacters) } } : read
}

function readBinanceAccount(files: AccountFiles): ParseResult<AccountImport> {
  const problems: Problem[] = []
  const open = (name: string, text: string | undefined): Doc | undefined => {
    if (text === undefined) return undefined
    const read = readJson(text)
    if (!read.ok) {
      for (const p of read.problems) problems.push({ path: `${name} ${p.path}`, message: p.message }) // "account (file)"
      return undefined
    }
    return unwrap(name, read.value)
  }
  const account = open('account', files.account)
  const risk = open('positionRisk', files.positionRisk)
  const settings = open('settings', files.settings)
  const orders = open('openOrders', files.openOrders)
  if (problems.length > 0) return { ok: false, problems }
  const docs = [account, risk, settings, orders].filter((d): d is Doc => d !== undefined)
  const notes: string[] = []

  // Shape checks first: a wrong file in the wrong slot gets one clear message.
  if (!isObject(account!.value) || !Array.isArray(account!.value.assets)) {
    return fail(inFile('account', account!.base), 'not a Binance GET /fapi/v2/account or /fapi/v3/account response: expected an object with an assets array')
  }
  if (risk && !(Array.isArray(risk.value) && risk.value.every((p) => isObject(p) && 'positionAmt' in p))) {
    return fail(inFile('positionRisk', risk.base), 'not a Binance GET /fapi/v2/positionRisk or /fapi/v3/positionRisk response: expected an array of {symbol, positionAmt, …}')
  }
  if (settings && !(isObject(settings.value) && ('dualSidePosition' in settings.value || 'multiAssetsMargin' in settings.value))) {
    return fail(inFile('settings', settings.base), 'expected a Binance response with dualSidePosition or multiAssetsMargin (GET /fapi/v1/accountConfig, /fapi/v1/positionSide/dual or /fapi/v1/multiAssetsMargin)')
  }
  if (orders && !(Array.isArray(orders.value) && (orders.value.length === 0 || looksLikeOpenOrders(orders.value)))) {
    return fail(inFile('openOrders', orders.base), 'not a Binance GET /fapi/v1/openOrders response: expected an array of {symbol, orderId, side, origQty, …}')
  }
  const acc = account!.value as Obj
  const ra = account!.reader

  // Balances: each asset's walletBalance (transfers + realized PnL + funding − fees, isolated
  // wallets included), as scenario-format.md defines `wallet`. Zero balances are left out.
  const balances: Balance[] = []
  ;(acc.assets as unknown[]).forEach((a, i) => {
    const at = joinPath(joinPath(account!.base, 'assets'), i)
    if (!isObject(a)) return ra.problem(at, 'expected an asset object')
    const asset = ra.string(a, 'asset', at)
    const wallet = ra.decimal(a, 'walletBalance', at)
    if (asset === undefined || wallet === undefined || wallet === '0') return
    if (balances.some((b) => b.asset === asset)) return ra.problem(joinPath(at, 'asset'), `asset ${asset} appears twice`)
    balances.push({ asset, wallet })
  })

  const flag = (key: 'dualSidePosition' | 'multiAssetsMargin'): boolean | undefined => {
    let found: { value: boolean; where: string } | undefined
    for (const d of docs) {
      if (!isObject(d.value) || d.value[key] === undefined) continue
      const where = inFile(d.name, joinPath(d.base, key))
      const v = d.value[key]
      // Binance sends booleans; a hand-saved file may hold "true"/"false".
      const b = v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined
      if (b === undefined) d.reader.problem(joinPath(d.base, key), `expected true or false, got ${d.reader.describe(v, joinPath(d.base, key))}`)
      else if (found && found.value !== b) d.reader.problem(joinPath(d.base, key), `${key} is ${b} here but ${found.value} in ${found.where}`)
      else found = { value: b, where }
    }
    return found?.value
  }
  const multiAssets = flag('multiAssetsMargin')
  const dualSide = flag('dualSidePosition')

  // Position rows: positionRisk when given (it has entry, mark and liquidation prices), else the
  // account's own positions list. The account list still supplies leverage/isolated to v3 rows.
  const source = risk ?? account!
  const rowsValue = risk ? (risk.value as unknown[]) : Array.isArray(acc.positions) ? (acc.positions as unknown[]) : []
  const rowsBase = risk ? risk.base : joinPath(account!.base, 'positions')
  const accountRows = new Map<string, Obj>()
  if (Array.isArray(acc.positions)) {
    for (const p of acc.positions as unknown[]) {
      if (isObject(p) && typeof p.symbol === 'string') accountRows.set(`${p.symbol}|${typeof p.positionSide === 'string' ? p.positionSide : 'BOTH'}`, p)
    }
  }
  const r = source.reader
  const sides = new Set<Side>()
  const positions: Position[] = []
  const binance: BinancePositionFigures[] = []
  const positionsInfo: { at: string; side: Side }[] = []
  rowsValue.forEach((row, i) => {
    const at = joinPath(rowsBase, i)
    if (!isObject(row)) return r.problem(at, 'expected a position object')
    const ps = row.positionSide === undefined ? 'BOTH' : row.positionSide
    if (ps !== 'BOTH' && ps !== 'LONG' && ps !== 'SHORT') return r.problem(joinPath(at, 'positionSide'), `expected BOTH, LONG or SHORT, got ${r.describe(ps, joinPath(at, 'positionSide'))}`)
    sides.add(ps)
    const amt = r.decimal(row, 'positionAmt', at)
    if (amt === undefined || amt === '0') return // zero rows are symbols without a position
    const symbol = r.string(row, 'symbol', at)
    if (symbol === undefined) return
    const amount = new Decimal(amt)
    if ((ps === 'LONG' && amount.lt(0)) || (ps === 'SHORT' && amount.gt(0))) {
      return r.problem(joinPath(at, 'positionAmt'), `a ${ps} position cannot have positionAmt ${amt}`)
    }
    const side = ps === 'LONG' ? 'long' : ps === 'SHORT' ? 'short' : amount.gt(0) ? 'long' : 'short'
    const entryPrice = r.decimal(row, 'entryPrice', at, { sign: 'positive' })
    const other = accountRows.get(`${symbol}|${ps}`)
    const leverage = leverageOf(r, row, other, at, symbol, notes)
    const isolated = isolatedOf(r, row, other, at, symbol, notes)
    let isolatedWallet: string | undefined
    if (isolated) {
      const w = row.isolatedWallet !== undefined ? row.isolatedWallet : other?.isolatedWallet
      if (w === undefined) r.problem(joinPath(at, 'isolatedWallet'), `${symbol} is isolated but its isolatedWallet is missing (GET /fapi/v2/account does not list it: add the positionRisk file)`)
      else isolatedWallet = r.decimalValue(w, joinPath(at, 'isolatedWallet'), { sign: 'positive' })
    }
    if (entryPrice === undefined || leverage === undefined || isolated === undefined || (isolated && isolatedWallet === undefined)) return
    const p: Position = { symbol, side, quantity: str(amount.abs()), entryPrice, leverage, marginType: isolated ? 'isolated' : 'cross' }
    if (isolatedWallet !== undefined) p.isolatedWallet = isolatedWallet
    const mark = r.optionalDecimal(row, 'markPrice', at, { sign: 'non-negative' })
    const liq = r.optionalDecimal(row, 'liquidationPrice', at, { sign: 'non-negative' })
    binance.push({ position: positions.length, symbol, positionSide: ps, markPrice: mark === undefined || mark === '0' ? null : mark, liquidationPrice: liq === undefined || liq === '0' ? null : liq })
    positionsInfo.push({ at, side: ps })
    positions.push(p)
  })

  // Position mode: dualSidePosition when a file has it, else what the positionSide values show.
  let positionMode: PositionMode
  if (dualSide !== undefined) {
    positionMode = dualSide ? 'hedge' : 'one-way'
    positionsInfo.forEach(({ at, side }) => {
      if ((side === 'BOTH') === dualSide) r.problem(joinPath(at, 'positionSide'), `a ${side} position contradicts dualSidePosition ${dualSide}`)
    })
  } else if (sides.has('LONG') || sides.has('SHORT')) {
    positionMode = 'hedge'
    if (positionsInfo.some((p) => p.side === 'BOTH')) {
      const bad = positionsInfo.find((p) => p.side === 'BOTH')!
      r.problem(joinPath(bad.at, 'positionSide'), 'BOTH and LONG/SHORT positions together: a file mixes one-way and hedge mode')
    }
    notes.push('position mode hedge: inferred from LONG/SHORT positionSide values (no dualSidePosition given)')
  } else {
    positionMode = 'one-way'
    notes.push('position mode one-way: inferred (no dualSidePosition given and no LONG/SHORT positionSide)')
  }
  const openOrders = orders
    ? readOpenOrders(
        orders.value as unknown[],
        orders.base,
        orders.reader,
        positionMode,
        positions,
        leverageOfFlatSymbols([risk ? (risk.value as unknown[]) : [], Array.isArray(acc.positions) ? (acc.positions as unknown[]) : []]),
        notes
      )
    : []
  if (multiAssets === undefined) notes.push('mode single-asset: assumed, the files do not say multiAssetsMargin (GET /fapi/v3/account omits it; add GET /fapi/v1/accountConfig)')

  for (const d of docs) for (const p of d.reader.problems) problems.push({ path: inFile(d.name, p.path), message: p.message })
  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    value: {
      account: { mode: multiAssets ? 'multi-assets' : 'single-asset', positionMode, balances, positions, ...(openOrders.length > 0 ? { openOrders } : {}) },
      binance,
      notes
    }
  }
}

/** Binance's websocket API wraps the same body as {id, status, result}: read the body. */
function unwrap(name: string, doc: JsonDoc): Doc {
  const v = doc.value
  if (isObject(v) && 'result' in v && 'status' in v) return { name, value: v.result, reader: new FieldReader(doc.numbers), base: 'result' }
  return { name, value: v, reader: new FieldReader(doc.numbers), base: '' }
}

/** A path inside one of the files: account.assets[2].walletBalance, positionRisk[3].positionAmt. */
function inFile(name: string, path: string): string {
  return path === '' ? name : path.startsWith('[') ? `${name}${path}` : `${name}.${path}`
}

function fail(path: string, message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path, message }] }
}

function leverageOf(r: FieldReader, row: Obj, other: Obj | undefined, at: string, symbol: string, notes: string[]): number | undefined {
  if (row.leverage !== undefined) return r.integer(row, 'leverage', at, 1)
  if (other?.leverage !== undefined && /^[1-9][0-9]*$/.test(String(other.leverage))) return Number(other.leverage)
  // v3 rows carry no leverage; positionInitialMargin = |notional| / leverage recovers it.
  const im = row.positionInitialMargin ?? row.initialMargin
  if (typeof row.notional === 'string' && typeof im === 'string' && /^-?[0-9.]+$/.test(row.notional) && /^[0-9.]+$/.test(im) && new Decimal(im).gt(0)) {
    const lev = new Decimal(row.notional).abs().div(im).toDecimalPlaces(0)
    if (lev.gte(1)) {
      notes.push(`${symbol}: leverage ${lev.toString()} inferred from notional / positionInitialMargin (the v3 response has no leverage field)`)
      return lev.toNumber()
    }
  }
  r.problem(joinPath(at, 'leverage'), `${symbol}: no leverage in this row, in the account file, or from notional / positionInitialMargin`)
  return undefined
}

function isolatedOf(r: FieldReader, row: Obj, other: Obj | undefined, at: string, symbol: string, notes: string[]): boolean | undefined {
  const mt = row.marginType
  if (mt !== undefined) {
    const t = typeof mt === 'string' ? mt.toLowerCase() : ''
    if (t === 'isolated' || t === 'cross') return t === 'isolated'
    r.problem(joinPath(at, 'marginType'), `expected cross or isolated, got ${r.describe(mt, joinPath(at, 'marginType'))}`)
    return undefined
  }
  if (typeof row.isolated === 'boolean') return row.isolated
  if (typeof other?.isolated === 'boolean') return other.isolated
  // v3 has neither marginType nor isolated: an isolated position always has its own wallet.
  const w = row.isolatedWallet ?? other?.isolatedWallet
  if (typeof w === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(w)) {
    const isolated = !new Decimal(w).isZero()
    notes.push(`${symbol}: margin type ${isolated ? 'isolated' : 'cross'} inferred from isolatedWallet ${w} (the v3 response has no marginType)`)
    return isolated
  }
  r.problem(joinPath(at, 'marginType'), `${symbol}: no marginType, isolated flag or isolatedWallet to tell cross from isolated`)
  return undefined
}
