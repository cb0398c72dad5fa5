#!/usr/bin/env node
// postinstall: rebuild better-sqlite3 for Electron's ABI when, and only when, an Electron binary
// is actually installed. Everywhere else (CI, ELECTRON_SKIP_BINARY_DOWNLOAD, machines where the
// binary could not be fetched) it does nothing and exits 0, so `npm ci` always succeeds and the
// Node build that the tests and the CLI use stays in place.
//
// Why not just `electron-builder install-app-deps`? With npm's `nodedir` set it reports success
// but builds against Node's headers; without Electron's headers it fails *after deleting* the
// working Node build. So: drop npm_config_nodedir for the rebuild, and on failure run
// `npm rebuild better-sqlite3` to get the Node build back (docs/toolchain.md, "better-sqlite3").
//
// One node_modules holds one ABI: after this ran, `npm run rebuild:node` switches back to Node's.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** An environment flag counts as set unless it is empty, "0" or "false". */
export function isFlagSet(value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'
}

/**
 * Pure: what the postinstall should do. `fs` is injectable for tests.
 * Never require('electron'): without its binary that call tries to download it and throws.
 */
export function decideRebuild({ env, root, fs = { existsSync, readFileSync } }) {
  if (isFlagSet(env.CI)) return { action: 'skip', reason: 'CI is set' }
  if (isFlagSet(env.ELECTRON_SKIP_BINARY_DOWNLOAD)) return { action: 'skip', reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' }
  const electronDir = join(root, 'node_modules', 'electron')
  const pkgFile = join(electronDir, 'package.json')
  if (!fs.existsSync(pkgFile)) return { action: 'skip', reason: 'electron is not installed (production install?)' }
  if (!fs.existsSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'))) {
    return { action: 'skip', reason: 'better-sqlite3 is not installed' }
  }
  const pathTxt = join(electronDir, 'path.txt')
  if (!fs.existsSync(pathTxt)) return { action: 'skip', reason: 'no Electron binary (node_modules/electron/path.txt missing)' }
  const exe = String(fs.readFileSync(pathTxt, 'utf8')).trim()
  if (exe === '' || exe.includes('..')) return { action: 'skip', reason: 'node_modules/electron/path.txt is unusable' }
  if (!fs.existsSync(join(electronDir, 'dist', exe))) {
    return { action: 'skip', reason: `no Electron binary (node_modules/electron/dist/${exe} missing)` }
  }
  let version
  try {
    version = JSON.parse(String(fs.readFileSync(pkgFile, 'utf8'))).version
  } catch {
    return { action: 'skip', reason: 'node_modules/electron/package.json is unreadable' }
  }
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version)) {
    return { action: 'skip', reason: 'Electron version unknown' }
  }
  return { action: 'rebuild', electronVersion: version }
}

/** The environment for the Electron rebuild: npm's nodedir removed, in every spelling. */
export function rebuildEnv(env) {
  const out = {}
  for (const [k, v] of Object.entries(env)) {
    if (k.toLowerCase() === 'npm_config_nodedir') continue
    out[k] = v
  }
  return out
}

function run(cmd, args, options) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', ...options })
  return r.status === 0 && !r.error
}

export function main({ env = process.env, root = process.cwd() } = {}) {
  const decision = decideRebuild({ env, root })
  if (decision.action === 'skip') {
    console.log(`postinstall: better-sqlite3 keeps its Node build (${decision.reason}).`)
    return 0
  }
  console.log(`postinstall: rebuilding better-sqlite3 for Electron ${decision.electronVersion}…`)
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
  const ok = run(npx, ['--no-install', 'electron-builder', 'install-app-deps'], { cwd: root, env: rebuildEnv(env) })
  if (ok) {
    console.log('postinstall: better-sqlite3 now targets Electron; `npm run rebuild:node` switches back to Node.')
    return 0
  }
  console.warn('postinstall: the Electron rebuild failed; restoring the Node build of better-sqlite3.')
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  if (run(npm, ['rebuild', 'better-sqlite3'], { cwd: root, env })) return 0
  console.error('postinstall: could not restore better-sqlite3 either; run `npm rebuild better-sqlite3` by hand.')
  return 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main({ root: resolve(import.meta.dirname, '..') })
}
