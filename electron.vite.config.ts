import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { withScriptHashes } from './src/main/renderer-csp'

/**
 * Hash-based CSP (src/main/renderer-csp.ts): after the renderer is written, the entry script of
 * out/renderer/index.html gets its integrity hash and the <meta> CSP the policy with that hash;
 * main reads the same hash back from that file for its app:// header. The dev server serves
 * changing modules, so there (only) the policy allows 'self' scripts instead.
 */
function rendererCsp(): Plugin {
  let outDir = ''
  return {
    name: 'margin-planner:renderer-csp',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => (ctx.server ? html.replace("script-src 'strict-dynamic'", "script-src 'self'") : html)
    },
    writeBundle() {
      const file = join(outDir, 'index.html')
      writeFileSync(file, withScriptHashes(readFileSync(file, 'utf8'), (src) => readFileSync(resolve(outDir, src))))
    }
  }
}

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
    plugins: [vue(), rendererCsp()]
  }
})
