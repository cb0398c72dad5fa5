// Remembers the main window's size and position in userData/window-state.json.
// Plain Node (no electron import): index.ts passes the window and the displays' work areas in.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export const WINDOW_STATE_FILE = 'window-state.json'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  /** Absent: let the OS centre the window. */
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const MIN_WIDTH = 900
export const MIN_HEIGHT = 600
const MAX_SIDE = 16384

export const DEFAULT_WINDOW_STATE: Readonly<WindowState> = { width: 1280, height: 820, maximized: false }

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 100000

/** Whatever was in the file (or nothing) -> a usable state; never throws. */
export function parseWindowState(raw: unknown): WindowState {
  if (raw === null || typeof raw !== 'object') return { ...DEFAULT_WINDOW_STATE }
  const r = raw as Record<string, unknown>
  const width = isInt(r.width) ? Math.round(Math.min(Math.max(r.width, MIN_WIDTH), MAX_SIDE)) : DEFAULT_WINDOW_STATE.width
  const height = isInt(r.height) ? Math.round(Math.min(Math.max(r.height, MIN_HEIGHT), MAX_SIDE)) : DEFAULT_WINDOW_STATE.height
  const state: WindowState = { width, height, maximized: r.maximized === true }
  if (isInt(r.x) && isInt(r.y)) {
    state.x = Math.round(r.x)
    state.y = Math.round(r.y)
  }
  return state
}

function intersectionArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/**
 * Keeps a saved state usable on today's displays: a window whose title bar area is no longer
 * on any display (a monitor was unplugged) loses its position and is centred; a window larger
 * than the display it lands on shrinks to fit.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return { ...state }
  const fitted: WindowState = { ...state }
  let target = workAreas[0]
  if (fitted.x !== undefined && fitted.y !== undefined) {
    const rect = { x: fitted.x, y: fitted.y, width: fitted.width, height: fitted.height }
    // The top strip is what the user grabs to move the window back; require some of it visible.
    const titleStrip = { x: rect.x, y: rect.y, width: rect.width, height: 40 }
    const best = workAreas
      .map((area) => ({ area, overlap: intersectionArea(titleStrip, area) }))
      .sort((a, b) => b.overlap - a.overlap)[0]
    if (best.overlap < 40 * 100) {
      delete fitted.x
      delete fitted.y
    } else {
      target = best.area
    }
  }
  fitted.width = Math.min(fitted.width, target.width)
  fitted.height = Math.min(fitted.height, target.height)
  return fitted
}

export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState {
  let raw: unknown = null
  try {
    const text = readFileSync(file, 'utf8')
    if (text.length <= 4096) raw = JSON.parse(text)
  } catch {
    // Missing or corrupt: start from the defaults.
  }
  return fitToDisplays(parseWindowState(raw), workAreas)
}

/** Writes JSON to a temp file beside `file` and renames it over: a crash never leaves half a file. */
export function writeJsonAtomic(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`
  try {
    writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 })
    renameSync(tmp, file)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  writeJsonAtomic(file, parseWindowState(state))
}

/** The few BrowserWindow members the tracker needs (a real BrowserWindow satisfies this). */
export interface TrackableWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown
  getNormalBounds(): Rect
  isMaximized(): boolean
  isMinimized(): boolean
  isFullScreen(): boolean
}

export function captureWindowState(win: TrackableWindow): WindowState {
  const b = win.getNormalBounds()
  return parseWindowState({ ...b, maximized: win.isMaximized() })
}

/**
 * Saves the window state on close, and shortly after moves and resizes so a crash keeps the
 * last layout. Write errors are reported, never thrown into Electron's event loop.
 */
export function trackWindowState(
  win: TrackableWindow,
  save: (state: WindowState) => void,
  options: { debounceMs?: number; onError?: (e: unknown) => void } = {}
): { flush(): void } {
  const debounceMs = options.debounceMs ?? 500
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    if (win.isMinimized() || win.isFullScreen()) return
    try {
      save(captureWindowState(win))
    } catch (e) {
      options.onError?.(e)
    }
  }
  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(flush, debounceMs)
  }
  win.on('resize', schedule)
  win.on('move', schedule)
  win.on('close', flush)
  return { flush }
}
