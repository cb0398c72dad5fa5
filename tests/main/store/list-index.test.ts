// Issue 10: listing and searching a 10,000-portfolio library must not read every stored
// scenario. The list's own SQL (captured as Portfolios.list prepares it) is answered from the
// covering index of migration 004, never from the rows that hold the scenarios.
import { describe, expect, it } from 'vitest'
import { Library } from '../../../src/main/store'
import { fixtureScenario, tempDb } from './helpers'

describe('the library list reads the covering index, not the scenarios', () => {
  it('list, search by text, by tag and by symbol all scan portfolios_list', () => {
    const lib = Library.open(tempDb())
    lib.portfolios.create({ scenario: fixtureScenario(), tags: ['hedge'] })
    const db = lib.db
    const prepare = db.prepare.bind(db)
    const seen: string[] = []
    db.prepare = ((sql: string) => {
      seen.push(sql)
      return prepare(sql)
    }) as typeof db.prepare
    const queries: [() => unknown, Record<string, string>][] = [
      [() => lib.portfolios.list(), {}],
      [() => lib.portfolios.list({ text: 'BTC' }), { text: 'BTC', like: '%BTC%' }],
      [() => lib.portfolios.list({ tag: 'hedge' }), { tag: 'hedge' }],
      [() => lib.portfolios.list({ symbol: 'BTCUSDT', trash: true }), { symbol: 'BTCUSDT' }]
    ]
    for (const [run, params] of queries) {
      seen.length = 0
      run()
      const sql = seen.find((s) => /FROM portfolios p/.test(s))
      expect(sql).toBeDefined()
      const plan = (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail)
      expect(plan).toContain('SCAN p USING COVERING INDEX portfolios_list')
    }
    db.prepare = prepare
    lib.close()
  })
})
