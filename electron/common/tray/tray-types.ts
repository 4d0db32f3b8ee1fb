import type { WitnessStatus } from '../api/witness-schemas'
import type { ProfileId, SwitchState } from '../switches/switch-types'

/** What a tray click asks for. The controller carries it out; the model never calls anything. */
export type TrayAction =
  | { readonly kind: 'set-switch'; readonly id: string; readonly value: 'on' | 'off' }
  | { readonly kind: 'apply-profile'; readonly profile: ProfileId }
  | { readonly kind: 'open' }
  | { readonly kind: 'quit' }

/** One menu item, shaped after Electron's menu item types so the controller maps it one to one. */
export type TrayItem =
  | {
      readonly type: 'normal'
      readonly id: string
      readonly label: string
      readonly enabled: boolean
      /** `null` for an item that only informs, such as the status line. */
      readonly action: TrayAction | null
    }
  | {
      readonly type: 'checkbox' | 'radio'
      readonly id: string
      readonly label: string
      readonly checked: boolean
      readonly enabled: boolean
      readonly action: TrayAction
    }
  | {
      readonly type: 'submenu'
      readonly id: string
      readonly label: string
      readonly enabled: boolean
      readonly submenu: readonly TrayItem[]
    }
  | { readonly type: 'separator'; readonly id: string }

/** The tray icon, one per overall state. */
export type TrayIcon = 'private' | 'flowing' | 'unreachable'

/** One switch as the tray needs it; a `SwitchStatus` of the contract fits as it is. */
export interface TraySwitch {
  readonly id: string
  readonly state: SwitchState
  /** When a temporary exception ends (ISO 8601), if the switch is on only for a while. */
  readonly until?: string | null
}

/** Everything the tray shows, as plain data. */
export interface TrayState {
  readonly reachable: boolean
  readonly serverName?: string | null
  readonly switches: readonly TraySwitch[]
  /** The profile the owner last applied, if any. */
  readonly profile: ProfileId | null
  /** The current time (ISO 8601): an exception ending on another day shows its date too. */
  readonly now: string
  /** The IANA time zone to show times in; the system's when absent. */
  readonly timeZone?: string
  /** The connection witness: the relay now and the latest crash upload (absent: not read). */
  readonly witness?: WitnessStatus | null
}
