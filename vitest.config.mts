import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Builds out-cli/margin-planner.mjs once when a source is newer (the CLI tests run it).
    globalSetup: ['tests/global-setup.ts'],
    // One fixed fast-check seed (FC_SEED=random explores): tests/fast-check-seed.ts.
    setupFiles: ['tests/fast-check-seed.ts'],
    testTimeout: 30000,
    hookTimeout: 60000
  }
})
