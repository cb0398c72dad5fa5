// Issue 10: `margin-planner` and `npm run cli` run built JavaScript, not tsx; the build happens
// on `npm ci` (prepare), on `npm run build`, and on first use when missing or stale.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error plain ESM script without types
import { CLI_FILE, cliBuildIsFresh } from '../../scripts/cli-build.mjs'
import { ROOT } from '../helpers/scenarios'

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> }

describe('the built margin-planner command', () => {
  it('is what the bin, npm run cli and npm start run, built on npm ci and npm run build', () => {
    expect(pkg.bin['margin-planner']).toBe('./bin/margin-planner.mjs')
    expect(pkg.scripts.cli).toBe('node bin/margin-planner.mjs')
    expect(pkg.scripts.prepare).toContain('scripts/cli-build.mjs')
    expect(pkg.scripts.build).toContain('scripts/cli-build.mjs')
    for (const file of ['bin/margin-planner.mjs', 'scripts/start.mjs']) expect(readFileSync(join(ROOT, file), 'utf8')).not.toMatch(/['"]tsx['"]/)
  })

  it('is fresh after the test setup, and runs as plain JavaScript in a node without tsx', () => {
    expect(cliBuildIsFresh()).toBe(true)
    const env = { ...process.env, NODE_OPTIONS: '' }
    const r = spawnSync(process.execPath, [CLI_FILE as string, 'compare', 'resources/examples/btc-eth-collateral.mpscenario.json', '--json'], { cwd: ROOT, encoding: 'utf8', env })
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).scenario).toBeTypeOf('string')
    expect(readFileSync(CLI_FILE as string, 'utf8')).not.toMatch(/from ["'](zod|decimal\.js)["']/)
  })
})
