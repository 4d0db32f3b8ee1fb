import { describe, expect, it } from 'vitest'
import { findSwitch, quickToggleIds } from '../switches/catalog'
import type { SwitchState } from '../switches/switch-types'
import { buildTrayModel } from './tray-model'
import { itemById as item, stateWith, toggleItemOf as toggle } from './tray-test-state'
import type { TrayState } from './tray-types'

describe('the tray menu', () => {
  it('has a status line, the eight quick toggles, the profiles, Open Hush and Quit, in order', () => {
    const ids = buildTrayModel(stateWith(), 'en').map(i => i.id)
    expect(ids).toEqual([
      'status',
      'separator:toggles',
      ...quickToggleIds.map(id => `switch:${id}`),
      'separator:profiles',
      'profile',
      'separator:app',
      'open',
      'quit',
    ])
  })

  it('carries plain action descriptors, no callbacks', () => {
    const model = buildTrayModel(stateWith(), 'en')
    expect(JSON.parse(JSON.stringify(model))).toEqual(model)
    expect(item(model, 'open')).toMatchObject({ enabled: true, action: { kind: 'open' } })
    expect(item(model, 'quit')).toMatchObject({ enabled: true, action: { kind: 'quit' } })
    expect(item(model, 'status')).toMatchObject({ enabled: false, action: null })
  })

  it.each(quickToggleIds)('ticks %s when it is on, and offers to turn it off', id => {
    const on = toggle(stateWith([{ id, state: 'on' }]), id)
    expect(on).toMatchObject({ checked: true, enabled: true })
    expect(on.action).toEqual({ kind: 'set-switch', id, value: 'off' })
    expect(on.label).toBe(findSwitch(id)?.title.en)
  })

  it.each(quickToggleIds)('leaves %s unticked when it is off, and offers to turn it on', id => {
    const off = toggle(stateWith(), id)
    expect(off).toMatchObject({ checked: false, enabled: true })
    expect(off.action).toEqual({ kind: 'set-switch', id, value: 'on' })
  })

  it('ticks matching that is on for some libraries only, says so, and offers to turn it off', () => {
    const mixed = toggle(
      stateWith([{ id: 'metadata-matching', state: 'mixed' }]),
      'metadata-matching',
    )
    expect(mixed).toMatchObject({
      checked: true,
      enabled: true,
      label: 'Metadata matching (some libraries)',
    })
    expect(mixed.action).toMatchObject({ value: 'off' })
  })

  it.each<[SwitchState, string, string]>([
    ['unavailable', 'Relay (not on this server)', '中继（此服务器没有该设置）'],
    ['unknown', 'Relay (state unknown)', '中继（状态未知）'],
  ])('disables a switch whose state is %s and says why', (state, en, zh) => {
    const s = stateWith([{ id: 'relay', state }])
    expect(toggle(s, 'relay')).toMatchObject({ checked: false, enabled: false, label: en })
    expect(toggle(s, 'relay', 'zh')).toMatchObject({ label: zh })
  })

  it('treats a switch missing from the state as unknown', () => {
    const s: TrayState = { ...stateWith(), switches: [] }
    expect(toggle(s, 'webhooks')).toMatchObject({
      enabled: false,
      label: 'Webhooks (state unknown)',
    })
  })

  it('disables the toggles and the profiles when the server is unreachable, but not Open and Quit', () => {
    const model = buildTrayModel(
      stateWith([{ id: 'relay', state: 'on' }], { reachable: false }),
      'en',
    )
    expect(item(model, 'status')).toMatchObject({ label: 'Server unreachable' })
    for (const id of quickToggleIds) {
      expect(item(model, `switch:${id}`)).toMatchObject({ enabled: false })
    }
    expect(item(model, 'profile')).toMatchObject({ enabled: false })
    expect(item(model, 'open')).toMatchObject({ enabled: true })
    expect(item(model, 'quit')).toMatchObject({ enabled: true })
  })
})
