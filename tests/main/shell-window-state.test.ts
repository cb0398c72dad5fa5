import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  parseWindowState,
  saveWindowState,
  trackWindowState,
  type Rect,
  type TrackableWindow
} from '../../src/main/window-state'

const FHD: Rect = { x: 0, y: 0, width: 1920, height: 1080 }
const RIGHT: Rect = { x: 1920, y: 0, width: 2560, height: 1440 }

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mp-winstate-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('parseWindowState', () => {
  it('falls back to defaults for junk', () => {
    for (const raw of [null, undefined, 42, 'x', [], { width: 'wide' }, { width: NaN, height: Infinity }]) {
      expect(parseWindowState(raw)).toEqual(DEFAULT_WINDOW_STATE)
    }
  })

  it('keeps a sane state, rounds, clamps to the minimum size', () => {
    expect(parseWindowState({ x: 10.4, y: 20.6, width: 1400, height: 900, maximized: true })).toEqual({
      x: 10,
      y: 21,
      width: 1400,
      height: 900,
      maximized: true
    })
    expect(parseWindowState({ width: 10, height: 10 })).toEqual({ width: MIN_WIDTH, height: MIN_HEIGHT, maximized: false })
  })

  it('drops a half position', () => {
    expect(parseWindowState({ x: 5, width: 1000, height: 700 })).toEqual({ width: 1000, height: 700, maximized: false })
  })
})

describe('fitToDisplays', () => {
  it('keeps a window that is on a display', () => {
    const s = { x: 2000, y: 100, width: 1400, height: 900, maximized: false }
    expect(fitToDisplays(s, [FHD, RIGHT])).toEqual(s)
  })

  it('centres a window whose display is gone', () => {
    expect(fitToDisplays({ x: 2000, y: 100, width: 1400, height: 900, maximized: false }, [FHD])).toEqual({
      width: 1400,
      height: 900,
      maximized: false
    })
  })

  it('centres a window whose title bar is above the screen', () => {
    expect(fitToDisplays({ x: 100, y: -500, width: 1000, height: 800, maximized: false }, [FHD])).not.toHaveProperty('x')
  })

  it('shrinks a window larger than its display', () => {
    expect(fitToDisplays({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [FHD])).toMatchObject({ width: 1920, height: 1080 })
  })
})

describe('load and save', () => {
  it('round-trips through the file, written via a temp file and rename', () => {
    const file = join(dir, 'nested', 'window-state.json')
    saveWindowState(file, { x: 50, y: 60, width: 1300, height: 850, maximized: false })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 50, y: 60, width: 1300, height: 850, maximized: false })
    expect(readdirSync(join(dir, 'nested'))).toEqual(['window-state.json'])
    expect(loadWindowState(file, [FHD])).toEqual({ x: 50, y: 60, width: 1300, height: 850, maximized: false })
  })

  it('uses the defaults for a missing or corrupt file', () => {
    expect(loadWindowState(join(dir, 'missing.json'), [FHD])).toEqual(DEFAULT_WINDOW_STATE)
    const file = join(dir, 'window-state.json')
    writeFileSync(file, '{"width": 1300, "hei')
    expect(loadWindowState(file, [FHD])).toEqual(DEFAULT_WINDOW_STATE)
  })

  it('leaves the old file whole when the write fails', () => {
    const file = join(dir, 'window-state.json')
    saveWindowState(file, { width: 1000, height: 700, maximized: false })
    // Renaming onto a non-empty directory fails after the temp file was written.
    mkdirSync(join(dir, 'blocked.json'))
    writeFileSync(join(dir, 'blocked.json', 'keep'), '')
    expect(() => saveWindowState(join(dir, 'blocked.json'), DEFAULT_WINDOW_STATE)).toThrow()
    expect(JSON.parse(readFileSync(file, 'utf8')).width).toBe(1000)
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })
})

describe('trackWindowState', () => {
  class FakeWindow implements TrackableWindow {
    listeners = new Map<string, () => void>()
    bounds: Rect = { x: 1, y: 2, width: 1100, height: 700 }
    maximized = false
    minimized = false
    fullScreen = false
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener)
      return this
    }
    emit(event: string) {
      this.listeners.get(event)?.()
    }
    getNormalBounds() {
      return this.bounds
    }
    isMaximized() {
      return this.maximized
    }
    isMinimized() {
      return this.minimized
    }
    isFullScreen() {
      return this.fullScreen
    }
  }

  it('saves on close, and after moves once they settle', () => {
    vi.useFakeTimers()
    try {
      const win = new FakeWindow()
      const save = vi.fn()
      trackWindowState(win, save, { debounceMs: 100 })
      win.emit('move')
      win.emit('resize')
      expect(save).not.toHaveBeenCalled()
      vi.advanceTimersByTime(100)
      expect(save).toHaveBeenCalledTimes(1)
      win.maximized = true
      win.emit('close')
      expect(save).toHaveBeenLastCalledWith({ x: 1, y: 2, width: 1100, height: 700, maximized: true })
    } finally {
      vi.useRealTimers()
    }
  })

  it('does not record a minimised or full-screen window, and reports write errors', () => {
    const win = new FakeWindow()
    const onError = vi.fn()
    const save = vi.fn(() => {
      throw new Error('disk full')
    })
    trackWindowState(win, save, { onError })
    win.minimized = true
    win.emit('close')
    expect(save).not.toHaveBeenCalled()
    win.minimized = false
    win.emit('close')
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('writes a real file through saveWindowState', () => {
    const file = join(dir, 'window-state.json')
    const win = new FakeWindow()
    trackWindowState(win, (s) => saveWindowState(file, s))
    win.emit('close')
    expect(existsSync(file)).toBe(true)
  })
})
