// The library's bytes on disk, after a checkpoint: WAL content folded into the main file, so two
// snapshots are equal exactly when nothing was written.
import { readFileSync } from 'node:fs'
import type { Library } from '../../src/main/store/library'

export function libraryBytes(lib: Library): Buffer {
  lib.db.pragma('wal_checkpoint(TRUNCATE)')
  return readFileSync(lib.path)
}
