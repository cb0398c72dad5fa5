// The one open explain panel.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { Explanation } from '../logic/explain'

export const useExplainStore = defineStore('explain', () => {
  const current = shallowRef<Explanation | null>(null)
  /** The element to return focus to when the panel closes. */
  let opener: HTMLElement | null = null
  function open(e: Explanation, shown: string, from?: HTMLElement | null): void {
    opener = from ?? (document.activeElement as HTMLElement | null)
    current.value = { ...e, shown }
  }
  function close(): void {
    current.value = null
    opener?.focus?.()
    opener = null
  }
  return { current, open, close }
})
