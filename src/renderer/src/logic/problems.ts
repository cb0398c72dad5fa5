// Inline validation: parseScenarioValue names each problem by its JSON path
// (`account.positions[2].entryPrice`); the editor shows each under the field of that path.
import type { Problem } from '../../../shared/scenario'

/** Problems at exactly this path, or (with `prefix`) at it and below it. */
export function problemsAt(problems: readonly Problem[], path: string, prefix = false): string[] {
  return problems.filter((p) => p.path === path || (prefix && (p.path.startsWith(path + '.') || p.path.startsWith(path + '[')))).map((p) => p.message)
}

/** Problems that no shown field claims (shown in a list above the editor). */
export function unclaimed(problems: readonly Problem[], shownPaths: readonly string[]): Problem[] {
  const shown = new Set(shownPaths)
  return problems.filter((p) => !shown.has(p.path))
}

export function joinPath(...parts: (string | number)[]): string {
  let out = ''
  for (const p of parts) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`
  return out
}

/** The JSON path of position i, or of its field f (`account.positions[2].entryPrice`). */
export function positionPath(i: number, f?: string): string {
  return f ? joinPath('account', 'positions', i, f) : joinPath('account', 'positions', i)
}

/** Messages by exact path, built once per validation: a 1,000-row editor asks per field in O(1). */
export function problemsByPath(problems: readonly Problem[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const p of problems) {
    const list = out.get(p.path)
    if (list) list.push(p.message)
    else out.set(p.path, [p.message])
  }
  return out
}

/** The id of a field's error line, from its JSON path (the field's aria-describedby points to it). */
export function fieldErrorId(path: string): string {
  return `err-${path.replace(/[^a-zA-Z0-9]/g, '-')}`
}

/** A draft value as an input's text: nothing for a missing value. */
export function fieldText(v: unknown): string {
  return v === undefined || v === null ? '' : String(v)
}
