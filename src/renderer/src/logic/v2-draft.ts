// An edit that adds a version 2 field (open orders, funding, a plan) makes the draft version 2:
// the version 1 schema refuses those keys, and the writer writes 1 again when none is left
// (scenario-format.md §3).
export function ensureVersion2(draft: Record<string, unknown>): void {
  if (draft.version === 1) draft.version = 2
}
