// Positions from a CSV (header symbol,side,quantity,entryPrice,leverage,marginType,isolatedWallet):
// download the template; import as a dry run first (a preview of what is added, changed and
// removed, or every problem by CSV row and column), then confirm replace or append. The import
// goes to the stored portfolio (a new revision), which is then reloaded.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { PositionsCsvPreview } from '../../../shared/ipc/library-types'
import type { Problem } from '../../../shared/scenario'
import { call } from '../api'
import { useLibraryStore } from './library'
import { usePortfolioStore } from './portfolio'
import { useUiStore } from './ui'

export type CsvMode = 'replace' | 'append'

export const usePositionsCsvStore = defineStore('positionsCsv', () => {
  const ui = useUiStore()
  const portfolio = usePortfolioStore()
  /** The chosen file, kept until confirmed or cancelled. */
  const file = shallowRef<{ name: string; text: string } | null>(null)
  const mode = ref<CsvMode>('replace')
  const preview = shallowRef<PositionsCsvPreview | null>(null)
  const problems = shallowRef<Problem[]>([])
  const message = ref('')
  const busy = ref(false)

  /** Saves the template through a download (a Blob; nothing leaves the machine). */
  async function downloadTemplate(): Promise<void> {
    const r = await call('positionsCsvTemplate')
    if (!r.ok) return ui.notify({ kind: 'error', message: `Could not make the template: ${r.error.message}` })
    const url = URL.createObjectURL(new Blob([r.value.text], { type: 'text/csv' }))
    const a = document.createElement('a')
    a.href = url
    a.download = r.value.fileName
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10000)
  }

  async function dryRun(): Promise<void> {
    if (!file.value || portfolio.id === null) return
    busy.value = true
    try {
      const r = await call('importPositionsCsv', { id: portfolio.id, text: file.value.text, mode: mode.value, dryRun: true, ...(portfolio.revision ? { baseRevision: portfolio.revision } : {}) })
      if (r.ok) {
        preview.value = r.value.preview
        problems.value = []
        message.value = ''
      } else {
        preview.value = null
        message.value = r.error.message
        problems.value = r.error.problems ?? (r.error.path ? [{ path: r.error.path, message: r.error.message }] : [])
      }
    } finally {
      busy.value = false
    }
  }

  /** A chosen CSV: the open portfolio must be saved first (asked), then a dry run. */
  async function load(name: string, text: string): Promise<void> {
    if (portfolio.id === null) {
      ui.notify({ kind: 'error', message: 'Save this plan to the library first: a CSV imports into a saved portfolio.' })
      return
    }
    if (portfolio.dirty && !(await useLibraryStore().guard())) return
    if (portfolio.dirty) return
    file.value = { name, text }
    await dryRun()
  }

  async function setMode(m: CsvMode): Promise<void> {
    mode.value = m
    await dryRun()
  }

  async function confirm(): Promise<boolean> {
    if (!file.value || !preview.value || portfolio.id === null) return false
    const id = portfolio.id
    busy.value = true
    try {
      const r = await call('importPositionsCsv', { id, text: file.value.text, mode: mode.value, ...(portfolio.revision ? { baseRevision: portfolio.revision } : {}) })
      if (!r.ok) {
        message.value = r.error.code === 'CONFLICT' ? `${r.error.message} Reopen the portfolio and import again.` : r.error.message
        problems.value = r.error.problems ?? []
        return false
      }
      const n = r.value.preview.rows
      const verb = mode.value === 'replace' ? 'Replaced the positions with' : 'Appended'
      cancel()
      await useLibraryStore().open(id, true)
      await useLibraryStore().refresh()
      ui.notify({ kind: 'info', message: `${verb} ${n} position${n === 1 ? '' : 's'} from the CSV (revision ${portfolio.revision}).` }, 5000)
      return true
    } finally {
      busy.value = false
    }
  }

  function cancel(): void {
    file.value = null
    preview.value = null
    problems.value = []
    message.value = ''
  }

  return { file, mode, preview, problems, message, busy, downloadTemplate, load, setMode, confirm, cancel }
})
