// Every message that echoes input goes through here before it is shown (CLI stderr, IPC errors,
// the renderer's problem lists): a control character in a file (a NUL, an ESC that would recolour
// the terminal, a bidi override that would reorder the line, a line separator) is shown as its
// escape, \u0000, never written raw. Backslashes are left alone: paths and quoted values already
// come JSON-escaped, so escaping them again would double them.
import type { ParseResult, Problem } from '../scenario/types'

// C0, DEL and C1 (Unicode Cc), the line and paragraph separators, the bidi marks, embeddings,
// overrides and isolates (the "Trojan Source" characters), the BOM, and lone surrogates (which
// cannot be written as UTF-8 at all).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

export function hasControlCharacters(text: string): boolean {
  CONTROL.lastIndex = 0
  const found = CONTROL.test(text)
  CONTROL.lastIndex = 0
  return found
}

/** A refusal with its problems escaped; an acceptance unchanged. */
export function escapeRefusal<T>(result: ParseResult<T>): ParseResult<T> {
  return result.ok ? result : { ok: false, problems: escapeProblems(result.problems) }
}

/** The same problems with every path and message escaped (a no-op on clean ones). */
export function escapeProblems<P extends Problem>(problems: P[]): P[] {
  return problems.map((p) => ({ ...p, path: escapeControlCharacters(p.path), message: escapeControlCharacters(p.message) }))
}
