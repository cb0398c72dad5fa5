// The Trusted Types default policy (src/renderer/src/trusted-types.ts) passes script URLs of the
// app's own origin (the slider worker) and refuses every other.
import { describe, expect, it } from 'vitest'
import { sameOriginScriptUrl } from '../../src/renderer/src/trusted-types'

describe('Trusted Types default policy', () => {
  it('passes the worker script of our own origin, resolved', () => {
    expect(sameOriginScriptUrl('./assets/slider.worker-B2Anje4i.js', 'app://renderer/index.html')).toBe('app://renderer/assets/slider.worker-B2Anje4i.js')
    expect(sameOriginScriptUrl('http://127.0.0.1:5/assets/w.js', 'http://127.0.0.1:5/')).toBe('http://127.0.0.1:5/assets/w.js')
  })

  it('refuses another origin, data: and blob: script URLs', () => {
    for (const url of ['https://evil.example/w.js', 'app://other/w.js', 'data:text/javascript,1', 'blob:app://renderer/123', '//evil.example/w.js', 'javascript:1']) {
      expect(() => sameOriginScriptUrl(url, 'app://renderer/index.html'), url).toThrow(/outside the app/)
    }
  })
})
