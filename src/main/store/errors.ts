import type { ErrorCode, IpcError } from '../../shared/ipc/errors'
import type { Problem } from '../../shared/scenario/types'
import { escapeControlCharacters, escapeProblems } from '../../shared/text/escape-control'

/** A refusal the user can act on; anything else thrown from the store is a bug (INTERNAL). */
export class LibraryError extends Error {
  readonly problems: Problem[]

  constructor(
    readonly code: ErrorCode,
    message: string,
    problems: Problem[] = []
  ) {
    // What crosses IPC and reaches the CLI's stderr never carries a raw control character.
    super(escapeControlCharacters(message))
    this.problems = escapeProblems(problems)
    this.name = 'LibraryError'
  }

  toIpc(): IpcError {
    const out: IpcError = { code: this.code, message: this.message }
    if (this.problems.length > 0) {
      out.path = this.problems[0]!.path
      out.problems = this.problems.map((p) => ({ path: p.path, message: p.message }))
    }
    return out
  }
}

export function badInput(problems: Problem[], what = 'the input'): LibraryError {
  const message = problems.length === 1 ? `${what} was refused: ${problems[0]!.path}: ${problems[0]!.message}` : `${what} was refused (${problems.length} problems)`
  return new LibraryError('BAD_INPUT', message, problems)
}

export function notFound(message: string): LibraryError {
  return new LibraryError('NOT_FOUND', message)
}
