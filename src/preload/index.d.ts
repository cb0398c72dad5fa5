// The renderer's `window.api` (built by src/preload/index.ts). Optional because the renderer
// also runs without Electron (component tests, the dev server in a browser); src/renderer/src/
// api.ts declares it the same way and turns a missing bridge into an UNAVAILABLE error.
import type { MarginPlannerApi } from '../shared/ipc/bridge'

declare global {
  interface Window {
    api?: MarginPlannerApi
  }
}

export {}
