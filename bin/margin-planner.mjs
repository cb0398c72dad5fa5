#!/usr/bin/env node
// The `margin-planner` command from a checkout: runs src/main/cli.ts through tsx, so it works
// right after `npm ci` with no build step.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli.ts'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: process.cwd() })
process.exit(r.status ?? 1)
