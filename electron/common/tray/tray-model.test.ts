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

  it('says whether the relay is open and the latest crash upload, as the connection witness saw them', () => {
    const relay = {
      process: 'Plex Relay',
      host: 'relay.plex.tv',
      firstSeen: '2026-11-29T09:02:00Z',
      lastSeen: '2026-11-29T09:59:58Z',
      closedAt: null,
      bytesSent: 1.2 * 1024 * 1024,
      bytesReceived: 3.4 * 1024 * 1024,
    }
    const upload = {
      ...relay,
      process: 'CrashUploader',
      bytesSent: 48 * 1024,
      closedAt: relay.lastSeen,
    }
    const witness = {
      state: 'watching' as const,
      intervalSeconds: 2,
      since: '2026-11-29T09:00:00Z',
      notices: [],
      relay,
      crashUploads: [upload],
      ownCalls: [],
    }
    const model = buildTrayModel(stateWith([], { witness }), 'en')
    expect(model.map(i => i.id).slice(0, 4)).toEqual([
      'status',
      'witness:relay',
      'witness:crash-upload',
      'separator:toggles',
    ])
    expect(item(model, 'witness:relay')).toMatchObject({
      label: 'Relay: open since 09:02, 1.2 MB ↑ 3.4 MB ↓ — sampled every 2 s',
      enabled: false,
      action: null,
    })
    expect(item(model, 'witness:crash-upload')).toMatchObject({
      label: 'Crash-report upload at 09:02: 48.0 KB ↑',
    })
    const zh = buildTrayModel(stateWith([], { witness: { ...witness, relay: null } }), 'zh')
    expect(item(zh, 'witness:relay')).toMatchObject({
      label: '自 09:00 起没有中继连接 — 每 2 秒采样一次',
    })
    // Not watching (a server on another machine): the menu stays as it was.
    const away = buildTrayModel(stateWith([], { witness: { ...witness, state: 'notLocal' } }), 'en')
    expect(away.map(i => i.id)).not.toContain('witness:relay')
  })
})
