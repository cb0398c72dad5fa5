// margin-planner library backup | backups | check | recover | compact | auto-compact through the
// real process, on real files damaged by overwriting pages and truncating.
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli'
import { cli } from './cli-library-helpers'
import { FIXTURES, tempDir } from './store/helpers'
import { garblePages } from './store/damage'
import { MIGRATIONS } from '../../src/main/store/migrations'

const BASIC = join(FIXTURES, 'basic.mpscenario.json')

async function inProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { out: (s) => void (stdout += s), err: (s) => void (stderr += s) })
  return { code, stdout, stderr }
}

async function libraryOf(n: number): Promise<{ dir: string; db: string }> {
  const dir = tempDir()
  const db = join(dir, 'library.sqlite')
  for (let i = 0; i < n; i++) expect((await inProcess(['library', 'import', BASIC, '--name', `p${i}`, '--db', db])).code).toBe(0)
  return { dir, db }
}

describe('library backup, backups, check, recover (real process)', () => {
  it('backs up, lists, finds the damage, recovers the newest sound backup and keeps the damaged file', async () => {
    const { dir, db } = await libraryOf(3)
    // The real process for the backup, the failing check and the recovery; the rest in-process.
    const real = (...args: string[]) => cli([...args, '--db', db])
    const run = (...args: string[]) => inProcess([...args, '--db', db])

    const backup = await real('library', 'backup', '--json')
    expect(backup.code).toBe(0)
    const made = JSON.parse(backup.stdout) as { file: string; size: number; portfolios: number }
    expect(made).toMatchObject({ portfolios: 3 })
    expect(made.file.startsWith(join(dir, 'backups', 'library-'))).toBe(true)
    expect(made.file.endsWith('.manual.sqlite')).toBe(true)

    const own = join(dir, 'mine.sqlite')
    expect(await run('library', 'backup', own)).toEqual({ code: 0, stdout: `${own}\n`, stderr: '' })
    const again = await run('library', 'backup', own)
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('the file exists already')

    const listed = await run('library', 'backups', '--json')
    expect(JSON.parse(listed.stdout)).toEqual([{ file: made.file, time: expect.any(String), kind: 'manual', size: made.size, portfolios: 3 }])
    expect((await run('library', 'backups')).stdout).toContain('3 portfolios')

    expect(await run('library', 'check')).toEqual({ code: 0, stdout: `${db}: sound (schema version ${MIGRATIONS.length}, 3 portfolios)\n`, stderr: '' })
    const nothing = await run('library', 'recover')
    expect(nothing.code).toBe(0)
    expect(nothing.stdout).toContain('is sound; nothing was changed')

    garblePages(db, 2, 3)
    const damagedBytes = readFileSync(db)
    const check = await real('library', 'check')
    expect(check.code).toBe(2)
    expect(check.stdout).toBe('')
    expect(check.stderr).toMatch(new RegExp(`^${db.replace(/[.]/g, '\\.')} is damaged:\\n  `))
    const checkJson = await run('library', 'check', '--json')
    expect(checkJson.code).toBe(2)
    expect(JSON.parse(checkJson.stdout)).toMatchObject({ sound: false, problems: [expect.any(String)] })

    const recovered = await real('library', 'recover')
    expect(recovered.code).toBe(0)
    expect(recovered.stdout).toContain(`restored ${made.file}`)
    expect(recovered.stdout).toContain(`sound (schema version ${MIGRATIONS.length}, 3 portfolios)`)
    const aside = readdirSync(dir).filter((f) => /^library\.sqlite\.damaged-\d{4}-\d{2}-\d{2}T[0-9-]+Z$/.test(f))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(dir, aside[0]!)).equals(damagedBytes)).toBe(true)
    expect((await run('library', 'check')).code).toBe(0)
    expect(JSON.parse((await run('library', 'list', '--json')).stdout)).toHaveLength(3)
  })

  it('check names what is wrong and exits 2: not SQLite, truncated, wrong schema, missing', async () => {
    const dir = tempDir()
    const notSqlite = join(dir, 'a.sqlite')
    writeFileSync(notSqlite, 'hello, I am a text file\n'.repeat(40))
    const foreign = join(dir, 'b.sqlite')
    const f = new Database(foreign)
    f.exec('CREATE TABLE notes (x)')
    f.close()
    const { db: truncated } = await libraryOf(12)
    truncateSync(truncated, Math.floor(statSync(truncated).size / 8192) * 4096)
    const cases: [string, string][] = [
      [notSqlite, 'not an SQLite database at all'],
      [foreign, 'not a Margin Planner library'],
      [truncated, 'truncated'],
      [join(dir, 'none.sqlite'), 'there is no file']
    ]
    for (const [file, says] of cases) {
      const r = await inProcess(['library', 'check', '--db', file])
      expect(r.code, file).toBe(2)
      expect(r.stderr, file).toContain(says)
      expect(r.stdout).toBe('')
    }
    expect(existsSync(join(dir, 'none.sqlite'))).toBe(false)
  })

  it('recover --from BACKUP; refuses a damaged backup and leaves the library as it was', async () => {
    const { dir, db } = await libraryOf(2)
    const good = join(dir, 'good.sqlite')
    expect((await inProcess(['library', 'backup', good, '--db', db])).code).toBe(0)
    const bad = join(dir, 'bad.sqlite')
    writeFileSync(bad, 'nope'.repeat(100))
    garblePages(db, 2, 2)
    const before = readFileSync(db)
    const refused = await inProcess(['library', 'recover', '--from', bad, '--db', db])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('is not sound; the library was left as it was')
    expect(readFileSync(db).equals(before)).toBe(true)
    const ok = await inProcess(['library', 'recover', '--from', good, '--db', db, '--json'])
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ recovered: true, restoredFrom: good, check: { sound: true, portfolios: 2 } })
  })

  it('recover with no sound backup: exit 2, nothing touched', async () => {
    const { dir, db } = await libraryOf(1)
    garblePages(db, 2, 2)
    const r = await inProcess(['library', 'recover', '--db', db])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('there is no sound backup')
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([])
  })
})

describe('library compact and auto-compact', () => {
  it('compact --older-than DAYS prunes and reports sizes; auto-compact shows and stores the setting', async () => {
    const { db } = await libraryOf(1)
    for (let i = 0; i < 5; i++) expect((await inProcess(['library', 'rename', '1', `n${i}`, '--db', db])).code).toBe(0)
    const r = await inProcess(['library', 'compact', '--older-than', '0', '--db', db, '--json'])
    expect(r.code).toBe(0)
    // Every revision was saved today: each day keeps its last, which is the current one.
    expect(JSON.parse(r.stdout)).toMatchObject({ pruned: 5, sizeBefore: expect.any(Number), sizeAfter: expect.any(Number) })
    expect(JSON.parse((await inProcess(['library', 'revisions', '1', '--db', db, '--json'])).stdout)).toHaveLength(1)

    expect((await inProcess(['library', 'auto-compact', '--db', db])).stdout).toBe('off: every revision is kept\n')
    expect((await inProcess(['library', 'auto-compact', '90', '--db', db, '--json'])).stdout).toBe('{\n  "olderThanDays": 90\n}\n')
    expect((await inProcess(['library', 'auto-compact', 'off', '--db', db, '--json'])).stdout).toBe('{\n  "olderThanDays": null\n}\n')
    for (const bad of [['compact'], ['compact', '--older-than', '-3'], ['auto-compact', 'soon']]) {
      const e = await inProcess(['library', ...bad, '--db', db])
      expect(e.code, bad.join(' ')).toBe(2)
    }
  })
})
