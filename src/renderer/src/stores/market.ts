// Market snapshots (through window.api): import Binance market files (leverageBracket or ccxt
// tiers, premiumIndex, assetIndex) as stored snapshots, list them, and apply one to the open
// portfolio (marks, indexes, buffers and brackets; positions untouched), then reload it.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { SnapshotSummary } from '../../../shared/ipc/library-types'
import type { Problem } from '../../../shared/scenario'
import { call } from '../api'
import { useLibraryStore } from './library'
import { usePortfolioStore } from './portfolio'
import { useUiStore } from './ui'

/** A text file as the renderer read it (a File's text; never a path). */
export interface TextFile {
  name: string
  text: string
}

export interface MarketImportReport {
  fileName: string
  ok: boolean
  /** e.g. "brackets: 12 symbols" or the refusal sentence. */
  message: string
  problems: Problem[]
}

export interface ApplyReport {
  snapshot: string
  symbolsUpdated: string[]
  assetsUpdated: string[]
  symbolsMissing: string[]
  assetsMissing: string[]
}

/** Largest market file read (a full bracket table of every symbol is ~2.5 MB). */
export const MAX_MARKET_BYTES = 64 * 1024 * 1024

export const useMarketStore = defineStore('market', () => {
  const ui = useUiStore()
  const portfolio = usePortfolioStore()
  const snapshots = ref<SnapshotSummary[]>([])
  const reports = shallowRef<MarketImportReport[]>([])
  const applied = shallowRef<ApplyReport | null>(null)
  const busy = ref(false)

  async function refresh(): Promise<void> {
    const r = await call('listSnapshots')
    if (r.ok) snapshots.value = r.value
  }

  /** Each file imported on its own (a refused file changes nothing); the new snapshots listed. */
  async function importFiles(files: TextFile[]): Promise<number[]> {
    busy.value = true
    const out: MarketImportReport[] = []
    const ids: number[] = []
    try {
      for (const f of files) {
        const r = await call('importMarket', { text: f.text, fileName: f.name })
        if (!r.ok) {
          out.push({ fileName: f.name, ok: false, message: r.error.message, problems: r.error.problems ?? (r.error.path ? [{ path: r.error.path, message: r.error.message }] : []) })
          continue
        }
        const v = r.value
        if (v.snapshot) ids.push(v.snapshot.id)
        const what = [v.symbols ? `${v.symbols} symbol${v.symbols === 1 ? '' : 's'}` : '', v.assets ? `${v.assets} asset${v.assets === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ')
        out.push({ fileName: f.name, ok: true, message: `${v.kind}: ${what || 'nothing'} as of ${v.asOf}`, problems: v.warnings })
      }
    } finally {
      busy.value = false
    }
    reports.value = out
    await refresh()
    return ids
  }

  /** Apply to the open portfolio: saves first when there are edits (asked), then reloads it. */
  async function apply(snapshotId: number): Promise<boolean> {
    const lib = useLibraryStore()
    const id = portfolio.id
    if (id === null) {
      ui.notify({ kind: 'error', message: 'Save this plan to the library first: a snapshot applies to a saved portfolio.' })
      return false
    }
    if (portfolio.dirty && !(await lib.guard())) return false
    busy.value = true
    try {
      const r = await call('applySnapshot', { snapshotId, portfolioId: id })
      if (!r.ok) {
        ui.notify({ kind: 'error', message: `Could not apply the snapshot: ${r.error.message}` })
        return false
      }
      const snap = snapshots.value.find((s) => s.id === snapshotId)
      applied.value = {
        snapshot: snap ? snap.name : `snapshot ${snapshotId}`,
        symbolsUpdated: r.value.symbolsUpdated,
        assetsUpdated: r.value.assetsUpdated,
        symbolsMissing: r.value.symbolsMissing,
        assetsMissing: r.value.assetsMissing
      }
      // Reload the portfolio as stored (a new revision).
      await lib.open(id, true)
      await lib.refresh()
      ui.notify({ kind: 'info', message: `Applied "${applied.value.snapshot}": ${r.value.symbolsUpdated.length} symbols, ${r.value.assetsUpdated.length} assets updated (revision ${r.value.portfolio.revision}).` }, 5000)
      return true
    } finally {
      busy.value = false
    }
  }

  async function remove(snapshotId: number): Promise<void> {
    const snap = snapshots.value.find((s) => s.id === snapshotId)
    const choice = await ui.confirm({
      title: 'Delete this snapshot?',
      message: `"${snap?.name ?? `snapshot ${snapshotId}`}" leaves the library. Portfolios it was applied to keep their prices.`,
      choices: [
        { id: 'cancel', label: 'Cancel' },
        { id: 'delete', label: 'Delete snapshot' }
      ]
    })
    if (choice !== 'delete') return
    const r = await call('deleteSnapshot', { id: snapshotId })
    if (!r.ok) ui.notify({ kind: 'error', message: `Could not delete the snapshot: ${r.error.message}` })
    await refresh()
  }

  return { snapshots, reports, applied, busy, refresh, importFiles, apply, remove }
})

/** Reads the text of chosen files (an <input type=file>), refusing ones too large. */
export async function readFiles(list: FileList | File[] | null | undefined, maxBytes = MAX_MARKET_BYTES): Promise<{ files: TextFile[]; tooLarge: string[] }> {
  const files: TextFile[] = []
  const tooLarge: string[] = []
  for (const f of Array.from(list ?? [])) {
    if (f.size > maxBytes) tooLarge.push(f.name)
    else files.push({ name: f.name, text: await f.text() })
  }
  return { files, tooLarge }
}
