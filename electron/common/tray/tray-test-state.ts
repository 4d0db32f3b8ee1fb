import { quickToggleIds } from '../switches/catalog'
import type { Language } from '../i18n/localized-text'
import { buildTrayModel } from './tray-model'
import type { TrayItem, TrayState, TraySwitch } from './tray-types'

/** The time every tray test runs at. */
export const testNow = '2026-11-29T10:00:00Z'

/** A reachable server with every quick toggle off, changed by `switches` and `extra` (tests only). */
export function stateWith(
  switches: readonly TraySwitch[] = [],
  extra: Partial<TrayState> = {},
): TrayState {
  const changed = new Set(switches.map(s => s.id))
  return {
    reachable: true,
    switches: [
      ...quickToggleIds.filter(id => !changed.has(id)).map(id => ({ id, state: 'off' as const })),
      ...switches,
    ],
    profile: 'private',
    now: testNow,
    timeZone: 'UTC',
    ...extra,
  }
}

/** The item with this id, at the top level or in a submenu (tests only). */
export function itemById(items: readonly TrayItem[], id: string): TrayItem {
  for (const it of items) {
    if (it.id === id) {
      return it
    }
    if (it.type === 'submenu') {
      const found = itemById(it.submenu, id)
      if (found.id === id) {
        return found
      }
    }
  }
  return { type: 'separator', id: 'not found' }
}

/** The check item of one switch in the menu for a state (tests only). */
export function toggleItemOf(state: TrayState, id: string, language: Language = 'en') {
  const found = itemById(buildTrayModel(state, language), `switch:${id}`)
  if (found.type !== 'checkbox') {
    throw new Error(`no check item for ${id}`)
  }
  return found
}
