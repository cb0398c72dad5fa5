// Durability on disk: a file's bytes, and a folder's entries after a rename (the atomic writes of
// scenario files, the library's backups and its recovery all end with these).
import { closeSync, fsyncSync, openSync } from 'node:fs'

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Makes a rename durable (POSIX); Windows cannot open a folder, and NTFS journals renames. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
