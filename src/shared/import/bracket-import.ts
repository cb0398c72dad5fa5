// Bracket (leverage tier) tables from the two formats of margin-rules.md §2: Binance's own
// `GET /fapi/v1/leverageBracket` response and ccxt's `fetchLeverageTiers` JSON (the layout of the
// freqtrade snapshot). Exchange numbers are inputs, never constants: nothing here has defaults.
import { Decimal, str } from '../decimal'
import { validateBracketTable } from '../market/bracket-validation'
import type { BracketRow, ParseResult, Problem } from '../scenario/types'
import { FieldReader, fail, isObject, joinPath, readJson, type JsonDoc, type Obj } from './fields'

export type BracketFormat = 'binance-leverageBracket' | 'ccxt-fetchLeverageTiers'

export interface SymbolAssets {
  baseAsset: string
  /** The settle currency, after ':' in the ccxt symbol. */
  marginAsset: string
}

export interface BracketImport {
  format: BracketFormat
  /** Binance symbol id (BTCUSDT, BTCUSDT_260327) → brackets sorted by floor, decimal strings. */
  brackets: Record<string, BracketRow[]>
  /** Base and margin asset per symbol: known from ccxt keys; Binance's response does not say. */
  assets: Record<string, SymbolAssets>
  /** Binance symbols whose response carried a notionalCoef ≠ 1 (already applied). */
  notionalCoef: Record<string, string>
}

export function parseBracketFile(text: string): ParseResult<BracketImport> {
  const doc = readJson(text)
  if (!doc.ok) return doc
  return parseBracketValue(doc.value)
}

/** Which bracket format a decoded document looks like, or null when it is neither. */
export function detectBracketFormat(value: unknown): BracketFormat | null {
  const looksBinance = (v: unknown): boolean => isObject(v) && 'symbol' in v && Array.isArray(v.brackets)
  if (looksBinance(value)) return 'binance-leverageBracket'
  // One well-formed item is enough to know the format; the others then get pointed problems.
  if (Array.isArray(value) && value.some(looksBinance)) return 'binance-leverageBracket'
  if (isObject(value)) {
    const entries = Object.values(value)
    const tierLike = (t: unknown): boolean => isObject(t) && (isObject(t.info) || 'maintenanceMarginRate' in t || 'maxNotional' in t)
    if (entries.length > 0 && entries.every((e) => Array.isArray(e) && e.length > 0 && e.every(tierLike))) {
      return 'ccxt-fetchLeverageTiers'
    }
  }
  return null
}

export function parseBracketValue(doc: JsonDoc): ParseResult<BracketImport> {
  const format = detectBracketFormat(doc.value)
  if (format === 'binance-leverageBracket') return parseBinance(doc)
  if (format === 'ccxt-fetchLeverageTiers') return parseCcxt(doc)
  return fail(
    '(file)',
    'not a bracket table: expected Binance GET /fapi/v1/leverageBracket (one {symbol, brackets:[…]} or an array of them) or ccxt fetchLeverageTiers JSON ({"BTC/USDT:USDT": [tiers with info]})'
  )
}

/** ccxt symbol → Binance id: BTC/USDT:USDT → BTCUSDT; BTC/USDT:USDT-260327 → BTCUSDT_260327. */
export function ccxtSymbolToId(symbol: string): ({ id: string } & SymbolAssets) | null {
  const m = /^([^/:]+)\/([^/:]+):([^/:-]+)(?:-([0-9]{6}))?$/.exec(symbol)
  if (!m) return null
  const [, base, quote, settle, expiry] = m
  return { id: `${base}${quote}${expiry ? `_${expiry}` : ''}`, baseAsset: base!, marginAsset: settle! }
}

function parseBinance(doc: JsonDoc): ParseResult<BracketImport> {
  const r = new FieldReader(doc.numbers)
  const out: BracketImport = { format: 'binance-leverageBracket', brackets: {}, assets: {}, notionalCoef: {} }
  const items = Array.isArray(doc.value) ? doc.value.map((v, i) => ({ v: v as Obj, path: joinPath('', i) })) : [{ v: doc.value as Obj, path: '' }]
  for (const { v, path } of items) {
    if (!isObject(v) || !Array.isArray(v.brackets)) {
      r.problem(path || '(file)', `expected {symbol, brackets:[…]}, got ${isObject(v) ? 'an object without a brackets array' : r.describe(v, path)}`)
      continue
    }
    const symbol = r.string(v, 'symbol', path)
    if (symbol === undefined) continue
    // notionalCoef (per-user) multiplies floors and caps. Binance publishes cum for coef 1, so we
    // scale cum by the same factor: cumₙ = Σ floorₖ·ΔMMRₖ is linear in the floors, so the scaled
    // table satisfies the recurrence exactly and MM stays continuous at the scaled floors. The
    // recurrence is then checked on the scaled table like any other.
    let coef: Decimal | null = null
    if (v.notionalCoef !== undefined && v.notionalCoef !== null) {
      const c = r.decimalValue(v.notionalCoef, joinPath(path, 'notionalCoef'), { sign: 'positive' })
      if (c !== undefined && !new Decimal(c).eq(1)) {
        coef = new Decimal(c)
        out.notionalCoef[symbol] = c
      }
    }
    const rows = (v.brackets as unknown[]).map((b, i) => ({ row: b, path: joinPath(joinPath(path, 'brackets'), i) }))
    addTable(r, out, symbol, joinPath(path, 'brackets'), rows, coef, '')
  }
  return r.result(out)
}

function parseCcxt(doc: JsonDoc): ParseResult<BracketImport> {
  const r = new FieldReader(doc.numbers)
  const out: BracketImport = { format: 'ccxt-fetchLeverageTiers', brackets: {}, assets: {}, notionalCoef: {} }
  for (const [key, tiers] of Object.entries(doc.value as Obj)) {
    const path = joinPath('', key)
    const parsed = ccxtSymbolToId(key)
    if (!parsed) {
      r.problem(path, `expected a ccxt symbol like "BTC/USDT:USDT" or "BTC/USDT:USDT-260327", got ${JSON.stringify(key)}`)
      continue
    }
    const rows: { row: unknown; path: string }[] = []
    ;(tiers as unknown[]).forEach((t, i) => {
      const at = joinPath(path, i)
      // The unified fields are floats without cum; Binance's raw row under `info` is the source.
      if (!isObject(t) || !isObject(t.info)) r.problem(joinPath(at, 'info'), `tier ${i + 1} of ${key} has no info (Binance's raw bracket row); ccxt's unified fields carry no cum`)
      else rows.push({ row: t.info, path: joinPath(at, 'info') })
    })
    if (rows.length !== (tiers as unknown[]).length) continue
    if (Object.prototype.hasOwnProperty.call(out.brackets, parsed.id)) {
      r.problem(path, `${key} names symbol ${parsed.id}, which an earlier key already gave`)
      continue
    }
    out.assets[parsed.id] = { baseAsset: parsed.baseAsset, marginAsset: parsed.marginAsset }
    addTable(r, out, parsed.id, path, rows, null, '.info')
  }
  return r.result(out)
}

/**
 * Reads one symbol's rows, checks they are in bracket order, then the shared table validation.
 * `infoSegment` maps the validator's paths (`table[n].cum`) onto the real ones (`table[n].info.cum`).
 */
function addTable(
  r: FieldReader,
  out: BracketImport,
  symbol: string,
  tablePath: string,
  rows: { row: unknown; path: string }[],
  coef: Decimal | null,
  infoSegment: string
): void {
  if (Object.prototype.hasOwnProperty.call(out.brackets, symbol)) {
    r.problem(tablePath, `symbol ${symbol} appears twice`)
    return
  }
  const before = r.problems.length
  const table: (BracketRow & { bracket?: number })[] = []
  for (const { row, path } of rows) {
    if (!isObject(row)) {
      r.problem(path, `expected a bracket object, got ${r.describe(row, path)}`)
      continue
    }
    const floor = r.decimal(row, 'notionalFloor', path, { sign: 'non-negative' })
    const cap = r.decimal(row, 'notionalCap', path, { sign: 'positive' })
    const mmr = r.decimal(row, 'maintMarginRatio', path)
    const cum = r.decimal(row, 'cum', path, { sign: 'non-negative' })
    const lev = r.integer(row, 'initialLeverage', path, 1)
    const bracket = row.bracket === undefined ? undefined : r.integer(row, 'bracket', path, 1)
    if (floor === undefined || cap === undefined || mmr === undefined || cum === undefined || lev === undefined) continue
    const scale = (s: string): string => (coef ? str(new Decimal(s).times(coef)) : s)
    table.push({ notionalFloor: scale(floor), notionalCap: scale(cap), maintMarginRatio: mmr, cum: scale(cum), initialLeverage: lev, bracket })
  }
  if (r.problems.length > before) return
  if (table.length === 0) {
    r.problem(tablePath, `${symbol} has no brackets`)
    return
  }
  // Sorted: bracket numbers 1, 2, 3… in order (when given) and floors strictly rising. An unsorted
  // table is refused rather than reordered: a file in the wrong order is likely damaged.
  for (let i = 1; i < table.length; i++) {
    const prev = table[i - 1]!
    const cur = table[i]!
    if (!new Decimal(cur.notionalFloor).gt(prev.notionalFloor) || (cur.bracket !== undefined && prev.bracket !== undefined && cur.bracket <= prev.bracket)) {
      r.problem(
        rows[i]!.path,
        `brackets of ${symbol} are not sorted: bracket ${cur.bracket ?? i + 1} (floor ${cur.notionalFloor}) comes after bracket ${prev.bracket ?? i} (floor ${prev.notionalFloor})`
      )
      return
    }
  }
  table.forEach((row, i) => {
    if (row.bracket !== undefined && row.bracket !== i + 1) {
      r.problem(joinPath(rows[i]!.path, 'bracket'), `bracket ${i + 1} of ${symbol} is numbered ${row.bracket}`)
    }
  })
  const clean: BracketRow[] = table.map(({ bracket: _b, ...row }) => row)
  const problems: Problem[] = validateBracketTable(clean, tablePath, symbol).map((p) => ({
    ...p,
    path: infoSegment ? p.path.replace(/^(.*\[\d+\])\./, `$1${infoSegment}.`) : p.path
  }))
  for (const p of problems) r.problems.push(p)
  if (r.problems.length === before) out.brackets[symbol] = clean
}
