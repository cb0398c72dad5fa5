// Real library files, and real damage done to them: garbage written over pages.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import { Library } from '../../../src/main/store'
import { fixtureScenario, tempDb } from './helpers'

/** A closed library with n portfolios (and enough revisions to span many pages). */
export function makeLibrary(n: number, path = tempDb()): string {
  const lib = Library.open(path)
  for (let i = 0; i < n; i++) {
    const p = lib.portfolios.create({ scenario: fixtureScenario(), name: `p${i}` })
    for (let r = 0; r < 5; r++) lib.portfolios.rename(p.id, `p${i} r${r}`)
  }
  lib.close()
  return path
}

/** Overwrites `pages` pages from page `first` (1-based) with garbage. */
export function garblePages(path: string, first: number, pages: number): void {
  const pageSize = readFileSync(path).readUInt16BE(16)
  const fd = openSync(path, 'r+')
  writeSync(fd, Buffer.alloc(pageSize * pages, 0xa5), 0, pageSize * pages, pageSize * (first - 1))
  closeSync(fd)
}

