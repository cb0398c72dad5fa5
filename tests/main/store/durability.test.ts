import { spawn } from 'node:child_process'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { Library } from '../../../src/main/store'
import { FIXTURES, fixtureScenario, tempDb } from './helpers'

const ROOT = join(import.meta.dirname, '../../..')

describe('durability', () => {
  it('two connections at once (WAL): a reader sees committed saves and is not blocked by a writer', () => {
    const path = tempDb()
    const a = Library.open(path)
    const b = Library.open(path)
    const p = a.portfolios.create({ scenario: fixtureScenario() })
    expect(b.portfolios.get(p.id).revision).toBe(1)
    // b reads while a holds an open write transaction.
    a.db.exec('BEGIN IMMEDIATE')
    a.db.prepare('UPDATE portfolios SET name = ? WHERE id = ?').run('uncommitted', p.id)
    expect(b.portfolios.get(p.id).name).toBe('BTC long, ETH collateral')
    a.db.exec('COMMIT')
    expect(b.portfolios.get(p.id).name).toBe('uncommitted')
    // Both can write in turn.
    b.portfolios.rename(p.id, 'from b')
    expect(a.portfolios.get(p.id)).toMatchObject({ name: 'from b', revision: 2 })
    a.close()
    b.close()
  })

  it('a process killed with SIGKILL mid-stream leaves an intact file holding every acknowledged save', async () => {
    const path = tempDb()
    const child = spawn(process.execPath, ['--import', 'tsx', join(FIXTURES, 'save-stream.ts'), path, join(FIXTURES, 'basic.mpscenario.json')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    const acknowledged = await new Promise<string[]>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString()
        const lines = out.split('\n').filter((l) => l !== '')
        if (lines.length >= 60 && !child.killed) {
          child.kill('SIGKILL')
          resolve(out.split('\n').slice(0, -1)) // only complete lines were acknowledged
        }
      })
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`child exited early (${code}): ${err}`))
      })
    })
    await new Promise((r) => child.on('close', r))
    const last = acknowledged[acknowledged.length - 1]!.split(' ')
    const [id, revision, mark] = [Number(last[0]), Number(last[1]), last[2]]

    const raw = new Database(path)
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    raw.close()
    const lib = Library.open(path)
    const p = lib.portfolios.get(id)
    // Every acknowledged save is there (a save after the last line may have committed too).
    expect(p.revision).toBeGreaterThanOrEqual(revision)
    for (const line of acknowledged.slice(1)) {
      const [, rev, m] = line.split(' ')
      expect(lib.portfolios.revision(id, Number(rev)).scenario.market.symbols.BTCUSDT!.markPrice).toBe(m)
    }
    if (p.revision === revision) expect(p.scenario.market.symbols.BTCUSDT!.markPrice).toBe(mark)
    // The library is still writable after the crash.
    expect(lib.portfolios.rename(id, 'after the crash').revision).toBe(p.revision + 1)
    lib.close()
  })
})
