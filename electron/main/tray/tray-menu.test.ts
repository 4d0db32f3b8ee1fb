import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildTrayModel } from '../../common/tray/tray-model'
import type { TrayAction } from '../../common/tray/tray-types'
import { toMenuTemplate, trayImageName } from './tray-menu'

const assets = fileURLToPath(new URL('../../../assets/', import.meta.url))

describe('the tray menu', () => {
  const state = {
    reachable: true,
    serverName: 'Living room',
    switches: [{ id: 'relay', state: 'on' as const }],
    profile: null,
    now: '2026-01-01T10:00:00Z',
  }

  it('maps every model item to a menu item and routes clicks to their actions', () => {
    const clicks: TrayAction[] = []
    const template = toMenuTemplate(buildTrayModel(state, 'en'), action => clicks.push(action))
    const flat = template.flatMap(item => [
      item,
      ...((item.submenu as typeof template | undefined) ?? []),
    ])
    expect(flat.some(item => item.type === 'checkbox' && item.label?.startsWith('Relay'))).toBe(
      true,
    )
    for (const item of flat) {
      ;(item.click as (() => void) | undefined)?.()
    }
    expect(clicks).toEqual(
      expect.arrayContaining([
        { kind: 'set-switch', id: 'relay', value: 'off' },
        { kind: 'apply-profile', profile: 'lockdown' },
        { kind: 'open' },
        { kind: 'quit' },
      ]),
    )
  })

  it('has an image for every state on every platform', () => {
    for (const icon of ['private', 'flowing', 'unreachable'] as const) {
      for (const platform of ['darwin', 'win32', 'linux'] as const) {
        expect(existsSync(`${assets}${trayImageName(icon, platform)}`)).toBe(true)
      }
    }
  })
})
