// First launch: the bundled examples join a real library file once, all or none.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Library, readExampleFiles, seedExamplesOnce } from '../../../src/main/store'
import { ROOT } from '../../helpers/scenarios'

const dir = mkdtempSync(join(tmpdir(), 'mp-seed-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const examples = readExampleFiles(join(ROOT, 'resources/examples'))

describe('seedExamplesOnce', () => {
  it('imports every bundled example once, tagged "example", and never again after they are deleted', () => {
    expect(examples.map((e) => e.fileName)).toContain('btc-eth-collateral.mpscenario.json')
    const path = join(dir, 'first.sqlite')
    const lib = Library.open(path)
    expect(seedExamplesOnce(lib, examples)).toBe(examples.length)
    const listed = lib.portfolios.list()
    expect(listed).toHaveLength(examples.length)
    expect(listed.every((p) => p.tags.includes('example'))).toBe(true)
    for (const p of listed) lib.portfolios.delete(p.id)
    lib.close()
    const again = Library.open(path)
    expect(seedExamplesOnce(again, examples)).toBe(0)
    expect(again.portfolios.list()).toHaveLength(0)
    again.close()
  })

  it('a bad example file seeds nothing at all', () => {
    const lib = Library.open(join(dir, 'bad.sqlite'))
    expect(() => seedExamplesOnce(lib, [...examples, { fileName: 'broken.mpscenario.json', text: '{' }])).toThrow()
    expect(lib.portfolios.list()).toHaveLength(0)
    expect(seedExamplesOnce(lib, examples)).toBe(examples.length)
    lib.close()
  })
})
