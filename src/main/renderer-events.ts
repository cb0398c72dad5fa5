// Main -> renderer notifications. Fixed names only: the preload subscribes to exactly these,
// and no payload carries a file path the renderer could send back.
// (The IPC engineer may move this list into src/shared/ipc; it has no imports so either side
// can use it.)

/** Sent by the application menu; the renderer runs the matching action. */
export const MENU_EVENTS = [
  'menu:new',
  'menu:open',
  'menu:save',
  'menu:save-as',
  'menu:import-market',
  'menu:import-account',
  'menu:export-report'
] as const

/**
 * Sent when main has queued a scenario file opened from outside (command line, second instance,
 * macOS open-file, File > Open Recent). The renderer answers by asking main, over IPC, to open
 * "the pending file"; main takes the path from its own queue.
 */
export const FILE_OPEN_PENDING_EVENT = 'file:open-pending'

export const RENDERER_EVENTS = [...MENU_EVENTS, FILE_OPEN_PENDING_EVENT] as const

export type MenuEvent = (typeof MENU_EVENTS)[number]
export type RendererEvent = (typeof RENDERER_EVENTS)[number]

export function isRendererEvent(name: unknown): name is RendererEvent {
  return typeof name === 'string' && (RENDERER_EVENTS as readonly string[]).includes(name)
}
