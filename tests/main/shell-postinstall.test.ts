// scripts/postinstall.mjs: rebuild better-sqlite3 for Electron only when an Electron binary is
// really there; otherwise skip, so `npm ci` always succeeds.
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const scriptPath = resolve(import.meta.dirname, '../../scripts/postinstall.mjs')
// A variable specifier keeps TypeScript from looking for declarations of the .mjs file.
const load = async () => (await import(scriptPath)) as {
  decideRebuild: (o: { env: Record<string, string | undefined>; root: string; fs?: unknown }) => {
    action: 'skip' | 'rebuild'
    reason?: string
    electronVersion?: string
  }
  rebuildEnv: (env: Record<string, string | undefined>) => Record<string, string | undefined>
  isFlagSet: (v: string | undefined) => boolean
}

const root = resolve('/proj')
const electron = join(root, 'node_modules', 'electron')

function fakeFs(files: Record<string, string>) {
  return {
    existsSync: (p: string) => Object.keys(files).some((f) => f === p || f.startsWith(p + '/') || f.startsWith(p + '\\')),
    readFileSync: (p: string) => {
      if (!(p in files)) throw new Error(`ENOENT ${p}`)
      return files[p]
    }
  }
}

const complete = {
  [join(electron, 'package.json')]: '{"version":"45.5.0"}',
  [join(electron, 'path.txt')]: 'electron',
  [join(electron, 'dist', 'electron')]: 'ELF',
  [join(root, 'node_modules', 'better-sqlite3', 'package.json')]: '{}'
}

describe('decideRebuild', () => {
  it('rebuilds when the Electron binary is present', async () => {
    const { decideRebuild } = await load()
    expect(decideRebuild({ env: {}, root, fs: fakeFs(complete) })).toEqual({ action: 'rebuild', electronVersion: '45.5.0' })
  })

  it('skips when CI or ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    const { decideRebuild } = await load()
    expect(decideRebuild({ env: { CI: 'true' }, root, fs: fakeFs(complete) }).action).toBe('skip')
    expect(decideRebuild({ env: { CI: '1' }, root, fs: fakeFs(complete) }).action).toBe('skip')
    expect(decideRebuild({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, root, fs: fakeFs(complete) }).action).toBe('skip')
    expect(decideRebuild({ env: { CI: 'false', ELECTRON_SKIP_BINARY_DOWNLOAD: '' }, root, fs: fakeFs(complete) }).action).toBe('rebuild')
  })

  it('skips without path.txt, without the binary in dist/, or without electron at all', async () => {
    const { decideRebuild } = await load()
    const without = (key: string) => Object.fromEntries(Object.entries(complete).filter(([k]) => k !== key))
    expect(decideRebuild({ env: {}, root, fs: fakeFs(without(join(electron, 'path.txt'))) })).toMatchObject({ action: 'skip' })
    expect(decideRebuild({ env: {}, root, fs: fakeFs(without(join(electron, 'dist', 'electron'))) })).toMatchObject({ action: 'skip' })
    expect(decideRebuild({ env: {}, root, fs: fakeFs(without(join(electron, 'package.json'))) })).toMatchObject({ action: 'skip' })
    expect(decideRebuild({ env: {}, root, fs: fakeFs(without(join(root, 'node_modules', 'better-sqlite3', 'package.json'))) })).toMatchObject({ action: 'skip' })
    expect(decideRebuild({ env: {}, root, fs: fakeFs({ ...complete, [join(electron, 'path.txt')]: '../../bin/sh' }) })).toMatchObject({ action: 'skip' })
  })

  it('skips on this machine (no Electron binary) and says why', async () => {
    const { decideRebuild } = await load()
    const here = decideRebuild({ env: {}, root: resolve(import.meta.dirname, '../..') })
    expect(here.action).toBe('skip')
    expect(here.reason).toMatch(/Electron binary|electron is not installed/)
  })
})

describe('rebuildEnv', () => {
  it('drops npm nodedir in every spelling and keeps the rest', async () => {
    const { rebuildEnv } = await load()
    expect(rebuildEnv({ npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', PATH: '/bin', npm_config_cache: '/c' })).toEqual({
      PATH: '/bin',
      npm_config_cache: '/c'
    })
  })
})

describe('the script', () => {
  it('exits 0 and touches nothing when run here', () => {
    const r = spawnSync(process.execPath, [scriptPath], { encoding: 'utf8', env: { ...process.env, CI: '', ELECTRON_SKIP_BINARY_DOWNLOAD: '' } })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/keeps its Node build/)
  })
})
