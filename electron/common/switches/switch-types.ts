import type { LocalizedText } from '../i18n/localized-text'
import type { PolicyItem } from '../policy/policy-item'

/** The profiles an owner can start from (docs/privacy-map.md "Profiles"). */
export const profileIds = ['plex-defaults', 'balanced', 'private', 'lockdown'] as const

/** One profile. */
export type ProfileId = (typeof profileIds)[number]

/**
 * What a profile does with one switch.
 *
 * `default` takes the server's own default from the live `/:/prefs` `default` attributes;
 * `keep` leaves the switch as it is.
 */
export type ProfileChoice = 'on' | 'off' | 'default' | 'keep'

/** A raw setting value as the server types it. */
export type SettingValue = boolean | number | string

/** The kinds of media library a library-level switch applies to. */
export type LibraryType = 'movie' | 'show' | 'artist' | 'photo'

/**
 * How one switch is read and written. A switch has one or more targets; it is `off` when every
 * target it has on this server holds its off value.
 */
export type SwitchTarget =
  /**
   * A server preference: `PUT /:/prefs?<prefId>=<value>`. `aliases` are older ids of the same pref.
   *
   * `on: null` marks a free-text pref (a list of URLs, a domain name): its off value is the empty
   * string and any other value reads as on, but there is no generic on value to write. Turning it
   * on restores the exact value from the latest snapshot in which it was on; with no such
   * snapshot the engine refuses and says so, rather than inventing a value.
   */
  | {
      readonly kind: 'server-pref'
      readonly prefId: string
      readonly aliases?: readonly string[]
      readonly on: SettingValue | null
      readonly off: SettingValue
    }
  /** A per-library preference: `PUT /library/sections/{id}?agent=…&prefs[<prefId>]=<value>`. */
  | {
      readonly kind: 'library-pref'
      readonly prefId: string
      readonly libraryTypes: readonly LibraryType[]
      readonly on: SettingValue
      readonly off: SettingValue
    }
  /**
   * The metadata agent of personal libraries: off moves each library to a local-only agent and
   * remembers its previous agent so that undo can restore it.
   */
  | {
      readonly kind: 'library-agent'
      readonly libraryTypes: readonly LibraryType[]
      /** Agents that never contact the internet. */
      readonly localAgents: readonly string[]
      /** The local agent to switch each library type to. */
      readonly offAgent: Readonly<Partial<Record<LibraryType, string>>>
    }
  /** An account privacy flag on plex.tv (`/api/v2/user/privacy`); off = opted out. */
  | {
      readonly kind: 'account-privacy'
      readonly field: 'optOutPlayback' | 'optOutLibraryStats'
    }
  /** An online media source opt-out on plex.tv (`/api/v2/user/{uuid}/settings/opt_outs`). */
  | { readonly kind: 'account-opt-out'; readonly key: string }
  /** Watch-state and ratings sync on plex.tv (`/api/v2/user/view_state_sync`). */
  | { readonly kind: 'account-view-state-sync' }

/** The data flows that group switches on screen (docs/privacy-map.md rows). */
export type FlowId =
  | 'metadata-matching'
  | 'photo-analysis'
  | 'integrations'
  | 'usage'
  | 'third-party-content'
  | 'server-publishing'
  | 'local-discovery'
  | 'markers'
  | 'push-notifications'
  | 'updates'
  | 'debug-information'
  | 'relay'
  | 'online-sources'

/** Why the server's own log cannot show a switch's flow. */
export type NotVisibleReason =
  /** Only devices on the home network receive it. */
  | 'lan'
  /** It goes to the owner's router (UPnP, NAT-PMP). */
  | 'router'
  /** plex.tv applies it to the account; the server sends nothing different. */
  | 'account'
  /** Nothing leaves the server: the switch changes what stays on it. */
  | 'stays-on-server'
  /** A separate Plex process does it, which the server's log does not show. */
  | 'separate-process'
  /** The server sends it, but no real log has ever shown it. */
  | 'never-logged'
  /** It is about how apps connect to the server, not about what the server sends out. */
  | 'inbound'

/** How the server's log can (or cannot) show that a switch works. */
export type SwitchEvidence =
  /** Its requests have signatures: verified from the log. */
  | { readonly kind: 'log' }
  /** The log never shows this flow. */
  | { readonly kind: 'not-visible'; readonly why: NotVisibleReason }
  /** The flow exists, but what its requests look like is known from no real log. */
  | { readonly kind: 'unknown-shape' }
  /** Its requests look exactly like those of other switches' flows. */
  | { readonly kind: 'indistinguishable'; readonly from: readonly string[] }

/** One privacy switch: a control that stops (or starts) a flow of data. */
export interface SwitchEntry {
  /** Stable kebab-case id, used by `hush set <id>` and in every output. */
  readonly id: string
  readonly flow: FlowId
  readonly title: LocalizedText
  /** What data leaves the server while the switch is on. */
  readonly data: LocalizedText
  /** Who receives it. */
  readonly recipient: LocalizedText
  /** Why it is sent. */
  readonly purpose: LocalizedText
  /** What stops working when the switch is off. */
  readonly breaks: LocalizedText
  readonly policyItems: readonly PolicyItem[]
  /**
   * How the server's log can show that this switch works: its requests have signatures
   * (common/evidence/switch-signatures.ts), or the log cannot show them, and why.
   */
  readonly evidence: SwitchEvidence
  readonly targets: readonly SwitchTarget[]
  readonly profiles: Readonly<Record<ProfileId, ProfileChoice>>
  /** Shown as a quick toggle in the tray menu. */
  readonly quickToggle: boolean
  /** A caveat the owner must read (e.g. an account page that Plex marked deprecated). */
  readonly caveat?: LocalizedText
}

/** The live state of one switch. */
export type SwitchState = 'on' | 'off' | 'mixed' | 'unavailable' | 'unknown'
