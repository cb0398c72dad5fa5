// `margin-planner report FILE [--out REPORT.html]` and `report --id ID [--out …]`
// (scenario-format.md §4): one self-contained HTML file, written atomically.
// Decision: without --out the report goes beside FILE as NAME.report.html (for --id, into the
// current folder as the portfolio's name); `--out -` prints it on stdout. The path written is
// printed, so a script can pick it up.
import { basename, dirname, join } from 'node:path'
import { buildReport } from '../../shared/report/build-report'
import { scenarioFileName, writeFileAtomic } from '../files'
import { BadInput, parseArgs, type CliIo } from './cli-io'
import { scenarioFromArgs } from './scenario-source'

const USAGE = 'usage: margin-planner report FILE [--out REPORT.html | --out -]  |  report --id ID [--db PATH] [--out REPORT.html]'

/** "plan.mpscenario.json" → "plan.report.html"; "book.json" → "book.report.html". */
export function defaultReportPath(file: string | null, name: string): string {
  if (file === null) return scenarioFileName(name).replace(/\.mpscenario\.json$/, '.report.html')
  const base = basename(file).replace(/(\.mpscenario)?\.json$/i, '')
  return join(dirname(file), `${base}.report.html`)
}

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['--out', '--id', '--db'], [])
  const { scenario, file } = await scenarioFromArgs(positional, options, USAGE)
  const text = buildReport(scenario, new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'))
  const out = options.get('--out')
  if (out === '-') {
    io.out(text)
    return 0
  }
  const path = typeof out === 'string' ? out : defaultReportPath(file, scenario.name)
  try {
    writeFileAtomic(path, text)
  } catch (e) {
    throw new BadInput([e instanceof Error ? e.message : String(e)])
  }
  io.out(`${path}\n`)
  return 0
}
