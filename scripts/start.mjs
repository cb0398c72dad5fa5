// `npm start`: builds and runs the desktop app when Electron's binary and a display are
// present; otherwise (a server, CI, a machine where the binary cannot be downloaded) says so
// and runs the same engine through the CLI on a bundled example.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root }).status ?? 1

const electronDir = join(root, 'node_modules', 'electron')
const binaryPresent = () => existsSync(join(electronDir, 'path.txt')) && existsSync(join(electronDir, 'dist'))
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
// Electron 42+ fetches its binary on first use: try once where a window could open at all.
if (!binaryPresent() && hasDisplay && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log("Margin Planner: fetching Electron's binary (once)…")
  spawnSync(process.execPath, ['-e', "require('electron')"], { stdio: 'inherit', cwd: root })
}
const hasElectron = binaryPresent()

if (hasElectron && hasDisplay) {
  const built = run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])
  if (built !== 0) process.exit(built)
  process.exit(run(process.execPath, [join(root, 'node_modules', 'electron', 'cli.js'), root]))
}

const example = join('resources', 'examples', 'usdc-position-needs-multi-assets.mpscenario.json')
console.log(`Margin Planner: ${hasElectron ? 'no display' : "Electron's binary is not installed"}, so the desktop window cannot open here.`)
console.log(`Running the same engine from the terminal instead: margin-planner compare ${example}\n`)
process.exit(run(process.execPath, [join(root, 'bin', 'margin-planner.mjs'), 'compare', example]))
