#!/usr/bin/env node
// Builds the `margin-planner` command into one plain JavaScript file, out-cli/margin-planner.mjs,
// so it starts without tsx (issue 10). Vite's build API (vite is a direct devDependency) bundles
// src/main/cli.ts and everything it imports (zod and decimal.js included) for Node 20;
// better-sqlite3 (native) and Node's own modules stay external.
//
// When it runs: `npm ci` / `npm install` (the `prepare` script), `npm run build`, and on first use:
// bin/margin-planner.mjs (so `margin-planner`, `npm run cli` and the tests' CLI runs) calls
// ensureCliBuilt(), which rebuilds when the file is missing or older than any source it is
// built from. A test run after editing src therefore never runs an old build.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const CLI_OUT_DIR = join(ROOT, 'out-cli')
export const CLI_FILE = join(CLI_OUT_DIR, 'margin-planner.mjs')
/** What the bundle is built from: a newer file here means the bundle is stale. */
const SOURCES = ['src/main', 'src/shared', 'scripts/cli-build.mjs', 'package.json', 'package-lock.json']

function newestMtime(path) {
  let st
  try {
    st = statSync(path)
  } catch {
    return 0
  }
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs // a deleted file shows as the directory's change
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** Whether out-cli/margin-planner.mjs exists and is at least as new as every source. */
export function cliBuildIsFresh() {
  if (!existsSync(CLI_FILE)) return false
  const built = statSync(CLI_FILE).mtimeMs
  return SOURCES.every((s) => newestMtime(join(ROOT, s)) <= built)
}

/** Bundles the CLI into a temporary directory, then renames it into place (atomic). */
export async function buildCli({ quiet = false } = {}) {
  const { build } = await import('vite')
  mkdirSync(CLI_OUT_DIR, { recursive: true })
  const tmp = mkdtempSync(join(CLI_OUT_DIR, '.build-'))
  try {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: quiet ? 'error' : 'warn',
      build: {
        ssr: join(ROOT, 'src/main/cli.ts'),
        outDir: tmp,
        emptyOutDir: false,
        target: 'node20',
        minify: false,
        sourcemap: false,
        reportCompressedSize: false,
        rollupOptions: { output: { format: 'es', entryFileNames: 'margin-planner.mjs', codeSplitting: false } }
      },
      ssr: { target: 'node', noExternal: true, external: ['better-sqlite3'] }
    })
    renameSync(join(tmp, 'margin-planner.mjs'), CLI_FILE)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
  return CLI_FILE
}

/** The built CLI, rebuilt first when missing or stale (says so on stderr). */
export async function ensureCliBuilt() {
  if (cliBuildIsFresh()) return CLI_FILE
  process.stderr.write('margin-planner: building the command (out-cli/margin-planner.mjs)…\n')
  return buildCli({ quiet: true })
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = performance.now()
  try {
    await buildCli()
    console.log(`cli-build: out-cli/margin-planner.mjs built in ${Math.round(performance.now() - started)} ms`)
  } catch (e) {
    // A production install (`npm ci --omit=dev`) has no vite: say so, do not fail the install.
    if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes("'vite'")) throw e
    console.log('cli-build: vite is not installed (production install?); the command is built on first use where it is.')
  }
}
