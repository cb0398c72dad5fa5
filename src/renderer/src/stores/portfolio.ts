// The portfolio being edited: a plain-JSON draft (possibly invalid), the last valid scenario,
// the problems of the draft by JSON path, undo/redo and the unsaved-changes state. Nothing is
// computed from an invalid draft: the comparison follows `valid`, which only changes when the
// whole draft parses.
import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, toRaw } from 'vue'
import { parseScenarioValue, type Problem, type Scenario } from '../../../shared/scenario'
import type { Portfolio } from '../../../shared/ipc/library-types'
import { restoreSnapshot, snapshotOf } from '../logic/undo-snapshot'

type Json = Record<string, unknown>

const UNDO_LIMIT = 200
/** Keystrokes in the same field within this time are one undo step. */
const COALESCE_MS = 1000

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}

export const usePortfolioStore = defineStore('portfolio', () => {
  const id = ref<number | null>(null)
  const revision = ref<number | null>(null)
  const name = ref('')
  const draft = ref<Json | null>(null)
  const savedText = ref('')
  const valid = shallowRef<Scenario | null>(null)
  const problems = shallowRef<Problem[]>([])
  // Snapshots sharing what did not change (logic/undo-snapshot.ts): 200 steps of a 1,000-position
  // book were 200 full copies (~130 MB). Frozen trees, never made reactive: the arrays are replaced.
  const undoStack = shallowRef<readonly unknown[]>([])
  const redoStack = shallowRef<readonly unknown[]>([])
  const top = (stack: readonly unknown[]): unknown => stack[stack.length - 1]
  /** Incremented by every open(): the comparison resets its sliders on a new one. */
  const generation = ref(0)
  let lastEdit: { path: string; at: number } | null = null
  /** Counts validations (every change of the draft goes through one): what draftText follows. */
  const edits = ref(0)

  // Serialised from the raw object, not through the reactive proxy: on a 1,000-position book
  // (500 symbols of brackets) walking the proxy tracked every field and took most of the open.
  // Validation serialises the draft anyway (its copy for the parser): that text is reused, so an
  // edit or an open serialises the book once, not twice.
  let validated: { at: number; text: string } | null = null
  const draftText = computed(() => {
    if (edits.value < 0 || !draft.value) return ''
    return validated && validated.at === edits.value ? validated.text : JSON.stringify(toRaw(draft.value))
  })
  const dirty = computed(() => draft.value !== null && draftText.value !== savedText.value)
  const isValid = computed(() => problems.value.length === 0)
  const canUndo = computed(() => undoStack.value.length > 0)
  const canRedo = computed(() => redoStack.value.length > 0)
  /** The scenario as typed (may be invalid): what editors read. */
  const scenario = computed(() => draft.value as unknown as Scenario | null)

  /** `known`: the draft's text when the caller has it (an open parsed the draft from it). */
  function validate(known?: string): void {
    edits.value++
    if (!draft.value) {
      problems.value = []
      valid.value = null
      return
    }
    const text = known ?? JSON.stringify(toRaw(draft.value))
    validated = { at: edits.value, text }
    const parsed = parseScenarioValue(JSON.parse(text) as unknown)
    if (parsed.ok) {
      // Still none: the same empty list, so nothing that reads the problems (every editor row of
      // a 1,000-position book) is computed or rendered again on a keystroke.
      if (problems.value.length > 0) problems.value = []
      valid.value = markRaw(parsed.value)
    } else {
      problems.value = parsed.problems
    }
  }

  /** Open a scenario (from the library or a file): it becomes the saved state, history cleared. */
  function open(s: Scenario, meta: { id: number | null; revision: number | null } = { id: null, revision: null }): void {
    id.value = meta.id
    revision.value = meta.revision
    name.value = s.name
    const text = JSON.stringify(s)
    draft.value = JSON.parse(text) as Json
    savedText.value = text
    undoStack.value = []
    redoStack.value = []
    lastEdit = null
    valid.value = null
    generation.value++
    validate(text)
  }

  function openPortfolio(p: Portfolio): void {
    open(p.scenario, { id: p.id, revision: p.revision })
  }

  /** After a save: what was sent is the new saved state; the history stays. */
  function markSaved(p: Portfolio, sentText: string): void {
    id.value = p.id
    revision.value = p.revision
    name.value = p.name
    savedText.value = sentText
  }

  function close(): void {
    id.value = null
    revision.value = null
    draft.value = null
    savedText.value = ''
    valid.value = null
    problems.value = []
    undoStack.value = []
    redoStack.value = []
  }

  function pushUndo(path: string): void {
    const now = Date.now()
    if (lastEdit && lastEdit.path === path && now - lastEdit.at < COALESCE_MS && path !== '') {
      lastEdit.at = now
      return
    }
    const next = [...undoStack.value, snapshotOf(draftText.value, top(undoStack.value))]
    undoStack.value = next.length > UNDO_LIMIT ? next.slice(next.length - UNDO_LIMIT) : next
    redoStack.value = []
    lastEdit = { path, at: now }
  }

  /** Set one field by JSON path segments; typing in the same field coalesces into one undo step. */
  function setField(path: (string | number)[], value: unknown): void {
    if (!draft.value) return
    pushUndo(path.join('.'))
    let obj: Record<string | number, unknown> = draft.value
    for (const key of path.slice(0, -1)) {
      if (obj[key] === undefined || obj[key] === null) obj[key] = typeof key === 'number' ? [] : {}
      obj = obj[key] as Record<string | number, unknown>
    }
    const last = path[path.length - 1]!
    if (value === undefined) delete obj[last]
    else obj[last] = value
    validate()
  }

  /** A structural edit (add or remove a row, change a mode): always its own undo step. */
  function mutate(fn: (d: Json) => void): void {
    if (!draft.value) return
    pushUndo('')
    fn(draft.value)
    lastEdit = null
    validate()
  }

  function undo(): void {
    if (undoStack.value.length === 0) return
    const prev = top(undoStack.value)
    undoStack.value = undoStack.value.slice(0, -1)
    redoStack.value = [...redoStack.value, snapshotOf(draftText.value, prev)]
    draft.value = restoreSnapshot<Json>(prev)
    lastEdit = null
    validate()
  }

  function redo(): void {
    if (redoStack.value.length === 0) return
    const next = top(redoStack.value)
    redoStack.value = redoStack.value.slice(0, -1)
    undoStack.value = [...undoStack.value, snapshotOf(draftText.value, next)]
    draft.value = restoreSnapshot<Json>(next)
    lastEdit = null
    validate()
  }

  /** The draft as a scenario to save (only when valid). */
  function toSave(): { scenario: Scenario; text: string } | null {
    return isValid.value && draft.value ? { scenario: clone(toRaw(draft.value)) as unknown as Scenario, text: draftText.value } : null
  }

  return {
    id,
    revision,
    name,
    draft,
    generation,
    scenario,
    valid,
    problems,
    dirty,
    isValid,
    canUndo,
    canRedo,
    open,
    openPortfolio,
    markSaved,
    close,
    setField,
    mutate,
    undo,
    redo,
    toSave,
    validate: (): void => validate()
  }
})
