// The e2e backend: serves the BUILT renderer (out/renderer) on 127.0.0.1, port 0, and answers
// window.api over loopback HTTP with the REAL main-process handlers (src/main/ipc-handlers.ts)
// registered through the real registerIpc (payload validation, error mapping) over a real
// SQLite library in a temp folder. Only the OS dialogs are replaced: "open" returns the file the
// test queued, "save" writes into the temp folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { bindHandlers, type FileAccess } from '../../src/main/ipc-handlers'
import { registerIpc, type IpcInvokeEventLike } from '../../src/main/ipc'
import { Library } from '../../src/main/store/library'
import { API_FUNCTIONS, type ApiFunctionName } from '../../src/shared/ipc/bridge'
import type { Scenario } from '../../src/shared/scenario'

const ROOT = resolve(import.meta.dirname, '../..')
export const RENDERER_DIR = join(ROOT, 'out/renderer')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown> | unknown

export interface TestServer {
  url: string
  dir: string
  dbPath: string
  exportDir: string
  library: Library
  /** Queue the path that the next "open file" dialog returns. */
  queueOpen(path: string): void
  /** Calls one api function as the renderer would (same validation and mapping). */
  callApi(name: ApiFunctionName, ...args: unknown[]): Promise<unknown>
  createPortfolio(scenario: Scenario): Promise<number>
  close(): Promise<void>
}

/** The script that defines window.api in the page before it loads: one fetch per named function. */
export function bridgeScript(): string {
  const names = Object.keys(API_FUNCTIONS)
  return `(() => {
    const names = ${JSON.stringify(names)};
    const api = {};
    for (const name of names) {
      // As the preload does: one request object, {} when the function takes none.
      api[name] = async (request) => {
        const r = await fetch('/api/' + name, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([request ?? {}]) });
        return r.json();
      };
    }
    Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
  })();`
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((res, rej) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => res(Buffer.concat(chunks).toString('utf8')))
    req.on('error', rej)
  })
}

export async function startTestServer(options: { rendererDir?: string; /** Sent as a Content-Security-Policy header with the page, as main's app:// handler does. */ headerCsp?: string } = {}): Promise<TestServer> {
  const rendererDir = options.rendererDir ?? RENDERER_DIR
  const dir = mkdtempSync(join(tmpdir(), 'mp-e2e-'))
  const exportDir = join(dir, 'exports')
  mkdirSync(exportDir)
  const dbPath = join(dir, 'library.sqlite')
  const library = Library.open(dbPath)
  const opens: string[] = []
  const files: FileAccess = {
    chooseOpen: async () => opens.shift() ?? null,
    chooseSave: async (name) => join(exportDir, name),
    takePending: () => undefined
  }
  const listeners = new Map<string, Listener>()
  registerIpc({ handle: (channel, listener) => listeners.set(channel, listener) }, bindHandlers({ library, files }), () => true, {
    onInternalError: (channel, e) => console.error(`[e2e server] ${channel}:`, e)
  })
  const event: IpcInvokeEventLike = { senderFrame: { url: 'app://renderer/index.html' } }
  const callApi = async (name: ApiFunctionName, ...args: unknown[]): Promise<unknown> => {
    const listener = listeners.get(API_FUNCTIONS[name])
    if (!listener) return { ok: false, error: { code: 'NOT_FOUND', message: `no channel for ${name}` } }
    return listener(event, ...args)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end()
      return
    }
    if (url.pathname.startsWith('/api/')) {
      const name = url.pathname.slice(5) as ApiFunctionName
      if (req.method !== 'POST' || !(name in API_FUNCTIONS)) {
        res.writeHead(404).end()
        return
      }
      const args = JSON.parse((await readBody(req)) || '[]') as unknown[]
      const out = await callApi(name, ...args)
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(out))
      return
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '')
    const file = normalize(join(rendererDir, rel))
    if (!file.startsWith(rendererDir + sep)) {
      res.writeHead(403).end()
      return
    }
    try {
      if (!statSync(file).isFile()) throw new Error('not a file')
      const type = TYPES[extname(file)] ?? 'application/octet-stream'
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...(options.headerCsp && (type.startsWith('text/html') || type.startsWith('text/javascript')) ? { 'content-security-policy': options.headerCsp } : {}) }).end(readFileSync(file))
    } catch {
      res.writeHead(404).end()
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('[e2e server]', e)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    dir,
    dbPath,
    exportDir,
    library,
    queueOpen: (p) => opens.push(p),
    callApi,
    async createPortfolio(scenario) {
      const r = (await callApi('createPortfolio', { scenario })) as { ok: boolean; value?: { id: number }; error?: { message: string } }
      if (!r.ok) throw new Error(r.error?.message)
      return r.value!.id
    },
    async close() {
      await new Promise<void>((r) => server.close(() => r()))
      library.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
