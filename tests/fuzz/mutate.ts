// The fuzz tests' seeded mutator: real inputs changed by byte flips, truncation, insertions of
// hostile snippets (NULs, escape sequences, lone surrogates, invalid UTF-8), deep nesting,
// duplicated keys, huge numbers, and structural edits of the decoded JSON. Deterministic for a seed.

export type Rng = () => number

/** mulberry32: small, fast, good enough to explore inputs; the same seed replays the same run. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A seed for one target, derived from the run's seed and the target's name. */
export function targetSeed(seed: number, target: string): number {
  let h = seed >>> 0
  for (let i = 0; i < target.length; i++) h = Math.imul(h ^ target.charCodeAt(i), 16777619) >>> 0
  return h
}

export const int = (rng: Rng, n: number): number => Math.floor(rng() * n)
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)]!

/** Text that breaks readers: control characters, bidi overrides, surrogates, JSON punctuation, odd numbers. */
const SNIPPETS = [
  '\u0000', '\u0000\u0000\u0000\u0000', '\u001b[31m', '\u001b]0;title\u0007', '\u007f', '\u0085', '\u009b', '\u202e', '\u2066', '\u2028', '\u2029', '\ufeff',
  '\ud800', '\udfff', '\ud83d\ude00', '\ufffd', '\r', '\r\n', '\t', '\n\n',
  '"', '\\', '\\u0000', '\\ud800', '\\u001b', '\\"', '{', '}', '[', ']', ',', ':', '{}', '[]', '""', ',,', '::',
  '-', '-0', '0', '00', '1e999999', '-1e-999999', '9'.repeat(400), '0.' + '0'.repeat(60) + '1', '1.5e-7', 'NaN', 'Infinity', '0x10', '+1',
  'null', 'true', 'false', '"__proto__": {"polluted": 1}, ', '"constructor": 1, ', '"toString": "x", ', '"extensions": {}, '
] as const

const HUGE_NUMBERS = ['1e999999', '-1e999999', '1e-999999', '1e900000000', '-1E-900000000', '1e9000000000000000', '9'.repeat(400), '-' + '9'.repeat(60) + '.' + '9'.repeat(60), '9007199254740993', '-0', '0e0', '1E+2'] as const

/** A text mutation; its name goes into the failure report. */
export type Mutation = { kind: string; text: string }

const utf8 = new TextEncoder()
const lenient = new TextDecoder('utf-8', { fatal: false })

export function mutateText(text: string, rng: Rng): Mutation {
  const at = (): number => int(rng, text.length + 1)
  const roll = int(rng, 11)
  switch (roll) {
    case 0: {
      // Byte flips, decoded as an app would (invalid UTF-8 becomes U+FFFD).
      const bytes = utf8.encode(text)
      for (let k = 1 + int(rng, 4); k > 0 && bytes.length > 0; k--) bytes[int(rng, bytes.length)] = int(rng, 256)
      return { kind: 'byte flips', text: lenient.decode(bytes) }
    }
    case 1: {
      const i = at()
      return { kind: 'truncation', text: text.slice(0, i) }
    }
    case 2: {
      const i = at()
      return { kind: 'deletion', text: text.slice(0, i) + text.slice(Math.min(text.length, i + 1 + int(rng, 40))) }
    }
    case 3:
    case 4: {
      const i = at()
      return { kind: 'insertion', text: text.slice(0, i) + pick(rng, SNIPPETS) + text.slice(i) }
    }
    case 5: {
      // Deep nesting where a value starts (after a colon or an opening bracket).
      const depth = pick(rng, [3, 40, 300, 5_000, 200_000])
      const open = rng() < 0.5 ? '[' : '{"a":'
      const starts = [...text.matchAll(/[:[]\s*/g)].map((m) => m.index! + m[0].length)
      const i = starts.length > 0 ? pick(rng, starts) : 0
      const close = rng() < 0.5 ? (open === '[' ? ']' : '}').repeat(depth) : ''
      return { kind: `nesting ${depth}`, text: text.slice(0, i) + open.repeat(depth) + '1' + close + text.slice(i).replace(/^[^,}\]]*/, '') }
    }
    case 6: {
      // A key written twice in the same object.
      const keys = [...text.matchAll(/"([^"\\\n]{1,40})"\s*:\s*("[^"\\\n]*"|-?[0-9.eE+-]+|true|false|null)/g)]
      if (keys.length === 0) return { kind: 'insertion', text: pick(rng, SNIPPETS) + text }
      const m = pick(rng, keys)
      const end = m.index! + m[0].length
      return { kind: `duplicate key ${m[1]}`, text: `${text.slice(0, end)}, ${m[0]}${text.slice(end)}` }
    }
    case 7: {
      // A number (or a decimal string) replaced by a huge, tiny or exponent one.
      const numbers = [...text.matchAll(/-?[0-9]+(\.[0-9]+)?/g)]
      if (numbers.length === 0) return { kind: 'truncation', text: text.slice(0, at()) }
      const m = pick(rng, numbers)
      return { kind: 'huge number', text: text.slice(0, m.index!) + pick(rng, HUGE_NUMBERS) + text.slice(m.index! + m[0].length) }
    }
    case 8: {
      // A slice of the file copied elsewhere (repeated members, keys and brackets).
      const i = at()
      const j = Math.min(text.length, i + int(rng, 200))
      const k = at()
      return { kind: 'duplicated slice', text: text.slice(0, k) + text.slice(i, j) + text.slice(k) }
    }
    case 9: {
      // Raw bytes: a run of NULs, 0xFF or a cut multi-byte sequence, as bytes, not characters.
      const bytes = utf8.encode(text)
      const i = int(rng, bytes.length + 1)
      const junk = pick(rng, [new Uint8Array(int(rng, 64) + 1), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xc3]), new Uint8Array([0xe2, 0x82]), new Uint8Array([0xed, 0xa0, 0x80])])
      const out = new Uint8Array(bytes.length + junk.length)
      out.set(bytes.subarray(0, i))
      out.set(junk, i)
      out.set(bytes.subarray(i), i + junk.length)
      return { kind: 'raw bytes', text: lenient.decode(out) }
    }
    default:
      return { kind: 'whole file', text: pick(rng, ['', ' ', '\u0000'.repeat(int(rng, 4096) + 1), '\ufeff', 'null', '[]', '{}', '"x"', '0', '['.repeat(200_000), '{"a":'.repeat(100_000)]) }
  }
}

/** Any JSON value, hostile ones over-represented. */
export function randomValue(rng: Rng, depth = 0): unknown {
  switch (int(rng, depth > 2 ? 8 : 11)) {
    case 0: return null
    case 1: return rng() < 0.5
    case 2: return pick(rng, [0, -0, 1, -1, 0.5, 1e21, 1e-7, 2 ** 53 + 2, -1e308, 75, 3.14159, Number.MAX_SAFE_INTEGER])
    case 3: return pick(rng, ['', '0', '-0', '1', '0.01', '-5', '1e5', ' 1', '1 ', '0x10', '60000', '00.1', '.5', '5.', '+1', '١٢٣', '9'.repeat(300)])
    case 4: return pick(rng, ['BTCUSDT', 'USDT', 'long', 'short', 'cross', 'isolated', 'one-way', 'hedge', 'single-asset', 'multi-assets', 'BOTH', 'LONG', 'SHORT', 'margin-planner/scenario'])
    case 5: return pick(rng, SNIPPETS) + pick(rng, ['', 'BTCUSDT', '1'])
    case 6: return 'x'.repeat(int(rng, 3) === 0 ? 70_000 : int(rng, 300))
    case 7: return pick(rng, ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
    case 8: return Array.from({ length: int(rng, 4) }, () => randomValue(rng, depth + 1))
    case 9: return Object.fromEntries(Array.from({ length: int(rng, 4) }, () => [pick(rng, ['a', 'symbol', 'brackets', 'markPrice', '__proto__', '\u0000', 'id', 'text']), randomValue(rng, depth + 1)]))
    default: {
      let v: unknown = 1
      for (let d = pick(rng, [10, 300, 1_000]); d > 0; d--) v = [v]
      return v
    }
  }
}

type Container = Record<string, unknown> | unknown[]

/** Every object and array inside a value, with the key of each member. */
function containers(value: unknown, out: { holder: Container; key: string | number }[] = [], depth = 0): { holder: Container; key: string | number }[] {
  if (depth > 50 || typeof value !== 'object' || value === null) return out
  const holder = value as Container
  for (const key of Array.isArray(holder) ? holder.keys() : Object.keys(holder)) {
    out.push({ holder, key })
    containers((holder as Record<string | number, unknown>)[key], out, depth + 1)
  }
  return out
}

/** A structural edit of a decoded value (a deep copy): a member replaced, removed, renamed or duplicated. */
export function mutateValue<T>(value: T, rng: Rng): { kind: string; value: unknown } {
  const copy = structuredClone(value) as unknown
  const members = containers(copy)
  if (members.length === 0 || rng() < 0.05) return { kind: 'replaced whole', value: randomValue(rng) }
  let kind = ''
  for (let edits = 1 + int(rng, 3); edits > 0; edits--) {
    const { holder, key } = pick(rng, members)
    const h = holder as Record<string | number, unknown>
    const roll = int(rng, 6)
    if (roll <= 2) {
      h[key] = randomValue(rng)
      kind += `set ${String(key)}; `
    } else if (roll === 3) {
      if (Array.isArray(holder)) holder.splice(key as number, 1)
      else delete h[key]
      kind += `removed ${String(key)}; `
    } else if (roll === 4 && !Array.isArray(holder)) {
      const v = h[key]
      delete h[key]
      h[`${String(key)}${pick(rng, ['_', 'X', '\u0000', ' '])}`] = v
      kind += `renamed ${String(key)}; `
    } else {
      if (Array.isArray(holder)) holder.push(structuredClone(holder[key as number]))
      else h[key] = typeof h[key] === 'string' ? Number(h[key]) : String(h[key])
      kind += `retyped or repeated ${String(key)}; `
    }
  }
  return { kind, value: copy }
}
