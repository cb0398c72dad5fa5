import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isScenarioFileName, PendingOpenQueue, scenarioPathsFromArgv } from '../../src/main/open-file-args'

const cwd = resolve('/home/trader/plans')

describe('scenarioPathsFromArgv', () => {
  it('takes scenario files from a packaged app argv, resolving relative paths', () => {
    const argv = ['/opt/Margin Planner/margin-planner', 'a.mpscenario.json', '/tmp/b.MPSCENARIO.JSON', 'notes.txt']
    expect(scenarioPathsFromArgv(argv, { cwd, defaultApp: false })).toEqual([
      resolve(cwd, 'a.mpscenario.json'),
      resolve('/tmp/b.MPSCENARIO.JSON')
    ])
  })

  it('skips the app path in a development run', () => {
    const argv = ['/usr/bin/electron', 'x.mpscenario.json', 'y.mpscenario.json']
    expect(scenarioPathsFromArgv(argv, { cwd, defaultApp: true })).toEqual([resolve(cwd, 'y.mpscenario.json')])
  })

  it('ignores switches (Chromium adds its own to a second instance argv), but not after --', () => {
    const argv = [
      'exe',
      '--allow-file-access-from-files',
      '--flag=z.mpscenario.json',
      '-psn_0_12345',
      '--',
      '-odd.mpscenario.json'
    ]
    expect(scenarioPathsFromArgv(argv, { cwd, defaultApp: false })).toEqual([resolve(cwd, '-odd.mpscenario.json')])
  })

  it('accepts file:// URLs and refuses other URLs', () => {
    const file = resolve('/tmp/p q.mpscenario.json')
    const argv = ['exe', pathToFileURL(file).href, 'https://example.com/x.mpscenario.json', 'margin-planner://open/x.mpscenario.json']
    expect(scenarioPathsFromArgv(argv, { cwd, defaultApp: false })).toEqual([file])
  })

  it('drops duplicates, empty strings, NUL and bare extensions', () => {
    const argv = ['exe', 'a.mpscenario.json', './a.mpscenario.json', '', 'b\0.mpscenario.json', '.mpscenario.json']
    expect(scenarioPathsFromArgv(argv, { cwd, defaultApp: false })).toEqual([resolve(cwd, 'a.mpscenario.json')])
  })

  it('returns nothing for a plain launch', () => {
    expect(scenarioPathsFromArgv(['exe'], { cwd, defaultApp: false })).toEqual([])
    expect(scenarioPathsFromArgv([], { cwd, defaultApp: true })).toEqual([])
  })
})

describe('isScenarioFileName', () => {
  it('wants the double extension', () => {
    expect(isScenarioFileName('/x/plan.mpscenario.json')).toBe(true)
    expect(isScenarioFileName('/x/plan.json')).toBe(false)
    expect(isScenarioFileName('/x/plan.mpscenario')).toBe(false)
  })
})

describe('PendingOpenQueue', () => {
  it('is first in, first out, without duplicates, and bounded', () => {
    const q = new PendingOpenQueue(2)
    expect(q.push('/a.mpscenario.json')).toBe(true)
    expect(q.push('/a.mpscenario.json')).toBe(false)
    expect(q.push('/b.mpscenario.json')).toBe(true)
    expect(q.push('/c.mpscenario.json')).toBe(false)
    expect(q.size).toBe(2)
    expect(q.take()).toBe('/a.mpscenario.json')
    expect(q.take()).toBe('/b.mpscenario.json')
    expect(q.take()).toBeUndefined()
  })
})
