// Calls an IPC handler the way registerIpc does (payload validated by the channel's schema).
import { HANDLERS, type HandlerContext } from '../../src/main/ipc-handlers'
import { LibraryError } from '../../src/main/store'
import { contract, type Channel, type RequestOf, type ResponseOf } from '../../src/shared/ipc'

export async function call<C extends Channel>(ctx: HandlerContext, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const parsed = contract[channel].parse(request)
  return (await (HANDLERS[channel] as (c: HandlerContext, r: unknown) => unknown)(ctx, parsed)) as ResponseOf<C>
}

/** The LibraryError a handler call rejects with (any other outcome fails the test). */
export async function refusal(p: Promise<unknown>): Promise<LibraryError> {
  try {
    await p
  } catch (e) {
    if (e instanceof LibraryError) return e
    throw e
  }
  throw new Error('expected a refusal')
}
