import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addRecentFile, loadRecentFiles, parseRecentFiles, saveRecentFiles } from '../../src/main/recent-files'

const p = (name: string) => resolve('/plans', `${name}.mpscenario.json`)
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mp-recent-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('recent files', () => {
  it('puts the newest first, moves a re-opened file up, keeps at most the maximum', () => {
    let list: string[] = []
    for (const n of ['a', 'b', 'c']) list = addRecentFile(list, p(n), 3)
    expect(list).toEqual([p('c'), p('b'), p('a')])
    list = addRecentFile(list, p('a'), 3)
    expect(list).toEqual([p('a'), p('c'), p('b')])
    list = addRecentFile(list, p('d'), 3)
    expect(list).toEqual([p('d'), p('a'), p('c')])
  })

  it('keeps only absolute scenario paths from whatever was stored', () => {
    expect(parseRecentFiles([p('a'), 'relative.mpscenario.json', resolve('/x.txt'), 7, null, p('a')])).toEqual([p('a')])
    expect(parseRecentFiles({})).toEqual([])
  })

  it('round-trips through its file and survives a corrupt one', () => {
    const file = join(dir, 'recent-files.json')
    saveRecentFiles(file, [p('a'), p('b')])
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([p('a'), p('b')])
    expect(loadRecentFiles(file)).toEqual([p('a'), p('b')])
    writeFileSync(file, '[')
    expect(loadRecentFiles(file)).toEqual([])
    expect(loadRecentFiles(join(dir, 'missing.json'))).toEqual([])
  })
})
