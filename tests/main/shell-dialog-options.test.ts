import { describe, expect, it } from 'vitest'
import { ensureScenarioExtension, openDialogOptions, saveDialogOptions } from '../../src/main/dialog-options'

describe('dialog options', () => {
  it('opens scenarios by their extension and imports JSON', () => {
    expect(openDialogOptions('scenario').filters?.[0].extensions).toEqual(['mpscenario.json'])
    for (const kind of ['scenario', 'market', 'account'] as const) {
      expect(openDialogOptions(kind).properties, kind).toEqual(['openFile'])
    }
    expect(openDialogOptions('market').filters?.[0].extensions).toEqual(['json'])
    expect(openDialogOptions('account').filters?.[0].extensions).toEqual(['json'])
  })

  it('suggests a safe file name with the scenario extension', () => {
    expect(saveDialogOptions('Main account').defaultPath).toBe('Main account.mpscenario.json')
    expect(saveDialogOptions('../../etc/x:y').defaultPath).toBe('.._.._etc_x_y.mpscenario.json')
    expect(saveDialogOptions('   ').defaultPath).toBe('scenario.mpscenario.json')
    expect(saveDialogOptions('x').properties).toContain('showOverwriteConfirmation')
  })

  it('adds the extension once', () => {
    expect(ensureScenarioExtension('/p/plan')).toBe('/p/plan.mpscenario.json')
    expect(ensureScenarioExtension('/p/plan.json')).toBe('/p/plan.mpscenario.json')
    expect(ensureScenarioExtension('/p/plan.MPSCENARIO.JSON')).toBe('/p/plan.MPSCENARIO.JSON')
  })
})
