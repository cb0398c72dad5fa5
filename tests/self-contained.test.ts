// A user who clones the repo has no ../shared beside it: nothing the project runs (app, CLI,
// tests, benchmarks, scripts) may read outside the checkout.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers/scenarios'

const SCANNED = ['src', 'tests', 'bench', 'scripts', 'bin', '.ci', 'package.json', 'electron.vite.config.ts', 'vitest.config.mts', 'vitest.e2e.config.mts']
const OUTSIDE = /\.\.\/shared\/(data|docs|hooks)|\.\.\/\.\.\/\.\.\/\.\.\/shared\//

function* files(path: string): Generator<string> {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path)) yield* files(join(path, name))
  } else if (/\.(ts|mts|mjs|js|vue|json|sh)$|\/run$/.test(path) && !path.endsWith('self-contained.test.ts')) {
    yield path
  }
}

describe('the checkout is self-contained', () => {
  it('no source, test, benchmark or script names a path outside the repo', () => {
    const offenders: string[] = []
    for (const top of SCANNED) {
      for (const file of files(join(ROOT, top))) {
        if (OUTSIDE.test(readFileSync(file, 'utf8'))) offenders.push(relative(ROOT, file))
      }
    }
    expect(offenders).toEqual([])
  })
})
