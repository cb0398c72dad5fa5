import { join, resolve } from 'node:path'
import { homedir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { defaultUserDataDir, resolveDbPath } from '../../../src/main/store/db-path'

describe('resolveDbPath', () => {
  it('--db wins, then $MARGIN_PLANNER_DB, then the user-data folder', () => {
    const env = { MARGIN_PLANNER_DB: '/tmp/env.sqlite' }
    expect(resolveDbPath({ flag: 'rel.sqlite', env, userDataDir: '/ud' })).toBe(resolve('rel.sqlite'))
    expect(resolveDbPath({ env, userDataDir: '/ud' })).toBe('/tmp/env.sqlite')
    expect(resolveDbPath({ env: {}, userDataDir: '/ud' })).toBe(join('/ud', 'library.sqlite'))
    expect(resolveDbPath({ env: { XDG_CONFIG_HOME: '/xdg' } })).toBe(join(defaultUserDataDir({ XDG_CONFIG_HOME: '/xdg' }), 'library.sqlite'))
  })

  it("matches Electron's userData for an app named margin-planner", () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe('/xdg/margin-planner')
    expect(defaultUserDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'margin-planner'))
    expect(defaultUserDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'margin-planner'))
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\a\\AppData\\Roaming', 'margin-planner'))
  })
})
