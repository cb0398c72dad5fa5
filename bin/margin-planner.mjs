#!/usr/bin/env node
// The `margin-planner` command: runs the built JavaScript (out-cli/margin-planner.mjs, made by
// scripts/cli-build.mjs on `npm ci`, `npm run build`, or here on first use and whenever a source
// is newer than the build). `npm run cli:dev` runs src/main/cli.ts through tsx instead.
import { pathToFileURL } from 'node:url'
import { ensureCliBuilt } from '../scripts/cli-build.mjs'

const file = await ensureCliBuilt()
const { runCli } = await import(pathToFileURL(file).href)
const io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }
process.exitCode = await runCli(process.argv.slice(2), io)
