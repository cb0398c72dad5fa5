// Files on disk for the main process and the CLI: size-capped reads (stat first, then read at
// most the cap) and atomic writes (temp file in the same folder, fsync, rename, fsync the
// folder), so a crash or a full disk never leaves a half-written scenario. Dialogs are
// electron's and are wired in index.ts; this module never imports electron.
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { fsyncDir } from './durable'
import { LibraryError } from './store/errors'

/** A file that cannot be read as asked: BAD_INPUT with the problem at `(file)`. */
function fileProblem(path: string, message: string): LibraryError {
  return new LibraryError('BAD_INPUT', `${path}: ${message}`, [{ path: '(file)', message }])
}

/** Reads a UTF-8 text file of at most maxBytes. The size is checked before a byte is read. */
export function readTextFileCapped(path: string, maxBytes: number): string {
  let size: number
  try {
    const st = statSync(path)
    if (!st.isFile()) throw fileProblem(path, 'not a regular file')
    size = st.size
  } catch (e) {
    if (e instanceof LibraryError) throw e
    throw fileProblem(path, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read: ${(e as Error).message}`)
  }
  if (size > maxBytes) throw fileProblem(path, `the file is ${size} bytes; at most ${maxBytes} are read`)
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (e) {
    throw fileProblem(path, `cannot read: ${(e as Error).message}`)
  }
  try {
    // The file may have grown since stat: read at most maxBytes + 1 and refuse if it did.
    const limit = Math.min(maxBytes + 1, Math.max(fstatSync(fd).size, size) + 1)
    const buf = Buffer.alloc(limit)
    let got = 0
    for (;;) {
      const n = readSync(fd, buf, got, limit - got, null)
      if (n === 0) break
      got += n
      if (got === limit) break
    }
    if (got > maxBytes) throw fileProblem(path, `the file is more than ${maxBytes} bytes`)
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, got))
    } catch {
      throw fileProblem(path, 'not UTF-8 text')
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * Replaces `path` with `text` atomically: readers see the old file or the new one, never a mix.
 * The temp file sits in the same folder so the rename never crosses filesystems.
 */
export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(path)
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  let fd: number | null = null
  try {
    fd = openSync(temp, 'wx', 0o644)
    const bytes = Buffer.from(text, 'utf8')
    let off = 0
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off)
    fsyncSync(fd)
    closeSync(fd)
    fd = null
    renameSync(temp, path)
  } catch (e) {
    if (fd !== null) closeSync(fd)
    try {
      unlinkSync(temp)
    } catch {
      // already renamed or never created
    }
    throw new LibraryError('BAD_INPUT', `cannot write ${path}: ${(e as Error).message}`, [{ path: '(file)', message: (e as Error).message }])
  }
  // The rename is durable once the folder entry is on disk.
  try {
    fsyncDir(dir)
  } catch {
    // some filesystems refuse fsync on a directory; the data itself is already synced
  }
}

/** A file name for a scenario: its name made safe, with the format's extension. */
export function scenarioFileName(name: string): string {
  const safe = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+|\.{2,}/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
  return `${safe || 'scenario'}.mpscenario.json`
}
