import { describe, expect, it } from 'vitest'
import { languages } from '../i18n/localized-text'
import { quickToggleIds } from '../switches/catalog'
import { profileIds, type SwitchState } from '../switches/switch-types'
import { formatUntil } from './format-until'
import { buildTrayModel, trayStatusText, trayTooltip } from './tray-model'
import {
  itemById as item,
  stateWith,
  testNow as now,
  toggleItemOf as toggle,
} from './tray-test-state'
import type { TrayItem } from './tray-types'

describe('temporary exceptions in the tray', () => {
  const until = (value: string, state: SwitchState = 'on') =>
    stateWith([{ id: 'remote-access', state, until: value }])

  it('shows until when a switch is on, today as a time', () => {
    expect(toggle(until('2026-11-29T14:30:00Z'), 'remote-access').label).toBe(
      'Remote access (on until 14:30)',
    )
    expect(toggle(until('2026-11-29T14:30:00Z'), 'remote-access', 'zh').label).toBe(
      '远程访问（开启至 14:30）',
    )
  })

  it('adds the date when the exception ends on another day', () => {
    expect(toggle(until('2026-11-30T09:05:00Z'), 'remote-access').label).toBe(
      'Remote access (on until 30 Nov 09:05)',
    )
    expect(toggle(until('2026-11-30T09:05:00Z'), 'remote-access', 'zh').label).toBe(
      '远程访问（开启至 11月30日 09:05）',
    )
  })

  it("shows the time in the owner's time zone", () => {
    const s = { ...until('2026-11-29T14:30:00Z'), timeZone: 'Asia/Shanghai' }
    expect(toggle(s, 'remote-access').label).toBe('Remote access (on until 22:30)')
  })

  it('combines some libraries with until, and ignores until on a switch that is off or a bad time', () => {
    const s = stateWith([
      { id: 'metadata-matching', state: 'mixed', until: '2026-11-29T12:00:00Z' },
    ])
    expect(toggle(s, 'metadata-matching').label).toBe(
      'Metadata matching (some libraries, on until 12:00)',
    )
    expect(toggle(until('2026-11-29T14:30:00Z', 'off'), 'remote-access').label).toBe(
      'Remote access',
    )
    expect(toggle(until('not a time'), 'remote-access').label).toBe('Remote access')
    expect(formatUntil('not a time', now, 'en', 'UTC')).toBeNull()
  })
})

describe('the profile submenu', () => {
  it('offers every profile as a radio item with the current one checked', () => {
    const menu = item(buildTrayModel(stateWith([], { profile: 'balanced' }), 'en'), 'profile')
    expect(menu.type).toBe('submenu')
    if (menu.type === 'submenu') {
      expect(menu.label).toBe('Profile')
      expect(menu.submenu.map(i => (i.type === 'radio' ? [i.label, i.checked] : []))).toEqual([
        ['Plex defaults', false],
        ['Balanced', true],
        ['Private', false],
        ['Lockdown', false],
      ])
      expect(menu.submenu.map(i => (i.type === 'radio' ? i.action : null))).toEqual(
        profileIds.map(profile => ({ kind: 'apply-profile', profile })),
      )
    }
  })

  it('checks none when no profile was applied yet', () => {
    const menu = item(buildTrayModel(stateWith([], { profile: null }), 'zh'), 'profile')
    expect(menu.type === 'submenu' && menu.submenu.some(i => i.type === 'radio' && i.checked)).toBe(
      false,
    )
  })
})

describe('the status line and tooltip', () => {
  it('says the server is private, or how many switches let data out', () => {
    expect(trayStatusText(stateWith(), 'en')).toBe('Server is private')
    expect(trayStatusText(stateWith([{ id: 'relay', state: 'on' }]), 'en')).toBe(
      'Data leaving: 1 switch on',
    )
    const two = stateWith([
      { id: 'relay', state: 'on' },
      { id: 'metadata-matching', state: 'mixed' },
    ])
    expect(trayStatusText(two, 'en')).toBe('Data leaving: 2 switches on')
    expect(trayStatusText(two, 'zh')).toBe('有数据外发：2 个开关开启')
  })

  it("puts the server's name first when known", () => {
    const s = stateWith([], { serverName: 'Attic' })
    expect(trayStatusText(s, 'en')).toBe('Attic: Server is private')
    expect(trayStatusText(s, 'zh')).toBe('Attic：服务器处于私密状态')
    expect(trayTooltip(stateWith(), 'en')).toBe('Hush: Server is private')
  })
})

describe('both languages', () => {
  /** Every label of a menu, submenus included. */
  const labels = (items: readonly TrayItem[]): string[] =>
    items.flatMap(i =>
      i.type === 'separator' ? [] : [i.label, ...(i.type === 'submenu' ? labels(i.submenu) : [])],
    )

  it.each(languages)('labels every item in %s', language => {
    const all = labels(buildTrayModel(stateWith([{ id: 'relay', state: 'on' }]), language))
    expect(all).toHaveLength(1 + quickToggleIds.length + 1 + profileIds.length + 2)
    for (const label of all) {
      expect(label.trim()).not.toBe('')
      expect(/\p{Script=Han}/u.test(label), label).toBe(language === 'zh')
    }
  })

  it('gives the same structure and actions in both languages', () => {
    const strip = (items: readonly TrayItem[]): unknown =>
      items.map(i =>
        i.type === 'separator'
          ? i
          : { ...i, label: '', ...(i.type === 'submenu' ? { submenu: strip(i.submenu) } : {}) },
      )
    const s = stateWith([{ id: 'relay', state: 'on' }])
    expect(strip(buildTrayModel(s, 'zh'))).toEqual(strip(buildTrayModel(s, 'en')))
  })
})
