// The library of saved portfolios (through window.api only): list and search, open with an
// unsaved-changes guard, new, duplicate, rename, delete with undo, revisions and restore,
// import and export of scenario files (file TEXT crosses, never a path).
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { IpcError } from '../../../shared/ipc/errors'
import type { Portfolio, PortfolioSummary, RevisionSummary } from '../../../shared/ipc/library-types'
import { compareScenario, type CompareResult } from '../../../shared/engine'
import type { Problem, Scenario } from '../../../shared/scenario'
import { call } from '../api'
import { newScenario } from '../logic/new-scenario'
import { usePortfolioStore } from './portfolio'
import { useUiStore, type Tab } from './ui'

export interface ImportFailure {
  fileName: string
  message: string
  problems: Problem[]
}

/** A past revision shown read-only (its own comparison). */
export interface RevisionView {
  revision: number
  savedAt: string
  reason: string
  scenario: Scenario
  result: CompareResult | null
  error: string | null
}

export const useLibraryStore = defineStore('library', () => {
  const portfolio = usePortfolioStore()
  const ui = useUiStore()
  const items = ref<PortfolioSummary[]>([])
  const search = ref('')
  const loaded = ref(false)
  const available = ref(true)
  const revisions = ref<RevisionSummary[]>([])
  const importFailure = shallowRef<ImportFailure | null>(null)
  const busy = ref(false)
  /** What the last Binance account import inferred or assumed (shown until dismissed). */
  const importNotes = shallowRef<{ title: string; notes: string[] } | null>(null)
  const trash = ref<PortfolioSummary[]>([])
  const showTrash = ref(false)
  const revisionView = shallowRef<RevisionView | null>(null)

  function fail(e: IpcError, what: string): void {
    ui.notify({ kind: 'error', message: `${what}: ${e.message}` })
  }

  async function refresh(): Promise<void> {
    const r = await call('listPortfolios', search.value.trim() ? { text: search.value.trim() } : {})
    loaded.value = true
    if (!r.ok) {
      available.value = r.error.code !== 'UNAVAILABLE'
      if (available.value) fail(r.error, 'Could not list the library')
      return
    }
    available.value = true
    items.value = r.value
  }

  /** Before leaving unsaved edits: save, discard or stay. Resolves true to go on. */
  async function guard(): Promise<boolean> {
    if (!portfolio.dirty) return true
    const choice = await ui.confirm({
      title: 'Unsaved changes',
      message: `"${portfolio.name || 'This portfolio'}" has changes that are not saved.`,
      choices: [
        { id: 'save', label: 'Save', primary: true },
        { id: 'discard', label: 'Discard changes' },
        { id: 'cancel', label: 'Cancel' }
      ]
    })
    if (choice === 'cancel') return false
    if (choice === 'save') return save()
    return true
  }

  /** Opens a saved portfolio; `tab`, if given, is chosen in the same tick (see `show`). */
  async function open(id: number, force = false, tab?: Tab): Promise<boolean> {
    if (!force && portfolio.id === id) return true
    if (!force && !(await guard())) return false
    const r = await call('getPortfolio', { id })
    if (!r.ok) {
      fail(r.error, 'Could not open the portfolio')
      return false
    }
    if (r.value.id !== portfolio.id) importNotes.value = null
    await show(r.value, tab)
    return true
  }

  /**
   * Shows a portfolio, on `tab` if given. The tab is set in the same tick as the portfolio, so
   * the first frame that shows the portfolio shows its tab: never the previous tab for as long
   * as the revisions take to load.
   */
  async function show(p: Portfolio, tab?: Tab): Promise<void> {
    portfolio.openPortfolio(p)
    if (tab) ui.tab = tab
    await loadRevisions()
  }

  async function loadRevisions(): Promise<void> {
    if (portfolio.id === null) {
      revisions.value = []
      return
    }
    const r = await call('listRevisions', { id: portfolio.id })
    revisions.value = r.ok ? r.value : []
  }

  async function create(): Promise<void> {
    if (!(await guard())) return
    const base = 'New portfolio'
    const names = new Set(items.value.map((i) => i.name))
    let name = base
    for (let n = 2; names.has(name); n++) name = `${base} ${n}`
    const r = await call('createPortfolio', { scenario: newScenario(name) })
    if (!r.ok) return fail(r.error, 'Could not create a portfolio')
    await refresh()
    await show(r.value, 'positions')
  }

  async function save(): Promise<boolean> {
    const out = portfolio.toSave()
    if (!out) {
      ui.notify({ kind: 'error', message: 'Not saved: fix the problems marked in red first.' })
      return false
    }
    if (portfolio.id === null) {
      const r = await call('createPortfolio', { scenario: out.scenario })
      if (!r.ok) {
        fail(r.error, 'Not saved')
        return false
      }
      portfolio.markSaved(r.value, out.text)
    } else {
      const r = await call('savePortfolio', { id: portfolio.id, scenario: out.scenario, baseRevision: portfolio.revision ?? undefined })
      if (!r.ok) {
        if (r.error.code === 'CONFLICT') return resolveConflict(out.scenario)
        fail(r.error, 'Not saved')
        return false
      }
      portfolio.markSaved(r.value, out.text)
    }
    ui.notify({ kind: 'info', message: `Saved "${portfolio.name}" (revision ${portfolio.revision}).` }, 3000)
    await Promise.all([refresh(), loadRevisions()])
    return true
  }

  /**
   * The portfolio was saved elsewhere (another window, the CLI) since it was opened: reload theirs
   * (my edits dropped), keep mine as a copy (a new portfolio; theirs untouched), or stay.
   */
  async function resolveConflict(mine: Scenario): Promise<boolean> {
    const id = portfolio.id!
    const choice = await ui.confirm({
      title: 'Changed elsewhere',
      message: `"${portfolio.name || 'This portfolio'}" was saved elsewhere after you opened it (revision ${portfolio.revision} here). Keep your edits as a new portfolio, or reload the saved version and drop your edits.`,
      choices: [
        { id: 'copy', label: 'Keep mine as a copy', primary: true },
        { id: 'theirs', label: 'Reload theirs' },
        { id: 'cancel', label: 'Cancel' }
      ]
    })
    if (choice === 'theirs') {
      await open(id, true)
      await refresh()
      ui.notify({ kind: 'info', message: `Reloaded "${portfolio.name}" as saved elsewhere (revision ${portfolio.revision}).` }, 4000)
      return false
    }
    if (choice !== 'copy') return false
    const names = new Set(items.value.map((i) => i.name))
    let name = `${mine.name} (my copy)`
    for (let n = 2; names.has(name); n++) name = `${mine.name} (my copy ${n})`
    const r = await call('createPortfolio', { scenario: { ...mine, name } })
    if (!r.ok) {
      fail(r.error, 'Could not keep your copy')
      return false
    }
    await refresh()
    await show(r.value)
    ui.notify({ kind: 'info', message: `Kept your edits as "${name}"; the original is as saved elsewhere.` }, 5000)
    return true
  }

  async function duplicate(id: number): Promise<void> {
    const r = await call('duplicatePortfolio', { id })
    if (!r.ok) return fail(r.error, 'Could not duplicate')
    await refresh()
    await open(r.value.id)
  }

  async function rename(id: number, name: string): Promise<boolean> {
    const r = await call('renamePortfolio', { id, name })
    if (!r.ok) {
      fail(r.error, 'Could not rename')
      return false
    }
    if (portfolio.id === id) {
      // Keep unsaved edits: only the name and the base revision follow the store.
      const dirty = portfolio.dirty
      if (!dirty) portfolio.openPortfolio(r.value)
      else {
        portfolio.revision = r.value.revision
        portfolio.setField(['name'], r.value.name)
      }
      await loadRevisions()
    }
    await refresh()
    return true
  }

  /** Moves to the trash, with an Undo in the toast. */
  async function remove(id: number): Promise<void> {
    const item = items.value.find((i) => i.id === id)
    if (portfolio.id === id && !(await guard())) return
    const r = await call('deletePortfolio', { id })
    if (!r.ok) return fail(r.error, 'Could not delete')
    if (portfolio.id === id) {
      portfolio.close()
      revisions.value = []
    }
    await refresh()
    await refreshTrash()
    ui.notify({
      kind: 'info',
      message: `Deleted "${item?.name ?? 'portfolio'}".`,
      action: {
        label: 'Undo',
        run: async () => {
          const back = await call('restorePortfolio', { id })
          if (!back.ok) return fail(back.error, 'Could not undo the delete')
          ui.dismiss()
          await refresh()
          await open(id, true)
        }
      }
    })
  }

  async function restoreRevision(revision: number): Promise<void> {
    if (portfolio.id === null) return
    if (!(await guard())) return
    const r = await call('restoreRevision', { id: portfolio.id, revision })
    if (!r.ok) return fail(r.error, 'Could not restore')
    revisionView.value = null
    portfolio.openPortfolio(r.value)
    await Promise.all([refresh(), loadRevisions()])
    ui.notify({ kind: 'info', message: `Restored revision ${revision} as revision ${r.value.revision}.` }, 4000)
  }

  /** A scenario file's text (dropped, or chosen in main's dialog): accepted whole or refused whole. */
  async function importText(text: string, fileName: string): Promise<boolean> {
    importFailure.value = null
    const r = await call('importScenario', { text, fileName })
    if (!r.ok) {
      importFailure.value = { fileName, message: r.error.message, problems: r.error.problems ?? (r.error.path ? [{ path: r.error.path, message: r.error.message }] : []) }
      return false
    }
    await refresh()
    if (r.value.portfolio) {
      const opened = await open(r.value.portfolio.id)
      if (opened) ui.notify({ kind: 'info', message: `Imported "${r.value.portfolio.name}" from ${fileName}.` }, 4000)
    }
    return true
  }

  async function importFromDialog(): Promise<void> {
    const r = await call('openFile', { kind: 'scenario' })
    if (!r.ok) return fail(r.error, 'Could not open a file')
    if (r.value) await importText(r.value.text, r.value.fileName)
  }

  /** Opens the "Import from Binance…" dialog (account + positionRisk files, read as text there). */
  function importBinance(): void {
    ui.binanceImportOpen = true
  }

  /** The account import: refused whole (problems by file and path) or a new portfolio, opened. */
  async function importBinanceTexts(f: { account: { name: string; text: string }; positionRisk: { name: string; text: string }; settings?: { name: string; text: string } | null; openOrders?: { name: string; text: string } | null; name?: string }): Promise<{ ok: true } | { ok: false; message: string; problems: Problem[] }> {
    if (!(await guard())) return { ok: false, message: 'Cancelled: the open portfolio has unsaved changes.', problems: [] }
    const r = await call('importAccount', { accountText: f.account.text, positionRiskText: f.positionRisk.text, ...(f.settings ? { settingsText: f.settings.text } : {}), ...(f.openOrders ? { openOrdersText: f.openOrders.text } : {}), ...(f.name ? { name: f.name } : {}) })
    if (!r.ok) return { ok: false, message: r.error.message, problems: r.error.problems ?? (r.error.path ? [{ path: r.error.path, message: r.error.message }] : []) }
    await refresh()
    if (r.value.portfolio) {
      await open(r.value.portfolio.id, true, 'ladder')
      importNotes.value = { title: `Imported "${r.value.portfolio.name}" from ${f.account.name} and ${f.positionRisk.name}`, notes: r.value.notes }
    }
    return { ok: true }
  }

  // ---- trash ----------------------------------------------------------------------------------

  async function refreshTrash(): Promise<void> {
    const r = await call('listPortfolios', { trash: true })
    trash.value = r.ok ? r.value : []
  }

  async function restoreFromTrash(id: number): Promise<void> {
    const r = await call('restorePortfolio', { id })
    if (!r.ok) return fail(r.error, 'Could not restore')
    await Promise.all([refresh(), refreshTrash()])
    ui.notify({ kind: 'info', message: `Restored "${r.value.name}" from the trash.` }, 4000)
  }

  async function emptyTrash(): Promise<void> {
    if (trash.value.length === 0) return
    const n = trash.value.length
    const choice = await ui.confirm({
      title: 'Empty the trash?',
      message: `${n} deleted portfolio${n === 1 ? '' : 's'} and every revision of ${n === 1 ? 'it' : 'them'} will be gone for good. This cannot be undone.`,
      choices: [
        { id: 'cancel', label: 'Cancel' },
        { id: 'empty', label: `Delete ${n} for good` }
      ]
    })
    if (choice !== 'empty') return
    const r = await call('emptyTrash')
    if (!r.ok) return fail(r.error, 'Could not empty the trash')
    await refreshTrash()
    ui.notify({ kind: 'info', message: `Emptied the trash (${r.value.deleted} deleted for good).` }, 4000)
  }

  // ---- a past revision, read-only ---------------------------------------------------------------

  async function viewRevision(revision: number): Promise<void> {
    if (portfolio.id === null) return
    const r = await call('getRevision', { id: portfolio.id, revision })
    if (!r.ok) return fail(r.error, 'Could not open the revision')
    let result: CompareResult | null = null
    let error: string | null = null
    try {
      result = compareScenario(r.value.scenario)
    } catch (e) {
      error = e instanceof Error ? e.message : String(e)
    }
    revisionView.value = { revision: r.value.revision, savedAt: r.value.savedAt, reason: r.value.reason, scenario: r.value.scenario, result, error }
  }

  async function exportCurrent(): Promise<void> {
    if (portfolio.id === null) return
    if (portfolio.dirty && !(await guard())) return
    const r = await call('exportScenario', { id: portfolio.id })
    if (!r.ok) return fail(r.error, 'Could not export')
    if (r.value.saved) ui.notify({ kind: 'info', message: `Exported to ${r.value.fileName}.` }, 4000)
  }

  return {
    items,
    search,
    loaded,
    available,
    revisions,
    importFailure,
    busy,
    refresh,
    guard,
    open,
    create,
    save,
    duplicate,
    rename,
    remove,
    restoreRevision,
    importText,
    importFromDialog,
    importBinance,
    importBinanceTexts,
    importNotes,
    trash,
    showTrash,
    refreshTrash,
    restoreFromTrash,
    emptyTrash,
    revisionView,
    viewRevision,
    resolveConflict,
    exportCurrent,
    loadRevisions
  }
})
