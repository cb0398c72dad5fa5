// The fast way through a user's JSON file (issue 10): most files are plain JSON with no duplicate
// key and shallow nesting, and JSON.parse reads those ~8× faster than the strict reader
// (strict-json.ts). JSON.parse keeps the last of two equal keys without a word, so one scan of
// the text counts its object members and one walk of the value counts its keys: equal counts
// mean no key was repeated. Anything else (not JSON, a duplicate key, nesting deeper than
// MAX_JSON_DEPTH, a byte-order mark) is left to the strict reader, which says what is wrong.
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './char-codes'
import { MAX_JSON_DEPTH } from './strict-json'

/** The value of `text` when it is JSON the strict reader would read to the same value; undefined otherwise. */
export function readPlainJson(text: string): { value: unknown } | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  const members = countMembers(text)
  return members >= 0 && members === countKeys(value) ? { value } : undefined
}

/**
 * The number of object members written in a valid JSON text (its `:` outside strings), or -1
 * when containers nest deeper than MAX_JSON_DEPTH (the strict reader's refusal).
 */
function countMembers(text: string): number {
  const n = text.length
  let members = 0
  let depth = 0
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      // Skip the string: the text is valid JSON, so a backslash always escapes the next character.
      for (i++; ; i++) {
        const s = text.charCodeAt(i)
        if (s === QUOTE) break
        if (s === BACKSLASH) i++
      }
    } else if (c === COLON) members++
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) return -1
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--
  }
  return members
}

/** The number of own keys of every object in a JSON value. */
function countKeys(root: unknown): number {
  let keys = 0
  const pending: unknown[] = [root]
  while (pending.length > 0) {
    const value = pending.pop()
    if (typeof value !== 'object' || value === null) continue
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) pending.push(item)
    } else {
      for (const key in value) {
        keys++
        const item = (value as Record<string, unknown>)[key]
        if (typeof item === 'object' && item !== null) pending.push(item)
      }
    }
  }
  return keys
}
