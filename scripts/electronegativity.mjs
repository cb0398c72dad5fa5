#!/usr/bin/env node
// Runs Doyensec's electronegativity over src/ for our Electron version and FAILS on any finding.
// The tool itself exits 0 even with findings, so we read its CSV and count the rows.
// Usage: node scripts/electronegativity.mjs [--input DIR] [--keep-report]   (npm run security:scan)
//
// Nothing is suppressed: any finding fails. electronegativity finds the <meta> CSP of
// src/renderer/index.html; the policy that ships is the one the build writes into
// out/renderer/index.html (with the entry script's hash) and main sends as the app:// header, so
// when a build is there both are also put through csp-evaluator, electronegativity's own, with
// its rule (a HIGH, MEDIUM or "maybe" finding is a finding).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const keepReport = process.argv.includes('--keep-report')
const inputAt = process.argv.indexOf('--input')
const input = inputAt > 0 && process.argv[inputAt + 1] ? resolve(process.argv[inputAt + 1]) : join(root, 'src')

// Never require('electron'): without its binary that throws. Its package.json is enough.
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version

const pkgJsonPath = require.resolve('@doyensec/electronegativity/package.json')
const enPkg = JSON.parse(readFileSync(pkgJsonPath, 'utf8'))
const bin = join(dirname(pkgJsonPath), typeof enPkg.bin === 'string' ? enPkg.bin : enPkg.bin.electronegativity)
const enRequire = createRequire(pkgJsonPath)

/** A small RFC 4180 reader (the report quotes fields that hold commas). */
export function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      if (row.some((f) => f.trim() !== '')) rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  row.push(field)
  if (row.some((f) => f.trim() !== '')) rows.push(row)
  return rows
}

/** csp-evaluator findings for a policy that electronegativity's CSP_GLOBAL_CHECK would report. */
function cspFindings(policy) {
  const csp = enRequire('@doyensec/csp-evaluator')
  const findings = new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate()
  const s = csp.severities
  return findings.filter((f) => [s.HIGH, s.MEDIUM, s.HIGH_MAYBE, s.MEDIUM_MAYBE].includes(f.severity))
}

/** The shipped policies: the built meta and main's header (computed the way main computes it). */
function builtPolicies() {
  const html = join(root, 'out/renderer/index.html')
  if (!existsSync(html)) return []
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(readFileSync(html, 'utf8'))?.[1]
  const header = spawnSync(process.execPath, ['--import', 'tsx', '-e', "import('./src/main/renderer-csp.ts').then((m) => process.stdout.write(m.rendererContentSecurityPolicy('out/renderer')))"], { cwd: root, encoding: 'utf8' })
  if (header.status !== 0 || !header.stdout) throw new Error(`could not compute main's policy: ${header.stderr}`)
  return [
    { filename: 'out/renderer/index.html (meta)', policy: meta ?? '' },
    { filename: "main's app:// header", policy: header.stdout }
  ]
}

const outDir = mkdtempSync(join(tmpdir(), 'electronegativity-'))
const report = join(outDir, 'report.csv')
const args = [bin, '-i', input, '-e', electronVersion, '-o', report, '-r']
console.log(`electronegativity ${enPkg.version} over ${relative(root, input) || '.'} assuming Electron ${electronVersion}`)
const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } })
if (run.error || !existsSync(report)) {
  process.stderr.write(run.stdout ?? '')
  process.stderr.write(run.stderr ?? '')
  console.error(`electronegativity did not produce a report (${run.error?.message ?? `exit ${run.status}`})`)
  process.exit(2)
}

const [header, ...rows] = parseCsv(readFileSync(report, 'utf8'))
const cols = header.map((h) => h.trim())
const findings = rows.map((r) => Object.fromEntries(cols.map((c, i) => [c, (r[i] ?? '').trim()])))

const failures = [...findings]
for (const { filename, policy } of builtPolicies()) {
  if (!/script-src 'sha384-/.test(policy)) failures.push({ issue: 'CSP_NO_SCRIPT_HASH', severity: 'HIGH', confidence: 'CERTAIN', filename, location: '-', sample: policy, description: 'the built policy has no entry-script hash (did the renderer-csp build step run?)', url: 'src/main/renderer-csp.ts' })
  for (const f of cspFindings(policy)) failures.push({ issue: 'CSP_GLOBAL_CHECK', severity: String(f.severity), confidence: 'CERTAIN', filename, location: f.directive, sample: policy, description: f.description, url: 'csp-evaluator' })
  console.log(`  ${filename}: ${policy}`)
}

if (keepReport) console.log(`report: ${relative(root, report)}`)
else rmSync(outDir, { recursive: true, force: true })

if (failures.length > 0) {
  console.error(`\n${failures.length} finding(s):`)
  for (const f of failures) {
    console.error(`  ${f.issue} [${f.severity}/${f.confidence}] ${f.filename}:${f.location}`)
    if (f.sample && f.sample !== 'N/A') console.error(`      ${f.sample}`)
    console.error(`      ${f.description} (${f.url})`)
  }
  process.exit(1)
}
console.log('no findings, nothing suppressed')
