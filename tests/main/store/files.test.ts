import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readTextFileCapped, scenarioFileName, writeFileAtomic } from '../../../src/main/files'
import { LibraryError } from '../../../src/main/store'
import { tempDir } from './helpers'

function problem(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    if (e instanceof LibraryError) return e.problems.map((p) => `${p.path}: ${p.message}`).join('\n')
    throw e
  }
  throw new Error('expected a refusal')
}

describe('files', () => {
  it('readTextFileCapped: size checked first, UTF-8 only, regular files only', () => {
    const dir = tempDir()
    const ok = join(dir, 'ok.json')
    writeFileSync(ok, '\u00e9t\u00e9')
    expect(readTextFileCapped(ok, 100)).toBe('\u00e9t\u00e9')
    expect(problem(() => readTextFileCapped(ok, 3))).toBe('(file): the file is 5 bytes; at most 3 are read')
    const latin1 = join(dir, 'latin1.json')
    writeFileSync(latin1, Buffer.from([0x7b, 0xe9, 0x7d]))
    expect(problem(() => readTextFileCapped(latin1, 100))).toBe('(file): not UTF-8 text')
    expect(problem(() => readTextFileCapped(join(dir, 'missing.json'), 100))).toBe('(file): no such file')
    mkdirSync(join(dir, 'folder'))
    expect(problem(() => readTextFileCapped(join(dir, 'folder'), 100))).toBe('(file): not a regular file')
  })

  it('writeFileAtomic replaces the file whole and leaves no temp file behind', () => {
    const dir = tempDir()
    const path = join(dir, 'out.mpscenario.json')
    writeFileAtomic(path, 'first\n')
    writeFileAtomic(path, 'second\n')
    expect(readFileSync(path, 'utf8')).toBe('second\n')
    expect(readdirSync(dir)).toEqual(['out.mpscenario.json'])
    // A folder that does not exist: refused, nothing created.
    expect(problem(() => writeFileAtomic(join(dir, 'no', 'x.json'), 'x'))).toMatch(/^\(file\): ENOENT/)
    expect(readdirSync(dir)).toEqual(['out.mpscenario.json'])
  })

  it('writeFileAtomic onto a folder fails and keeps the folder and no temp file', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'taken'))
    expect(() => writeFileAtomic(join(dir, 'taken'), 'x')).toThrow(LibraryError)
    expect(readdirSync(dir)).toEqual(['taken'])
  })

  it('scenarioFileName makes a safe file name', () => {
    expect(scenarioFileName('BTC long, ETH collateral')).toBe('BTC long, ETH collateral.mpscenario.json')
    expect(scenarioFileName('../../etc/passwd')).toBe('etc passwd.mpscenario.json')
    expect(scenarioFileName('a:b*c?\n')).toBe('a b c.mpscenario.json')
    expect(scenarioFileName('...')).toBe('scenario.mpscenario.json')
  })
})
