// Preload (sandboxed, CommonJS): exposes `window.api`, one named function per IPC channel
// (src/shared/ipc/bridge.ts) and onAppEvent for main's fixed notifications. Never exposes
// ipcRenderer, process, fs or a generic invoke: each function is bound to its own channel.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { API_FUNCTIONS, type MarginPlannerApi } from '../shared/ipc/bridge'
import { APP_EVENTS, type AppEvent } from '../shared/ipc/events'

const api: Record<string, unknown> = {}
for (const [name, channel] of Object.entries(API_FUNCTIONS)) {
  // `?? {}`: no-argument functions (listSnapshots(), emptyTrash()…) send the empty request.
  api[name] = (request?: unknown) => ipcRenderer.invoke(channel, request ?? {})
}

api.onAppEvent = (listener: (event: AppEvent) => void): (() => void) => {
  if (typeof listener !== 'function') throw new TypeError('onAppEvent needs a function')
  const subscriptions = APP_EVENTS.map((name) => {
    // The IpcRendererEvent (with its sender) stays here; the page gets the name only.
    const wrapped = (_event: IpcRendererEvent): void => listener(name)
    ipcRenderer.on(name, wrapped)
    return () => void ipcRenderer.removeListener(name, wrapped)
  })
  return () => subscriptions.forEach((off) => off())
}

contextBridge.exposeInMainWorld('api', Object.freeze(api as MarginPlannerApi))
