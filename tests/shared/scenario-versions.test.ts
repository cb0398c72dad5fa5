// The version framework (scenario-format.md: "change it only by adding a version 2 with an
// upgrade from 1"), exercised with a fake version 2 that adds a field.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { parseScenario, parseScenarioWith, SCENARIO_VERSIONS, type ScenarioVersion } from '../../src/shared/scenario'
import { scenarioV1Schema } from '../../src/shared/scenario/schema-v1'
import type { Problem, Scenario } from '../../src/shared/scenario/types'

const v1Text = readFileSync(join(import.meta.dirname, '../fixtures/store/basic.mpscenario.json'), 'utf8')
const v1 = JSON.parse(v1Text) as Scenario

// Fake v2: a required `account.baseCurrency`; v1 files upgrade to "USD".
const v2Schema = scenarioV1Schema.extend({
  version: z.literal(2),
  account: scenarioV1Schema.shape.account.extend({ baseCurrency: z.enum(['USD', 'EUR']) })
})
type V2 = z.infer<typeof v2Schema>

const upgraded: unknown[] = []
const v1Entry = SCENARIO_VERSIONS[0]!
const chain: ScenarioVersion[] = [
  {
    ...v1Entry,
    upgrade: ((s: Scenario): V2 => {
      upgraded.push(s.name)
      return { ...s, version: 2, account: { ...s.account, baseCurrency: 'USD' } }
    }) as (v: never) => unknown
  },
  {
    version: 2,
    schema: v2Schema,
    // v2's own cross-field checks: v1's, plus one about the new field.
    check: ((s: V2): Problem[] => [
      ...v1Entry.check({ ...s, version: 1 } as never),
      ...(s.account.baseCurrency === 'EUR' && s.account.balances.some((b) => b.asset === 'USDT') ? [{ path: 'account.baseCurrency', message: 'fake rule: EUR accounts hold no USDT' }] : [])
    ]) as (v: never) => Problem[]
  }
]

describe('scenario version chain (fake v2)', () => {
  it('upgrades a valid v1 file to v2, adding the field', () => {
    upgraded.length = 0
    const r = parseScenarioWith(chain, v1Text)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toEqual({ ...v1, version: 2, account: { ...v1.account, baseCurrency: 'USD' } })
    expect(upgraded).toEqual([v1.name])
  })

  it('reads a v2 file as it is', () => {
    const text = JSON.stringify({ ...v1, version: 2, account: { ...v1.account, baseCurrency: 'USD' } })
    const r = parseScenarioWith(chain, text)
    expect(r).toEqual({ ok: true, value: { ...v1, version: 2, account: { ...v1.account, baseCurrency: 'USD' } } })
  })

  it('refuses a v2 file without the new field, or failing v2 checks, by path', () => {
    const missing = parseScenarioWith(chain, JSON.stringify({ ...v1, version: 2 }))
    expect(missing).toEqual({ ok: false, problems: [{ path: 'account.baseCurrency', message: 'required' }] })
    const eur = parseScenarioWith(chain, JSON.stringify({ ...v1, version: 2, account: { ...v1.account, baseCurrency: 'EUR' } }))
    expect(eur).toEqual({ ok: false, problems: [{ path: 'account.baseCurrency', message: 'fake rule: EUR accounts hold no USDT' }] })
  })

  it('an invalid v1 file is refused by v1 rules and never upgraded', () => {
    upgraded.length = 0
    const bad = v1Text.replace('"cum": "300"', '"cum": "299"').replace('"entryPrice": "60000"', '"entryPrice": 60000')
    const shape = parseScenarioWith(chain, bad)
    expect(shape.ok).toBe(false)
    if (!shape.ok) expect(shape.problems.map((p) => p.path)).toEqual(['account.positions[0].entryPrice'])
    const semantic = parseScenarioWith(chain, v1Text.replace('"cum": "300"', '"cum": "299"'))
    expect(semantic.ok).toBe(false)
    if (!semantic.ok) expect(semantic.problems.map((p) => p.path)).toEqual(['market.symbols.BTCUSDT.brackets[1].cum'])
    // A v1 file may not carry v2's field.
    const early = parseScenarioWith(chain, JSON.stringify({ ...v1, account: { ...v1.account, baseCurrency: 'USD' } }))
    expect(early).toEqual({ ok: false, problems: [{ path: 'account.baseCurrency', message: expect.stringContaining('unknown key') }] })
    expect(upgraded).toEqual([])
  })

  it('a version above the newest is refused naming both versions', () => {
    const r = parseScenarioWith(chain, JSON.stringify({ ...v1, version: 3 }))
    expect(r).toEqual({ ok: false, problems: [{ path: 'version', message: expect.stringMatching(/version 3.*up to 2/) }] })
    // And today's program, which knows versions 1 and 2, refuses a version 3 file the same way.
    const today = parseScenario(JSON.stringify({ ...v1, version: 3 }))
    expect(today).toEqual({ ok: false, problems: [{ path: 'version', message: expect.stringMatching(/version 3.*up to 2/) }] })
  })
})
