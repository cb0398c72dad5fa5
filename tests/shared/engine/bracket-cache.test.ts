// The bracket rows read once (issue 10) must never serve a stale reading: a row changed in place
// is read again, and equal rows in distinct objects read alike.
import { describe, expect, it } from 'vitest'
import { bracketsOf } from '../../../src/shared/engine/bracket-cache'
import type { BracketRow } from '../../../src/shared/scenario'

const row = (): BracketRow => ({ notionalFloor: '0', notionalCap: '50000', maintMarginRatio: '0.004', cum: '0', initialLeverage: 125 })

describe('bracket rows read once', () => {
  it('reads a row into Decimals and serves the same reading while the row is unchanged', () => {
    const rows = [row()]
    const first = bracketsOf(rows)
    expect(first[0]!.mmr.toString()).toBe('0.004')
    expect(bracketsOf(rows)[0]).toBe(first[0])
  })

  it('reads a row again when any of its fields was edited in place', () => {
    const rows = [row()]
    bracketsOf(rows)
    rows[0]!.maintMarginRatio = '0.005'
    expect(bracketsOf(rows)[0]!.mmr.toString()).toBe('0.005')
    rows[0]!.cum = '12.5'
    expect(bracketsOf(rows)[0]!.cum.toString()).toBe('12.5')
    rows[0]!.notionalCap = '60000'
    expect(bracketsOf(rows)[0]!.cap.toString()).toBe('60000')
    rows[0]!.notionalFloor = '1'
    expect(bracketsOf(rows)[0]!.floor.toString()).toBe('1')
    rows[0]!.initialLeverage = 100
    expect(bracketsOf(rows)[0]!.initialLeverage).toBe(100)
  })

  it('serves the same table while its rows are unchanged, and a new one when a row is edited, added or removed', () => {
    const rows = [row(), { ...row(), notionalFloor: '50000', notionalCap: '250000', maintMarginRatio: '0.005', cum: '50' }]
    const first = bracketsOf(rows)
    expect(bracketsOf(rows)).toBe(first)
    rows[1]!.cum = '51'
    const edited = bracketsOf(rows)
    expect(edited).not.toBe(first)
    expect(edited[1]!.cum.toString()).toBe('51')
    expect(bracketsOf(rows)).toBe(edited)
    rows.push({ ...row(), notionalFloor: '250000', notionalCap: '1000000', maintMarginRatio: '0.01', cum: '1300' })
    expect(bracketsOf(rows)).toHaveLength(3)
    rows.splice(1, 2)
    expect(bracketsOf(rows)).toHaveLength(1)
    expect(bracketsOf(rows)[0]).toBe(first[0])
  })

  it('reads equal rows in distinct objects to equal brackets', () => {
    expect(JSON.stringify(bracketsOf([row()]))).toBe(JSON.stringify(bracketsOf([row()])))
  })
})
