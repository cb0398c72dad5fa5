// A process killed with SIGKILL in the middle of a backup and in the middle of a recovery
// (issue 8): the library and every backup stay sound, and nothing is lost.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Library } from '../../../src/main/store'
import { backupIntoFolder, backupsDir, listBackupFiles } from '../../../src/main/store/backups'
import { checkLibraryFile, recoverLibrary } from '../../../src/main/store/library-health'
import { FIXTURES, fixtureScenario, tempDb } from './helpers'

const ROOT = join(import.meta.dirname, '../../..')

/** A library of about 24 MB, so one copy takes long enough to be interrupted. */
function bigLibrary(): string {
  const path = tempDb()
  const lib = Library.open(path)
  for (let i = 0; i < 3; i++) lib.portfolios.create({ scenario: fixtureScenario(), name: `p${i}` })
  const put = lib.db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?)')
  lib.db.transaction(() => {
    for (let i = 0; i < 6000; i++) put.run(`filler-${i}`, `${i}`.padEnd(4000, 'x'))
  })()
  lib.close()
  return path
}

/**
 * Runs the child until it has printed `lines` lines, then kills it after `delayMs`, or as soon as
 * `when` holds (polled each millisecond): a moment the test needs, not a guess of it. Returns its lines.
 */
async function killMidway(args: string[], lines: number, delayMs: number, when?: () => boolean): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(FIXTURES, 'backup-stream.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.split('\n').length > lines && !child.killed) {
        const kill = (): void => {
          if (child.killed) return
          child.kill('SIGKILL')
          resolve()
        }
        if (!when) setTimeout(kill, delayMs)
        else {
          const poll = (): void => void (when() ? kill() : setTimeout(poll, 1))
          poll()
        }
      }
    })
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited early (${code}): ${err}`))
    })
  })
  await new Promise((r) => child.on('close', r))
  return out.split('\n').slice(0, -1)
}

describe('SIGKILL', () => {
  it('in the middle of a backup: the library and every backup are sound; the unfinished copy is no backup', async () => {
    const path = bigLibrary()
    // Killed while a copy is being written (its temp file there), not between two copies.
    const partial = (): boolean => existsSync(backupsDir(path)) && readdirSync(backupsDir(path)).some((f) => f.endsWith('.partial'))
    const done = await killMidway(['backup', path], 2, 0, partial)
    expect(done.length).toBeGreaterThanOrEqual(2)
    expect(checkLibraryFile(path)).toMatchObject({ sound: true, portfolios: 3 })
    const backups = listBackupFiles(backupsDir(path))
    for (const line of done) expect(backups.map((b) => b.path)).toContain(line)
    for (const b of backups) expect(checkLibraryFile(b.path), b.fileName).toMatchObject({ sound: true, portfolios: 3 })
    // It really was killed half-way: a temp file is there, under a name no listing takes for a backup.
    expect(readdirSync(backupsDir(path)).filter((f) => f.endsWith('.partial'))).toHaveLength(1)
    // The next backup clears that dead process's temp file away.
    const lib = Library.open(path)
    await backupIntoFolder(lib.db, path, 'manual')
    lib.close()
    expect(readdirSync(backupsDir(path)).filter((f) => f.endsWith('.partial'))).toEqual([])
  })

  it('in the middle of a recovery: the library is the old file or the restored one, sound either way; nothing is lost', async () => {
    const path = bigLibrary()
    const lib = Library.open(path)
    const backup = await backupIntoFolder(lib.db, path, 'manual', new Date('2026-11-01T00:00:00.000Z'))
    lib.close()
    const done = await killMidway(['recover', path, backup.path], 2, 25)
    expect(done.length).toBeGreaterThanOrEqual(2)
    expect(checkLibraryFile(path)).toMatchObject({ sound: true, portfolios: 3 })
    expect(checkLibraryFile(backup.path)).toMatchObject({ sound: true, portfolios: 3 })
    // Every file set aside is a complete library too.
    const aside = readdirSync(dirname(path)).filter((f) => f.includes('.replaced-') && !f.endsWith('-wal') && !f.endsWith('-shm'))
    expect(aside.length).toBeGreaterThanOrEqual(2)
    for (const f of aside) expect(checkLibraryFile(join(dirname(path), f)).sound, f).toBe(true)
    // And the library is usable; the next recovery clears the dead process's temp file.
    const after = Library.open(path)
    expect(after.portfolios.list()).toHaveLength(3)
    after.close()
    recoverLibrary(path, { from: backup.path, label: 'replaced' })
    expect(readdirSync(dirname(path)).filter((f) => f.endsWith('.partial'))).toEqual([])
  })
})
