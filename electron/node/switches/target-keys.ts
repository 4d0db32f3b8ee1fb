/**
 * One concrete thing the engine reads and writes, named by a stable key that a plan carries
 * (so that a plan read in one process can be applied in another, or over the contract).
 */
export type TargetRef =
  | { readonly kind: 'server-pref'; readonly prefId: string }
  | { readonly kind: 'library-pref'; readonly section: string; readonly prefId: string }
  | { readonly kind: 'library-agent'; readonly section: string }
  | { readonly kind: 'account-privacy'; readonly field: 'optOutPlayback' | 'optOutLibraryStats' }
  | { readonly kind: 'account-opt-out'; readonly key: string }
  | { readonly kind: 'account-view-state-sync' }

/** The key of a target: `pref:RelayEnabled`, `library:3:agent`, `library:3:pref:useExternalExtras`, … */
export function targetKey(ref: TargetRef): string {
  switch (ref.kind) {
    case 'server-pref':
      return `pref:${ref.prefId}`
    case 'library-pref':
      return `library:${ref.section}:pref:${ref.prefId}`
    case 'library-agent':
      return `library:${ref.section}:agent`
    case 'account-privacy':
      return `account:privacy:${ref.field}`
    case 'account-opt-out':
      return `account:opt-out:${ref.key}`
    case 'account-view-state-sync':
      return 'account:view-state-sync'
  }
}

/** Reads a target key back; undefined for a key Hush never makes. */
export function parseTargetKey(key: string): TargetRef | undefined {
  let match = /^pref:(.+)$/.exec(key)
  if (match?.[1]) {
    return { kind: 'server-pref', prefId: match[1] }
  }
  match = /^library:([^:]+):pref:(.+)$/.exec(key)
  if (match?.[1] && match[2]) {
    return { kind: 'library-pref', section: match[1], prefId: match[2] }
  }
  match = /^library:([^:]+):agent$/.exec(key)
  if (match?.[1]) {
    return { kind: 'library-agent', section: match[1] }
  }
  match = /^account:privacy:(optOutPlayback|optOutLibraryStats)$/.exec(key)
  if (match?.[1] === 'optOutPlayback' || match?.[1] === 'optOutLibraryStats') {
    return { kind: 'account-privacy', field: match[1] }
  }
  match = /^account:opt-out:(.+)$/.exec(key)
  if (match?.[1]) {
    return { kind: 'account-opt-out', key: match[1] }
  }
  return key === 'account:view-state-sync' ? { kind: 'account-view-state-sync' } : undefined
}

/** Whether a target lives on the plex.tv account rather than on the server. */
export function isAccountTarget(ref: TargetRef): boolean {
  return ref.kind.startsWith('account-')
}
