import type { SettingValue, SwitchEntry, SwitchTarget } from '../../../common/switches/switch-types'
import type { LiveState } from '../live-state'
import { accountOptOutTarget, type AccountOptOutRef } from './account-opt-out-target'
import { accountPrivacyTarget, type AccountPrivacyRef } from './account-privacy-target'
import { libraryAgentTarget, type LibraryAgentRef } from './library-agent-target'
import { libraryPrefTarget, type LibraryPrefRef } from './library-pref-target'
import { serverPrefTarget, type ServerPrefRef } from './server-pref-target'
import type {
  ResolvedTarget,
  TargetAdapter,
  TargetKind,
  TargetPosition,
  TargetSource,
} from './target-adapter'
import { viewStateSyncTarget, type ViewStateSyncRef } from './view-state-sync-target'

/**
 * One concrete thing the engine reads and writes, named by a stable key that a plan carries
 * (so that a plan read in one process can be applied in another, or over the contract).
 */
export type TargetRef =
  | ServerPrefRef
  | LibraryPrefRef
  | LibraryAgentRef
  | AccountPrivacyRef
  | AccountOptOutRef
  | ViewStateSyncRef

/** The ref of one kind. */
type RefOf<K extends TargetKind> = Extract<TargetRef, { readonly kind: K }>

/** One adapter per target kind: a kind without one does not compile. */
export const targetAdapters: { readonly [K in TargetKind]: TargetAdapter<K, RefOf<K>> } = {
  'server-pref': serverPrefTarget,
  'library-pref': libraryPrefTarget,
  'library-agent': libraryAgentTarget,
  'account-privacy': accountPrivacyTarget,
  'account-opt-out': accountOptOutTarget,
  'account-view-state-sync': viewStateSyncTarget,
}

/** Every kind, in the order of the record. */
export const targetKinds = Object.keys(targetAdapters) as readonly TargetKind[]

/** An adapter seen through the whole union of targets and refs. */
type AnyTargetAdapter = TargetAdapter<TargetKind, TargetRef>

/**
 * The adapter of a kind. The record is keyed by kind, so the adapter found handles exactly the
 * targets and refs of that kind; TypeScript cannot follow that from a union, hence the one cast.
 */
export function adapterOf(kind: TargetKind): AnyTargetAdapter {
  return targetAdapters[kind] as unknown as AnyTargetAdapter
}

/** The key of a target: `pref:RelayEnabled`, `library:3:agent`, `library:3:pref:useExternalExtras`, … */
export function targetKey(ref: TargetRef): string {
  return adapterOf(ref.kind).key(ref)
}

/** The key of the server's debug logging, without which its log shows no change of a setting. */
export const debugLoggingKey = targetKey({ kind: 'server-pref', prefId: 'logDebug' })

/** Reads a target key back; undefined for a key Hush never makes. */
export function parseTargetKey(key: string): TargetRef | undefined {
  for (const kind of targetKinds) {
    const ref = adapterOf(kind).parseKey(key)
    if (ref !== undefined) {
      return ref
    }
  }
  return undefined
}

/** Where a value of a target sits relative to its switch. */
export function targetPosition(target: SwitchTarget, value: SettingValue): TargetPosition {
  return adapterOf(target.kind).position(target, value)
}

/** The catalog target of a switch that a target reference stands for, if it has one. */
export function catalogTarget(entry: SwitchEntry, ref: TargetRef): SwitchTarget | undefined {
  return entry.targets.find(
    target => target.kind === ref.kind && adapterOf(ref.kind).matches(target, ref),
  )
}

/** A catalog target's instances in the live state, or why it has none. */
export function resolveTarget(target: SwitchTarget, live: LiveState): ResolvedTarget {
  return adapterOf(target.kind).resolve(target, live)
}

/** What the targets of these switches are read from. */
export function targetSources(catalog: readonly SwitchEntry[]): ReadonlySet<TargetSource> {
  return new Set(catalog.flatMap(entry => entry.targets.map(t => adapterOf(t.kind).source)))
}

/** The values of every server-side instance, by key: what a snapshot before an apply keeps. */
export function snapshotTargets(live: LiveState): Record<string, SettingValue> {
  return Object.assign({}, ...targetKinds.map(kind => adapterOf(kind).snapshot(live))) as Record<
    string,
    SettingValue
  >
}
