import type { AppError } from '../../../common/api/errors'
import type { LibraryType, SettingValue, SwitchTarget } from '../../../common/switches/switch-types'
import type { Result } from '../../../common/util/result'
import type { PlexAccountClient } from '../../account/plex-account-client'
import type { PlexClient } from '../../server/plex-client'
import type { LiveAccount, LiveState } from '../live-state'
import type { TargetRef } from './target-adapters'

/** The kinds of switch target the catalog knows (common/switches/switch-types.ts). */
export type TargetKind = SwitchTarget['kind']

/** The catalog target of one kind. */
export type TargetOf<K extends TargetKind> = Extract<SwitchTarget, { readonly kind: K }>

/** Where a target's value sits relative to its switch: on, off, or neither (an odd value). */
export type TargetPosition = 'on' | 'off' | 'other'

/** The parts of the plex.tv account that live-state.ts can read. */
export type AccountPart = Exclude<keyof LiveAccount, 'user'>

/** Where the values of a kind are read from: the server's prefs, its libraries, or the account. */
export type TargetSource = 'server-prefs' | 'libraries' | AccountPart

/** One target of a switch as found on this server, with its live value. */
export interface TargetInstance {
  readonly ref: TargetRef
  readonly key: string
  readonly label: string
  readonly target: SwitchTarget
  readonly value: SettingValue
  /** The server's own default, where the server reports one. */
  readonly defaultValue: SettingValue | null
  readonly position: TargetPosition
  /** The library type, for library targets. */
  readonly libraryType: LibraryType | null
}

/** A target that cannot be read here, and why. */
export interface MissingTarget {
  readonly target: SwitchTarget
  readonly reason: string
  /** `unknown` when the account could not be reached; `unavailable` when this server lacks it. */
  readonly state: 'unavailable' | 'unknown'
}

/** What one catalog target is on this server: its instances, or why there are none. */
export interface ResolvedTarget {
  readonly instances: readonly TargetInstance[]
  readonly missing: readonly MissingTarget[]
}

/** Values Hush saw before turning something off, by target key (previous agents, free-text prefs). */
export type RememberedValues = Readonly<Record<string, SettingValue>>

/** The value a plan writes to a target; a reason when it cannot; null when nothing is to do. */
export type Desired = { readonly value: SettingValue } | { readonly skip: string } | null

/** What reads and writes reach: the server, and the account when Hush can reach it. */
export interface TargetIoContext {
  readonly client: PlexClient
  /** The account client, or why it cannot be reached. */
  account(): Result<PlexAccountClient, AppError>
  /** The account's uuid, asked of plex.tv once. */
  accountUuid(account: PlexAccountClient): Promise<Result<string, AppError>>
}

/**
 * Everything Hush does with one kind of switch target: find it on a server, read and write it,
 * name it by a key a plan carries, tell its position, plan a wish, keep it in a snapshot. The
 * engine, planning, verification and live state go through `targetAdapters` (target-adapters.ts),
 * which has one adapter per kind: a new kind is a new adapter file.
 */
export interface TargetAdapter<K extends TargetKind, R extends { readonly kind: K }> {
  /** What its values are read from (live-state.ts reads only the sources the catalog needs). */
  readonly source: TargetSource
  /** Its place in a plan: lower first (server prefs, library prefs, library agents, account). */
  readonly planOrder: number
  /** Every instance of the target in the live state, or why there is none. */
  resolve(target: TargetOf<K>, live: LiveState): ResolvedTarget
  /** Reads one instance's value, fresh from the server or the account. */
  read(ref: R, io: TargetIoContext): Promise<Result<SettingValue, AppError>>
  /** Writes one instance's value: one request. */
  write(ref: R, value: SettingValue, io: TargetIoContext): Promise<Result<void, AppError>>
  /** The instance's stable key: `pref:RelayEnabled`, `library:3:agent`, … */
  key(ref: R): string
  /** Reads a key of this kind back; undefined for any other key. */
  parseKey(key: string): R | undefined
  /** Whether a catalog target of this kind stands for the instance. */
  matches(target: TargetOf<K>, ref: R): boolean
  /** The position of a value of the target. */
  position(target: TargetOf<K>, value: SettingValue): TargetPosition
  /** What to write to an instance to turn its switch on or off. */
  desired(
    target: TargetOf<K>,
    instance: TargetInstance,
    wish: 'on' | 'off',
    remembered: RememberedValues,
  ): Desired
  /** Whether a value seen before turning the target off must be kept to turn it on again. */
  remembers(target: TargetOf<K>, before: SettingValue): boolean
  /** The value of every instance of this kind on the server, by key: a snapshot's part. */
  snapshot(live: LiveState): Record<string, SettingValue>
}
