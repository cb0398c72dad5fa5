// How a failure crosses a boundary (IPC, CLI --json): a stable code, a sentence, and the JSON
// path (or file row) of each problem. Never a stack.
import type { Problem } from '../scenario/types'

export type ErrorCode =
  | 'BAD_INPUT' // a file, payload or argument was refused; `problems` names each one by path
  | 'NOT_FOUND' // no such portfolio, revision or snapshot
  | 'CONFLICT' // saved over a newer revision than the one edited
  | 'LIBRARY_TOO_NEW' // the database was written by a newer Margin Planner
  | 'NOT_A_LIBRARY' // the database file is not a Margin Planner library
  | 'MIGRATION_FAILED'
  | 'FORBIDDEN' // the IPC sender is not our renderer
  | 'UNAVAILABLE' // e.g. no dialog in this process
  | 'INTERNAL'

export interface IpcError {
  code: ErrorCode
  message: string
  /** The first problem's path, when the error is about one place in the input. */
  path?: string
  /** Every problem, by JSON path or file row (BAD_INPUT). */
  problems?: Problem[]
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }
