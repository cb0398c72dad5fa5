// Vitest global setup: the CLI tests spawn the built command (bin/margin-planner.mjs runs
// out-cli/margin-planner.mjs); build it once here, before the files run in parallel, whenever it
// is missing or older than a source, so no test runs an old build.
// @ts-expect-error plain ESM script without types
import { ensureCliBuilt } from '../scripts/cli-build.mjs'

export default async function setup(): Promise<void> {
  await (ensureCliBuilt as () => Promise<string>)()
}
