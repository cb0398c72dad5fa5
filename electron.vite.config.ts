import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

// electron-vite's layout: main and preload run in Node/Electron, the renderer is a Vue app.
// Only better-sqlite3, zod and decimal.js are runtime dependencies of main (externalized);
// vue, pinia and chart.js are bundled into the renderer.
export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') } }
    }
  },
  preload: {
    build: {
      // A sandboxed preload (webPreferences.sandbox: true) cannot be an ES module: Electron loads
      // it as a CommonJS script. So the preload alone is built to out/preload/index.cjs.
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } }
    },
    plugins: [vue()]
  }
})
