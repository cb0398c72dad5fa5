// Reads a scenario file all-or-nothing (docs/scenario-format.md §1): accepted whole or refused
// whole, with every problem listed by its JSON path.
import type { z } from 'zod'
import { readPlainJson } from '../json/plain-json'
import { parseStrictJson, joinPath, type NumberTexts } from '../json/strict-json'
import { escapeRefusal } from '../text/escape-control'
import { EXPECTED_DECIMAL } from './schema-v1'
import { semanticProblems } from './semantic-checks'
import { SCENARIO_FORMAT, scenarioVersions, type ScenarioVersion } from './versions'
import type { ParseResult, Problem, Scenario } from './types'

/** Largest scenario file read (a real account with hundreds of positions is well under 1 MiB). */
export const MAX_SCENARIO_BYTES = 16 * 1024 * 1024

export const SCENARIO_VERSIONS = scenarioVersions(semanticProblems)

export function parseScenario(text: string): ParseResult<Scenario> {
  return parseScenarioWith(SCENARIO_VERSIONS, text) as ParseResult<Scenario>
}

/** Parse against any version chain; the newest entry is the version produced. */
export function parseScenarioWith(versions: ScenarioVersion[], text: string): ParseResult<unknown> {
  if (text.length > MAX_SCENARIO_BYTES) {
    return fail('(file)', `the file is larger than ${MAX_SCENARIO_BYTES} bytes; a scenario file is far smaller`)
  }
  const plain = readPlainJson(text)
  if (plain !== undefined) return escapeRefusal(parseValueWith(versions, plain.value, numbersOnDemand(text)))
  const read = parseStrictJson(text)
  if (!read.ok) return read
  return escapeRefusal(parseValueWith(versions, read.json.value, read.json.numbers))
}

/** Where a message finds a number's source text ("got 6.4e4", not "got 64000"). */
type NumberSource = Pick<NumberTexts, 'byPath'>

/**
 * The number texts of a file JSON.parse read: the strict reader reads the file again only when
 * a message quotes a number, which a valid file never does (issue 10: the strict reader took
 * three quarters of a 1 MB file's reading).
 */
function numbersOnDemand(text: string): NumberSource {
  let numbers: NumberTexts | undefined
  return {
    get byPath() {
      if (numbers === undefined) {
        const read = parseStrictJson(text)
        if (!read.ok) throw new Error('the strict reader refused a file JSON.parse read (plain-json.ts)')
        numbers = read.json.numbers
      }
      return numbers.byPath
    }
  }
}

/**
 * Validate an already-decoded value (an IPC payload, a library row). Such a value is in the
 * in-memory shape, which is always the newest version: a `version: 1` label (a row read back
 * raw, an older renderer's object) is read as version 2, so edits that add v2 fields validate.
 */
export function parseScenarioValue(value: unknown): ParseResult<Scenario> {
  const newest = SCENARIO_VERSIONS[SCENARIO_VERSIONS.length - 1]!.version
  const current =
    typeof value === 'object' && value !== null && !Array.isArray(value) && (value as Record<string, unknown>).version === 1
      ? { ...(value as Record<string, unknown>), version: newest }
      : value
  return escapeRefusal(parseValueWith(SCENARIO_VERSIONS, current, null)) as ParseResult<Scenario>
}

/** `numbers`: the number texts of the file read (none for a decoded value: its numbers are shown as JavaScript writes them). */
function parseValueWith(versions: ScenarioVersion[], value: unknown, numbers: NumberSource | null): ParseResult<unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('(file)', 'expected a JSON object (a margin-planner scenario)')
  }
  const obj = value as Record<string, unknown>
  if (obj.format !== SCENARIO_FORMAT) {
    return fail('format', `expected "${SCENARIO_FORMAT}", got ${describe(obj.format, 'format', numbers)}`)
  }
  const newest = versions[versions.length - 1]!
  const version = obj.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('version', `expected a version number, got ${describe(version, 'version', numbers)}`)
  }
  if (version > newest.version) {
    return fail('version', `this file is version ${version}; this program reads versions up to ${newest.version}: update Margin Planner`)
  }
  let index = versions.findIndex((v) => v.version === version)
  if (index < 0) return fail('version', `version ${version} is not a known version`)
  let current: unknown = obj
  for (;;) {
    const entry = versions[index]!
    const shaped = entry.schema.safeParse(current)
    if (!shaped.success) return { ok: false, problems: zodProblems(shaped.error, current, numbers) }
    const problems = entry.check(shaped.data as never)
    if (problems.length > 0) return { ok: false, problems }
    if (index === versions.length - 1) return { ok: true, value: shaped.data }
    current = entry.upgrade!(shaped.data as never)
    index++
  }
}

function fail(path: string, message: string): ParseResult<never> {
  return { ok: false, problems: [{ path, message }] }
}

function zodProblems(error: z.ZodError, input: unknown, numbers: NumberSource | null): Problem[] {
  const problems: Problem[] = []
  for (const issue of error.issues) {
    const path = issue.path.reduce<string>((p, k) => joinPath(p, k as string | number), '')
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ path: joinPath(path, key), message: 'unknown key (only "extensions" may hold keys of your own)' })
      }
      continue
    }
    const got = valueAt(input, issue.path as (string | number)[])
    let message: string
    if (issue.message === EXPECTED_DECIMAL) {
      message = got.found ? `${EXPECTED_DECIMAL}, got ${describe(got.value, path, numbers)}` : 'required: a decimal string'
    } else if (!got.found) {
      message = 'required'
    } else if (issue.code === 'invalid_type' || issue.code === 'invalid_value') {
      message = `${issue.message.replace(/^Invalid (input|option): /, '')}, got ${describe(got.value, path, numbers)}`
    } else {
      message = `${issue.message}, got ${describe(got.value, path, numbers)}`
    }
    problems.push({ path: path || '(file)', message })
  }
  return problems
}

function valueAt(input: unknown, path: (string | number)[]): { found: boolean; value?: unknown } {
  let cur: unknown = input
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null || !Object.prototype.hasOwnProperty.call(cur, key)) return { found: false }
    cur = (cur as Record<string | number, unknown>)[key]
  }
  return { found: true, value: cur }
}

/** The offending value as the user wrote it: numbers keep their source text (6.4e4). */
function describe(value: unknown, path: string, numbers: NumberSource | null): string {
  if (typeof value === 'number') return numbers?.byPath.get(path) ?? String(value)
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'an array'
  if (value !== null && typeof value === 'object') return 'an object'
  const text = JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
