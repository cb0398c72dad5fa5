// Main → renderer notifications the preload lets through: fixed names, no payload (so nothing a
// renderer could send back as a path). Mirrors src/main/renderer-events.ts (a test keeps the two
// lists equal); here so the preload and the renderer need nothing from src/main.
export const APP_EVENTS = [
  'menu:new',
  'menu:open',
  'menu:save',
  'menu:save-as',
  'menu:import-market',
  'menu:import-account',
  'menu:export-report',
  'file:open-pending'
] as const

export type AppEvent = (typeof APP_EVENTS)[number]
