// `margin-planner positions …` through the real process (node --import tsx src/main/cli.ts):
// the template, a dry run and an import as a new revision; then a refused CSV that exits 2 with
// each row and column on stderr, nothing on stdout, and the library byte-identical.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from './cli-library-helpers'
import { FIXTURES, tempDir } from './store/helpers'

const BASIC = join(FIXTURES, 'basic.mpscenario.json')
const HEADER = 'symbol,side,quantity,entryPrice,leverage,marginType,isolatedWallet'

describe('positions CLI (real process)', () => {
  it('template, dry run, import as a new revision, append', async () => {
    const dir = tempDir()
    const db = join(dir, 'lib.sqlite')
    expect((await cli(['library', 'import', BASIC, '--db', db])).stdout).toBe('1\n')

    const template = await cli(['positions', 'template'])
    expect(template.code).toBe(0)
    expect(template.stdout).toBe(`${HEADER}\r\nBTCUSDT,long,0.5,60000,20,cross,\r\n`)
    const csv = join(dir, 'positions.csv')
    writeFileSync(csv, template.stdout)

    const dry = await cli(['positions', 'import', '1', csv, '--dry-run', '--db', db])
    expect(dry).toEqual({
      code: 0,
      stdout:
        `would replace the positions of portfolio 1 with 1 from ${csv}: 1 positions (0 added, 1 changed, 1 removed, 0 unchanged)\n` +
        '  ~ BTCUSDT long 0.8 @ 60000 20x cross  ->  BTCUSDT long 0.5 @ 60000 20x cross\n' +
        '  - ETHUSDT short 5 @ 3000 10x isolated (isolated wallet 1500)\n',
      stderr: ''
    })
    expect(JSON.parse((await cli(['library', 'revisions', '1', '--json', '--db', db])).stdout)).toHaveLength(1)

    const done = await cli(['positions', 'import', '1', csv, '--json', '--db', db])
    expect(done.code).toBe(0)
    expect(JSON.parse(done.stdout)).toMatchObject({ id: 1, revision: 2, preview: { mode: 'replace', rows: 1, unchanged: 0 } })
    const shown = JSON.parse((await cli(['library', 'show', '1', '--db', db])).stdout)
    expect(shown.account.positions).toEqual([{ symbol: 'BTCUSDT', side: 'long', quantity: '0.5', entryPrice: '60000', leverage: 20, marginType: 'cross' }])

    const eth = join(dir, 'eth.csv')
    writeFileSync(eth, `${HEADER}\nETHUSDT,short,2,3000,10,cross,\n`)
    const appended = await cli(['positions', 'import', '1', eth, '--append', '--db', db])
    expect(appended).toEqual({ code: 0, stdout: 'portfolio 1 revision 3: 2 positions (1 added, 0 changed, 0 removed, 1 unchanged)\n  + ETHUSDT short 2 @ 3000 10x cross\n', stderr: '' })
  })

  it('a bad CSV exits 2 with row and column on stderr, nothing on stdout, the library unchanged', async () => {
    const dir = tempDir()
    const db = join(dir, 'lib.sqlite')
    await cli(['library', 'import', BASIC, '--db', db])
    const snapshot = () => Promise.all([cli(['library', 'show', '1', '--db', db]), cli(['library', 'revisions', '1', '--json', '--db', db])])
    const before = await snapshot()

    const syntax = join(dir, 'syntax.csv')
    writeFileSync(syntax, `${HEADER}\nBTCUSDT,long,0.5,6.4e4,20,cross,\nETHUSDT,sideways,1,3000,10,cross,\n`)
    expect(await cli(['positions', 'import', '1', syntax, '--db', db])).toEqual({
      code: 2,
      stdout: '',
      stderr: `${syntax}: row 2, column entryPrice: expected a decimal string, got "6.4e4"\n${syntax}: row 3, column side: expected long or short, got "sideways"\n`
    })

    const semantic = join(dir, 'semantic.csv')
    writeFileSync(semantic, `${HEADER}\nBTCUSDT,long,0.5,60000,200,cross,\nDOGEUSDT,long,100,0.1,5,cross,\n`)
    const refused = await cli(['positions', 'import', '1', semantic, '--append', '--db', db])
    expect(refused.code).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr.trimEnd().split('\n')).toEqual([
      `${semantic}: row 2, column symbol: one-way mode holds one position per symbol; BTCUSDT is already at existing position 1 (account.positions[0])`,
      `${semantic}: row 2, column leverage: BTCUSDT allows at most 150x, got 200x`,
      `${semantic}: row 3, column symbol: unknown symbol "DOGEUSDT": every position's symbol must be in market.symbols`
    ])

    const unknown = await cli(['positions', 'import', '9', semantic, '--db', db])
    expect(unknown).toMatchObject({ code: 2, stdout: '' })
    expect(unknown.stderr).toContain('no portfolio 9')
    expect(await snapshot()).toEqual(before)
  })
})
