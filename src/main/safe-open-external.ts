// The one place in src that may hand a URL to the OS (tests/main/security-open-external.test.ts
// greps the sources to keep it that way). Opening `file:`, `javascript:`, `data:` or a custom
// scheme through the shell can run programs, so only http(s) URLs without credentials pass.
// Electron's `shell` is injected, so this module runs (and is tested) under plain Node.

export interface ExternalOpener {
  openExternal(url: string): Promise<void>
}

/** The normalised URL to open, or null when the text is not a plain http(s) URL. */
export function parseSafeExternalUrl(text: string): string | null {
  if (typeof text !== 'string' || text.length === 0 || text.length > 2048) return null
  // Control characters and whitespace never belong in a link we open; the URL parser would
  // strip some of them silently.
  if (/[\u0000-\u0020\u007f]/.test(text)) return null
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  if (url.username !== '' || url.password !== '') return null
  if (url.hostname === '') return null
  return url.href
}

export function isSafeExternalUrl(text: string): boolean {
  return parseSafeExternalUrl(text) !== null
}

/** Opens the URL in the user's browser when it is safe; returns whether it was opened. */
export async function safeOpenExternal(text: string, shell: ExternalOpener): Promise<boolean> {
  const href = parseSafeExternalUrl(text)
  if (href === null) return false
  // Electronegativity flags every non-literal openExternal for review; reviewed: href was
  // parsed with URL above and is http(s) without credentials.
  await shell.openExternal(href) // eng-disable OPEN_EXTERNAL_JS_CHECK
  return true
}
