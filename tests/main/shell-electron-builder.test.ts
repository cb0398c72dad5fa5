// Packaging config: valid for electron-builder 26's schema, and the settings issue 5 asks for.
// (electron-builder itself cannot run here: it needs the Electron binary.)
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const require = createRequire(join(root, 'node_modules/app-builder-lib/package.json'))
const yaml = require('js-yaml') as { load(text: string): any }
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'))

describe('electron-builder.yml', () => {
  it('passes electron-builder 26 schema validation', async () => {
    const { validateConfiguration } = require('./out/util/config/config.js') as {
      validateConfiguration(c: unknown, logger: unknown): Promise<void>
    }
    await expect(validateConfiguration(config, { add() {}, isEnabled: false })).resolves.toBeUndefined()
  })

  it('names the app and builds AppImage, deb, dmg and nsis', () => {
    expect(config.appId).toBe('app.marginplanner.desktop')
    expect(config.productName).toBe('Margin Planner')
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
  })

  it('flips the fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('unpacks native addons from the asar and associates .mpscenario.json', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('**/*.node')
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'mpscenario.json', role: 'Editor' })])
  })

  it('has its icons: an SVG and a 512x512 PNG', () => {
    expect(existsSync(join(root, 'resources/icon.svg'))).toBe(true)
    const png = readFileSync(join(root, config.linux.icon))
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
    expect(config.mac.icon).toBe(config.linux.icon)
    expect(config.win.icon).toBe(config.linux.icon)
  })

  it('is wired to npm scripts', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder')
    expect(pkg.scripts.postinstall).toBe('node scripts/postinstall.mjs')
    expect(pkg.scripts['rebuild:node']).toBe('npm rebuild better-sqlite3')
    expect(pkg.scripts['security:scan']).toBe('node scripts/electronegativity.mjs')
    expect(pkg.main).toBe('./out/main/index.js')
  })
})
