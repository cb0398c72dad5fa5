// Positions typed or exported into a spreadsheet: a CSV with a header row (RFC 4180 quoting, CRLF
// or LF, optional UTF-8 BOM). Rows are numbered as records with the header as row 1, so "row 3"
// is the second position. Nothing is returned unless every row is valid.
import { DECIMAL_PATTERN, Decimal, str } from '../decimal'
import type { ParseResult, Position, Problem } from '../scenario/types'
import { escapeRefusal } from '../text/escape-control'

export const POSITION_CSV_COLUMNS = ['symbol', 'side', 'quantity', 'entryPrice', 'leverage', 'marginType', 'isolatedWallet'] as const
type Column = (typeof POSITION_CSV_COLUMNS)[number]

/** The template offered by "Save CSV template": the header and one example row. */
export function positionsCsvTemplate(): string {
  return `${POSITION_CSV_COLUMNS.join(',')}\r\nBTCUSDT,long,0.5,60000,20,cross,\r\n`
}

/** RFC 4180 records. A quote inside an unquoted field, or an unclosed quote, is a problem. */
export function parseCsvRecords(text: string): ParseResult<{ row: number; fields: string[] }[]> {
  return escapeRefusal(readCsvRecords(text))
}

function readCsvRecords(text: string): ParseResult<{ row: number; fields: string[] }[]> {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const records: { row: number; fields: string[] }[] = []
  let fields: string[] = []
  let field = ''
  let i = 0
  let row = 1
  let quotedField = false
  const endRecord = (): void => {
    fields.push(field)
    // A blank line (one empty unquoted field) is no record: spreadsheets leave them at the end.
    // Blank lines still count, so row numbers match what a spreadsheet shows.
    if (!(fields.length === 1 && fields[0] === '' && !quotedField)) records.push({ row, fields })
    row++
    fields = []
    field = ''
    quotedField = false
  }
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '"') {
      if (field !== '' || quotedField) return csvFail(row, fields.length, 'a quote inside an unquoted field (quote the whole field and double the quote: "a""b")')
      quotedField = true
      i++
      for (;;) {
        if (i >= text.length) return csvFail(row, fields.length, 'a quoted field is not closed')
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        field += text[i++]
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        return csvFail(row, fields.length, 'text after the closing quote of a field')
      }
      continue
    }
    if (ch === ',') {
      fields.push(field)
      field = ''
      quotedField = false
      i++
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endRecord()
      i += 2
    } else if (ch === '\n' || ch === '\r') {
      endRecord()
      i++
    } else {
      field += ch
      i++
    }
  }
  if (field !== '' || fields.length > 0 || quotedField) endRecord()
  return { ok: true, value: records }
}

function csvFail(row: number, fieldIndex: number, message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path: `row ${row}, field ${fieldIndex + 1}`, message }] }
}

/** The positions of a CSV; a refusal names each problem by row and column, echoed values escaped. */
export function parsePositionsCsv(text: string): ParseResult<Position[]> {
  return escapeRefusal(readPositionsCsv(text))
}

function readPositionsCsv(text: string): ParseResult<Position[]> {
  const read = parseCsvRecords(text)
  if (!read.ok) return read
  const [header, ...rows] = read.value
  if (!header) return { ok: false, problems: [{ path: 'row 1', message: `the file is empty; expected the header ${POSITION_CSV_COLUMNS.join(',')}` }] }
  const problems: Problem[] = []
  const at = new Map<Column, number>()
  header.fields.forEach((raw, i) => {
    const name = raw.trim()
    if (!(POSITION_CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push({ path: `row 1, column ${i + 1}`, message: `unknown column ${JSON.stringify(raw)}; the columns are ${POSITION_CSV_COLUMNS.join(',')}` })
    } else if (at.has(name as Column)) {
      problems.push({ path: `row 1, column ${i + 1}`, message: `column ${name} appears twice` })
    } else at.set(name as Column, i)
  })
  for (const c of POSITION_CSV_COLUMNS) {
    if (!at.has(c)) problems.push({ path: 'row 1', message: `missing column ${c}; the header must be ${POSITION_CSV_COLUMNS.join(',')}` })
  }
  if (problems.length > 0) return { ok: false, problems }
  if (rows.length === 0) return { ok: false, problems: [{ path: 'row 2', message: 'no positions below the header' }] }

  const positions: Position[] = []
  for (const { row, fields } of rows) {
    const bad = (column: string, message: string): void => {
      problems.push({ path: `row ${row}, column ${column}`, message })
    }
    if (fields.length !== header.fields.length) {
      problems.push({ path: `row ${row}`, message: `expected ${header.fields.length} fields like the header, got ${fields.length}` })
      continue
    }
    const get = (c: Column): string => fields[at.get(c)!]!.trim()
    const before = problems.length
    const decimal = (c: Column): string | undefined => {
      const v = get(c)
      if (!DECIMAL_PATTERN.test(v)) bad(c, `expected a decimal string, got ${JSON.stringify(v)}`)
      else if (!new Decimal(v).gt(0)) bad(c, `must be greater than 0, got ${JSON.stringify(v)}`)
      else return str(new Decimal(v))
      return undefined
    }
    const symbol = get('symbol')
    // Any Binance id (BTCUSDT, BTCUSDT_260327, and the few non-ASCII ones): no spaces, not empty.
    if (!/^\S+$/u.test(symbol)) bad('symbol', `expected a Binance symbol like BTCUSDT, got ${JSON.stringify(symbol)}`)
    const side = get('side').toLowerCase()
    if (side !== 'long' && side !== 'short') bad('side', `expected long or short, got ${JSON.stringify(get('side'))}`)
    const quantity = decimal('quantity')
    const entryPrice = decimal('entryPrice')
    const levText = get('leverage')
    const leverage = /^[1-9][0-9]{0,3}$/.test(levText) ? Number(levText) : undefined
    if (leverage === undefined) bad('leverage', `expected a whole number from 1, got ${JSON.stringify(levText)}`)
    const marginType = get('marginType').toLowerCase()
    let isolatedWallet: string | undefined
    if (marginType === 'isolated') {
      if (get('isolatedWallet') === '') bad('isolatedWallet', 'required for an isolated position (its isolated wallet, in the margin asset)')
      else isolatedWallet = decimal('isolatedWallet')
    }
    else if (marginType === 'cross') {
      if (get('isolatedWallet') !== '') bad('isolatedWallet', `must be empty for a cross position, got ${JSON.stringify(get('isolatedWallet'))}`)
    } else bad('marginType', `expected cross or isolated, got ${JSON.stringify(get('marginType'))}`)
    if (problems.length > before) continue
    const p: Position = { symbol, side: side as Position['side'], quantity: quantity!, entryPrice: entryPrice!, leverage: leverage!, marginType: marginType as Position['marginType'] }
    if (isolatedWallet !== undefined) p.isolatedWallet = isolatedWallet
    positions.push(p)
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: positions }
}
