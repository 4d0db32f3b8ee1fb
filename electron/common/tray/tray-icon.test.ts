import { describe, expect, it } from 'vitest'
import { quickToggleIds } from '../switches/catalog'
import type { SwitchState } from '../switches/switch-types'
import { flowingSwitches, trayIconFor, trayIconUpdate } from './tray-icon'
import type { TrayState } from './tray-types'

/** A reachable server with every quick toggle off, changed by `switches`. */
function stateWith(switches: Record<string, SwitchState>, reachable = true): TrayState {
  const all: Record<string, SwitchState> = {
    ...Object.fromEntries(quickToggleIds.map(id => [id, 'off' as const])),
    ...switches,
  }
  return {
    reachable,
    switches: Object.entries(all).map(([id, state]) => ({ id, state })),
    profile: null,
    now: '2026-11-29T10:00:00Z',
    timeZone: 'UTC',
  }
}

describe('the tray icon', () => {
  it('is private when every switch is off', () => {
    expect(trayIconFor(stateWith({}))).toBe('private')
  })

  it.each(quickToggleIds)('turns to flowing when %s is on', id => {
    expect(trayIconFor(stateWith({ [id]: 'on' }))).toBe('flowing')
  })

  it('turns to flowing when matching is on for some libraries only', () => {
    expect(trayIconFor(stateWith({ 'metadata-matching': 'mixed' }))).toBe('flowing')
  })

  it('counts a flow outside the tray menu too, such as photo place names', () => {
    expect(trayIconFor(stateWith({ 'reverse-geocoding': 'on' }))).toBe('flowing')
  })

  it('stays private for switches a private owner may keep, and for debug logging', () => {
    const state = stateWith({
      'push-notifications': 'on',
      'automatic-updates': 'on',
      'custom-connections': 'on',
      'debug-logging': 'on',
    })
    expect(trayIconFor(state)).toBe('private')
  })

  it('does not count switches that are unknown, unavailable, or not in the catalog', () => {
    const state = stateWith({ 'usage-data': 'unknown', relay: 'unavailable', 'no-such': 'on' })
    expect(trayIconFor(state)).toBe('private')
  })

  it('is unreachable when the server cannot be read, whatever the switches say', () => {
    expect(trayIconFor(stateWith({ relay: 'on' }, false))).toBe('unreachable')
    expect(trayIconFor(stateWith({}, false))).toBe('unreachable')
  })

  it('lists the switches that make it flowing', () => {
    const state = stateWith({ relay: 'on', webhooks: 'on', 'debug-logging': 'on' })
    expect(flowingSwitches(state).map(s => s.id)).toEqual(['relay', 'webhooks'])
  })
})

describe('updating the tray icon', () => {
  it('sets the icon the first time', () => {
    expect(trayIconUpdate(null, stateWith({}))).toBe('private')
  })

  it('leaves the icon alone while the overall state stays the same', () => {
    expect(trayIconUpdate('flowing', stateWith({ relay: 'on' }))).toBeNull()
    expect(trayIconUpdate('flowing', stateWith({ relay: 'on', webhooks: 'on' }))).toBeNull()
    expect(trayIconUpdate('private', stateWith({ 'debug-logging': 'on' }))).toBeNull()
  })

  it('changes the icon when the overall state changes', () => {
    expect(trayIconUpdate('private', stateWith({ relay: 'on' }))).toBe('flowing')
    expect(trayIconUpdate('flowing', stateWith({}))).toBe('private')
    expect(trayIconUpdate('private', stateWith({}, false))).toBe('unreachable')
    expect(trayIconUpdate('unreachable', stateWith({}))).toBe('private')
  })
})
