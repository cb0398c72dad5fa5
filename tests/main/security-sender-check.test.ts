// Only the top frame of our app:// page (or, unpackaged, the loopback dev server) may call main.
import { describe, expect, it } from 'vitest'
import { isTrustedRendererUrl, isTrustedSenderFrame } from '../../src/main/sender-check'

describe('isTrustedSenderFrame', () => {
  it('accepts the top frame of app://renderer', () => {
    expect(isTrustedSenderFrame({ url: 'app://renderer/index.html', parent: null })).toBe(true)
    expect(isTrustedSenderFrame({ url: 'app://renderer/index.html#/x' })).toBe(true)
  })

  it('refuses sub-frames, other origins, missing frames', () => {
    expect(isTrustedSenderFrame({ url: 'app://renderer/index.html', parent: {} })).toBe(false)
    expect(isTrustedSenderFrame(null)).toBe(false)
    expect(isTrustedSenderFrame(undefined)).toBe(false)
    for (const url of [
      'app://evil/index.html',
      'app://renderer.evil/index.html',
      'app://renderer:1/index.html',
      'app://x@renderer/index.html',
      'file:///app/out/renderer/index.html',
      'https://renderer/index.html',
      'http://localhost:5173/',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
      ''
    ]) {
      expect(isTrustedSenderFrame({ url, parent: null }), url).toBe(false)
    }
  })

  it('accepts the dev server only when its origin is given', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5174/index.html', 'http://localhost:5173')).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', null)).toBe(false)
  })
})
