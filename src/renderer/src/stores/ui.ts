// Screen state shared across components: the tab, the toast (with an undo action), the confirm dialog.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'

export type Tab = 'ladder' | 'shocks' | 'breakdown' | 'balances' | 'positions' | 'market' | 'grid' | 'plan'
export const TABS: { id: Tab; label: string }[] = [
  { id: 'ladder', label: 'Positions & liquidation' },
  { id: 'shocks', label: 'Shock explorer' },
  { id: 'breakdown', label: 'Breakdown' },
  { id: 'balances', label: 'Balances' },
  { id: 'positions', label: 'Positions' },
  { id: 'market', label: 'Market data' },
  { id: 'grid', label: 'Stress grid' },
  { id: 'plan', label: 'Plan' }
]

export interface Toast {
  message: string
  kind: 'info' | 'error'
  action?: { label: string; run: () => void | Promise<void> }
}

export interface ConfirmRequest {
  title: string
  message: string
  /** Buttons, first is the default. */
  choices: { id: string; label: string; primary?: boolean }[]
  resolve: (id: string) => void
}

export const useUiStore = defineStore('ui', () => {
  const tab = ref<Tab>('ladder')
  const toast = shallowRef<Toast | null>(null)
  const confirmRequest = shallowRef<ConfirmRequest | null>(null)
  /** The "Import from Binance…" dialog. */
  const binanceImportOpen = ref(false)
  let toastTimer: ReturnType<typeof setTimeout> | null = null

  function notify(t: Toast, ms = 8000): void {
    if (toastTimer) clearTimeout(toastTimer)
    toast.value = t
    toastTimer = setTimeout(() => (toast.value = null), ms)
  }
  function dismiss(): void {
    toast.value = null
  }
  function confirm(req: Omit<ConfirmRequest, 'resolve'>): Promise<string> {
    return new Promise((resolve) => {
      confirmRequest.value = {
        ...req,
        resolve: (id) => {
          confirmRequest.value = null
          resolve(id)
        }
      }
    })
  }
  return { tab, toast, confirmRequest, binanceImportOpen, notify, dismiss, confirm }
})
