// The renderer's only door to persistence and files: window.api, named async functions that
// resolve to { ok, value } or { ok: false, error } (src/shared/ipc/bridge.ts). The preload
// defines it in Electron; the e2e suite defines it over loopback HTTP.
import type { MarginPlannerApi } from '../../shared/ipc/bridge'
import type { IpcError, IpcResult } from '../../shared/ipc/errors'

declare global {
  interface Window {
    api?: MarginPlannerApi
  }
}

const missing: IpcError = { code: 'UNAVAILABLE', message: 'the library is not available (no window.api)' }

export function hasApi(): boolean {
  return typeof window !== 'undefined' && window.api !== undefined
}

/** Call a named function of window.api; a missing bridge or a thrown error becomes an IpcError. */
export async function call<K extends keyof MarginPlannerApi>(name: K, ...args: Parameters<MarginPlannerApi[K]>): Promise<IpcResult<Awaited<ReturnType<MarginPlannerApi[K]>> extends IpcResult<infer T> ? T : never>> {
  const api = typeof window !== 'undefined' ? window.api : undefined
  if (!api || typeof api[name] !== 'function') return { ok: false, error: missing }
  try {
    return (await (api[name] as (...a: unknown[]) => Promise<unknown>)(...args)) as never
  } catch (e) {
    return { ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } }
  }
}
