// Trusted Types (the CSP's require-trusted-types-for 'script', src/main/renderer-csp.ts): every
// string that would become HTML, script or a script URL must come from a named policy. Vue makes
// its own ("vue", for the static parts of compiled templates). The only script URL this app
// creates at run time is its slider worker's (stores/comparison.ts), so the default policy lets
// through script URLs of our own origin and nothing else: no HTML, no script text.
interface TrustedTypePolicyFactoryLike {
  createPolicy(name: string, rules: { createScriptURL?: (input: string) => string }): unknown
}

const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactoryLike }).trustedTypes

/** A script URL is allowed when it resolves to this page's own origin (app://renderer). */
export function sameOriginScriptUrl(input: string, base: string = location.href): string {
  const url = new URL(input, base)
  const page = new URL(base)
  // Scheme and host, not URL.origin: for a custom scheme like app: the origin may read "null".
  if (url.protocol !== page.protocol || url.host !== page.host || url.host === '') {
    throw new TypeError(`script URL outside the app refused: ${url.protocol}//${url.host}`)
  }
  return url.href
}

if (factory) factory.createPolicy('default', { createScriptURL: (input) => sameOriginScriptUrl(input) })
