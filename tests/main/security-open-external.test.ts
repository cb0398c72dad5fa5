// shell.openExternal only through safeOpenExternal, and that helper only opens http(s).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { isSafeExternalUrl, parseSafeExternalUrl, safeOpenExternal } from '../../src/main/safe-open-external'
import { externalLinkAction, isAllowedExternalLink } from '../../src/main/security'

const fakeShell = () => ({ openExternal: vi.fn(async (_url: string) => {}) })

describe('safeOpenExternal', () => {
  it('opens https and http URLs, normalised', async () => {
    const shell = fakeShell()
    expect(await safeOpenExternal('https://www.binance.com/en/support/faq/29b45c485d664028b9ca1cdf90b24f6f', shell)).toBe(true)
    expect(await safeOpenExternal('HTTP://Example.COM', shell)).toBe(true)
    expect(shell.openExternal.mock.calls).toEqual([
      ['https://www.binance.com/en/support/faq/29b45c485d664028b9ca1cdf90b24f6f'],
      ['http://example.com/']
    ])
  })

  it.each([
    'file:///etc/passwd',
    'file://C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ms-msdt:/id PCWDiagnostic',
    'smb://attacker/share',
    'ftp://example.com/',
    'mailto:a@example.com',
    'app://renderer/index.html',
    'custom-scheme://run?cmd=x',
    'steam://run/1',
    '\\\\attacker\\share',
    '/etc/passwd',
    'www.example.com',
    'https://user:pw@example.com/',
    ' https://example.com/',
    'https://example.com/\n',
    'https://exa\tmple.com/',
    '',
    'https://' + 'a'.repeat(3000) + '.com'
  ])('refuses %j', async (url) => {
    const shell = fakeShell()
    expect(isSafeExternalUrl(url)).toBe(false)
    expect(await safeOpenExternal(url, shell)).toBe(false)
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('refuses non-strings', () => {
    expect(parseSafeExternalUrl(undefined as unknown as string)).toBeNull()
    expect(parseSafeExternalUrl({} as unknown as string)).toBeNull()
  })
})

describe('links leaving the window', () => {
  it('opens only Binance FAQ pages in the browser', () => {
    expect(externalLinkAction('https://www.binance.com/en/support/faq/f80415bea8124f6494566f23c0bf9c38')).toBe('open-in-browser')
    expect(isAllowedExternalLink('https://www.binance.com/en/support/faq/')).toBe(true)
    for (const url of [
      'https://www.binance.com.evil.example/en/support/faq/x',
      'https://www.binance.com/en/trade/BTC_USDT',
      'http://www.binance.com/en/support/faq/x',
      'https://evil.example/',
      'app://renderer/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)'
    ]) {
      expect(externalLinkAction(url), url).toBe('deny')
    }
  })
})

describe('sources', () => {
  const srcDir = join(import.meta.dirname, '../../src')
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name)
      if (statSync(p).isDirectory()) walk(p)
      else if (/\.(ts|mts|cts|js|mjs|cjs|vue|html)$/.test(name)) files.push(p)
    }
  }
  walk(srcDir)

  it('call openExternal only inside safe-open-external.ts', () => {
    const offenders = files
      .filter((p) => relative(srcDir, p).split('\\').join('/') !== 'main/safe-open-external.ts')
      .filter((p) => /\bopenExternal\b/.test(readFileSync(p, 'utf8')))
      .map((p) => relative(srcDir, p))
    expect(offenders).toEqual([])
  })

  it('the helper itself calls it exactly once', () => {
    const text = readFileSync(join(srcDir, 'main/safe-open-external.ts'), 'utf8')
    expect(text.match(/\.openExternal\(/g)).toHaveLength(1)
  })
})
