import type { Language } from '../i18n/localized-text'
import { quickToggles } from '../switches/catalog'
import { profileTexts } from '../switches/profile-texts'
import { profileIds, type SwitchEntry } from '../switches/switch-types'
import { formatUntil } from './format-until'
import { flowingSwitches, trayIconFor } from './tray-icon'
import { trayWords } from './tray-texts'
import { crashUploadLine, relayLine } from '../witness/relay-texts'
import type { TrayItem, TrayState, TraySwitch } from './tray-types'

/** The status line: the overall state in words, with the server's name when known. */
export function trayStatusText(state: TrayState, language: Language): string {
  const words = trayWords[language]
  const icon = trayIconFor(state)
  const status =
    icon === 'unreachable'
      ? words.unreachable
      : icon === 'private'
        ? words.private
        : words.flowing(flowingSwitches(state).length)
  const name = state.serverName?.trim()
  return name ? words.withPrefix(name, status) : status
}

/** What is special about a switch's state, shown after its title, or `null` when nothing is. */
function stateNote(status: TraySwitch, state: TrayState, language: Language): string | null {
  const words = trayWords[language]
  switch (status.state) {
    case 'unavailable':
      return words.unavailable
    case 'unknown':
      return words.unknown
    case 'off':
      return null
    case 'on':
    case 'mixed': {
      const time = status.until
        ? formatUntil(status.until, state.now, language, state.timeZone)
        : null
      const notes = [
        ...(status.state === 'mixed' ? [words.someLibraries] : []),
        ...(time === null ? [] : [words.onUntil(time)]),
      ]
      return notes.length > 0 ? notes.join(language === 'en' ? ', ' : '，') : null
    }
  }
}

/**
 * One check item per quick toggle. Checked means the feature is on, so data can flow: the label
 * names the feature, as Plex's own settings and `hush set <id> on|off` do, and a tick beside a
 * feature's name reads as "enabled" everywhere. (Ticking "Relay" to mean relay is off would be a
 * double negative.) A switch Hush cannot read or set right now is shown but disabled.
 */
function toggleItem(entry: SwitchEntry, state: TrayState, language: Language): TrayItem {
  const status: TraySwitch = state.switches.find(s => s.id === entry.id) ?? {
    id: entry.id,
    state: 'unknown',
  }
  const checked = status.state === 'on' || status.state === 'mixed'
  const settable = status.state === 'on' || status.state === 'off' || status.state === 'mixed'
  const title = entry.title[language]
  const note = stateNote(status, state, language)
  return {
    type: 'checkbox',
    id: `switch:${entry.id}`,
    label: note === null ? title : trayWords[language].withNote(title, note),
    checked,
    enabled: state.reachable && settable,
    action: { kind: 'set-switch', id: entry.id, value: checked ? 'off' : 'on' },
  }
}

/** The profile submenu: one radio item per profile, the one last applied checked. */
function profileMenu(state: TrayState, language: Language): TrayItem {
  return {
    type: 'submenu',
    id: 'profile',
    label: trayWords[language].profile,
    enabled: state.reachable,
    submenu: profileIds.map(profile => ({
      type: 'radio',
      id: `profile:${profile}`,
      label: profileTexts[profile].title[language],
      checked: state.profile === profile,
      enabled: state.reachable,
      action: { kind: 'apply-profile', profile },
    })),
  }
}

/** What the connection witness says, as lines that only inform: the relay, the latest upload. */
function witnessItems(state: TrayState, language: Language): TrayItem[] {
  const witness = state.witness
  if (!witness || witness.state !== 'watching') {
    return []
  }
  const upload = witness.crashUploads[0]
  return [
    {
      type: 'normal',
      id: 'witness:relay',
      label: relayLine(witness, language, state.timeZone),
      enabled: false,
      action: null,
    },
    ...(upload
      ? [
          {
            type: 'normal' as const,
            id: 'witness:crash-upload',
            label: crashUploadLine(upload, language, state.timeZone),
            enabled: false,
            action: null,
          },
        ]
      : []),
  ]
}

/**
 * The tray menu for a state, in the owner's language: status line, the relay and the latest
 * crash upload as the connection witness saw them, quick toggles, profiles, Open Hush, Quit. Pure: items carry action descriptors, never callbacks.
 */
export function buildTrayModel(state: TrayState, language: Language): readonly TrayItem[] {
  const words = trayWords[language]
  return [
    {
      type: 'normal',
      id: 'status',
      label: trayStatusText(state, language),
      enabled: false,
      action: null,
    },
    ...witnessItems(state, language),
    { type: 'separator', id: 'separator:toggles' },
    ...quickToggles().map(entry => toggleItem(entry, state, language)),
    { type: 'separator', id: 'separator:profiles' },
    profileMenu(state, language),
    { type: 'separator', id: 'separator:app' },
    { type: 'normal', id: 'open', label: words.open, enabled: true, action: { kind: 'open' } },
    { type: 'normal', id: 'quit', label: words.quit, enabled: true, action: { kind: 'quit' } },
  ]
}

/** The icon's tooltip: "Hush" and the status line. */
export function trayTooltip(state: TrayState, language: Language): string {
  return trayWords[language].withPrefix('Hush', trayStatusText(state, language))
}
