// End-to-end: the BUILT renderer (npx electron-vite build) in Debian's Chromium, window.api over
// loopback HTTP to the real main-process handlers and a real SQLite file (tests/e2e/server.ts).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60000,
    hookTimeout: 60000,
    // expect.poll gives up after 1 s by default: too short for a worker's first answer on a
    // busy two-core CI machine. A poll still ends as soon as its condition holds.
    expect: { poll: { timeout: 10000 } },
    // One Chromium at a time: the machines have two cores.
    fileParallelism: false
  }
})
