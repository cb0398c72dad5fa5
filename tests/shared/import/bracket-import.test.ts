import { describe, expect, it } from 'vitest'
import { ccxtSymbolToId, parseBracketFile } from '../../../src/shared/import/bracket-import'
import { fixture } from './helpers'
import { realTiersText } from '../../helpers/real-tiers'

function problemsOf(text: string) {
  const r = parseBracketFile(text)
  if (r.ok) throw new Error('expected problems')
  return r.problems
}

describe('ccxt symbol ids', () => {
  it('joins base and quote, keeps the quarterly expiry', () => {
    expect(ccxtSymbolToId('BTC/USDT:USDT')).toEqual({ id: 'BTCUSDT', baseAsset: 'BTC', marginAsset: 'USDT' })
    expect(ccxtSymbolToId('BTC/USDT:USDT-260327')).toEqual({ id: 'BTCUSDT_260327', baseAsset: 'BTC', marginAsset: 'USDT' })
    expect(ccxtSymbolToId('ETH/BTC:BTC')).toEqual({ id: 'ETHBTC', baseAsset: 'ETH', marginAsset: 'BTC' })
    expect(ccxtSymbolToId('BTCUSDT')).toBeNull()
  })
})

describe('the real 2026-03-05 table (ccxt layout)', () => {
  const r = parseBracketFile(realTiersText())
  it('accepts all 687 symbols and 5,835 brackets exactly', () => {
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 5)))
    expect(r.value.format).toBe('ccxt-fetchLeverageTiers')
    const symbols = Object.keys(r.value.brackets)
    expect(symbols).toHaveLength(687)
    expect(symbols.reduce((n, s) => n + r.value.brackets[s]!.length, 0)).toBe(5835)
    const byMargin: Record<string, number> = {}
    for (const s of symbols) byMargin[r.value.assets[s]!.marginAsset] = (byMargin[r.value.assets[s]!.marginAsset] ?? 0) + 1
    expect(byMargin).toEqual({ USDT: 648, USDC: 38, BTC: 1 })
  })
  it('keeps every number exactly as written, as decimal strings', () => {
    if (!r.ok) throw new Error('refused')
    expect(r.value.assets.ETHBTC).toEqual({ baseAsset: 'ETH', marginAsset: 'BTC' })
    expect(r.value.brackets.BTCUSDT_260327).toBeDefined()
    const last = r.value.brackets.BTCSTUSDT!.at(-1)!
    expect(last).toEqual({ notionalFloor: '1000000', notionalCap: '9223372036854775807', maintMarginRatio: '0.5', cum: '386950', initialLeverage: 1 })
    for (const rows of Object.values(r.value.brackets)) {
      for (const row of rows) {
        for (const v of [row.notionalFloor, row.notionalCap, row.maintMarginRatio, row.cum]) expect(v).toMatch(/^(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/)
      }
    }
  })
})

describe('Binance leverageBracket responses', () => {
  it('reads an array with numbers, strings and exponent-form numbers, and applies notionalCoef', () => {
    const r = parseBracketFile(fixture('leverage-bracket-binance.json'))
    if (!r.ok) throw new Error(JSON.stringify(r.problems))
    expect(r.value.format).toBe('binance-leverageBracket')
    expect(r.value.assets).toEqual({})
    // notionalCoef 1.5 scales floors, caps and cum; MMR and leverage are untouched.
    expect(r.value.notionalCoef).toEqual({ ETHUSDT: '1.5' })
    expect(r.value.brackets.ETHUSDT).toEqual([
      { notionalFloor: '0', notionalCap: '15000', maintMarginRatio: '0.0065', cum: '0', initialLeverage: 75 },
      { notionalFloor: '15000', notionalCap: '75000', maintMarginRatio: '0.01', cum: '52.5', initialLeverage: 50 },
      { notionalFloor: '75000', notionalCap: '375000', maintMarginRatio: '0.02', cum: '802.5', initialLeverage: 25 }
    ])
    expect(r.value.brackets.BTCUSDT![2]).toEqual({ notionalFloor: '250000', notionalCap: '9223372036854775807', maintMarginRatio: '0.01', cum: '1300', initialLeverage: 50 })
    expect(r.value.brackets.TINYUSDT).toEqual([
      { notionalFloor: '0', notionalCap: '5000', maintMarginRatio: '0.0125', cum: '0', initialLeverage: 20 },
      { notionalFloor: '5000', notionalCap: '25000', maintMarginRatio: '0.025', cum: '62.5', initialLeverage: 10 }
    ])
  })

  it('reads a single-symbol response (one object)', () => {
    const r = parseBracketFile(fixture('leverage-bracket-single.json'))
    expect(r.ok && Object.keys(r.value.brackets)).toEqual(['SOLUSDT'])
  })

  it('refuses a gap between brackets, naming symbol and bracket', () => {
    const p = problemsOf(fixture('bad-bracket-gap.json'))
    expect(p[0]).toEqual({ path: '[0].brackets[1].notionalFloor', message: expect.stringContaining('bracket 2 of GAPUSDT must start where bracket 1 ends (5000), got 6000') })
  })

  it('refuses a cum off the recurrence, with the expected value', () => {
    const p = problemsOf(fixture('bad-bracket-cum.json'))
    expect(p).toEqual([{ path: '[0].brackets[1].cum', message: expect.stringMatching(/^bracket 2 of CUMUSDT: cum must be 75 by the recurrence .* got 75\.01$/) }])
  })

  it('refuses an unsorted table rather than reordering it', () => {
    const p = problemsOf(fixture('bad-bracket-unsorted.json'))
    expect(p).toEqual([{ path: '[0].brackets[1]', message: 'brackets of SORTUSDT are not sorted: bracket 1 (floor 0) comes after bracket 2 (floor 5000)' }])
  })

  it('refuses a missing field by its path', () => {
    const p = problemsOf(fixture('bad-bracket-missing.json'))
    expect(p).toEqual([{ path: '[0].brackets[0].maintMarginRatio', message: 'missing field maintMarginRatio' }])
  })

  it('refuses a non-decimal string and a fractional leverage', () => {
    const text = JSON.stringify([{ symbol: 'XUSDT', brackets: [{ bracket: 1, initialLeverage: 7.5, notionalCap: '1e4', notionalFloor: '0', maintMarginRatio: '0.01', cum: '0' }] }])
    const p = problemsOf(text)
    expect(p).toEqual([
      { path: '[0].brackets[0].notionalCap', message: 'expected a decimal (number or string), got "1e4"' },
      { path: '[0].brackets[0].initialLeverage', message: 'expected an integer, got 7.5' }
    ])
  })

  it('points at a malformed item of an otherwise Binance array', () => {
    const good = JSON.parse(fixture('leverage-bracket-single.json'))
    expect(problemsOf(JSON.stringify([good, { symbol: 'X' }, 3]))).toEqual([
      { path: '[1]', message: 'expected {symbol, brackets:[…]}, got an object without a brackets array' },
      { path: '[2]', message: 'expected {symbol, brackets:[…]}, got 3' }
    ])
  })

  it('refuses the whole file when one symbol is bad (all-or-nothing)', () => {
    const good = JSON.parse(fixture('leverage-bracket-single.json'))
    const bad = JSON.parse(fixture('bad-bracket-cum.json'))[0]
    const r = parseBracketFile(JSON.stringify([good, bad]))
    expect(r.ok).toBe(false)
  })
})

describe('ccxt fetchLeverageTiers JSON', () => {
  it('reads the raw rows under info, keeps big caps exact, gives base and margin assets', () => {
    const r = parseBracketFile(fixture('leverage-tiers-ccxt.json'))
    if (!r.ok) throw new Error(JSON.stringify(r.problems))
    expect(r.value.assets).toEqual({ ETHBTC: { baseAsset: 'ETH', marginAsset: 'BTC' }, BTCUSDT_260327: { baseAsset: 'BTC', marginAsset: 'USDT' } })
    expect(r.value.brackets.ETHBTC![1]).toEqual({ notionalFloor: '10', notionalCap: '9223372036854775807', maintMarginRatio: '0.5', cum: '4.9', initialLeverage: 1 })
  })

  it('names the info path of a wrong cum', () => {
    const p = problemsOf(fixture('bad-tiers-ccxt-cum.json'))
    expect(p).toEqual([{ path: '["ETH/BTC:BTC"][1].info.cum', message: expect.stringContaining('bracket 2 of ETHBTC: cum must be 4.9') }])
  })

  it('refuses a tier without info and a key that is not a ccxt symbol', () => {
    const p = problemsOf(JSON.stringify({ 'BTC/USDT:USDT': [{ tier: 1, maxNotional: 5 }], BTCUSDT: [{ info: {} }] }))
    expect(p.map((x) => x.path)).toEqual(['["BTC/USDT:USDT"][0].info', 'BTCUSDT'])
  })
})

describe('not a bracket file', () => {
  it('says which formats it accepts', () => {
    expect(problemsOf('{"hello": 1}')[0]!.message).toMatch(/leverageBracket.*fetchLeverageTiers/)
    expect(problemsOf('[1, 2')[0]!.path).toBe('(file)')
  })
})
