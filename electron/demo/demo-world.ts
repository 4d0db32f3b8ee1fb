import type { DemoAgent } from './agents'
import type { AccountState } from './account-state'
import type { FaultState } from './fault-state'
import type { LibraryStore } from './library-store'
import type { PreferencesStore } from './preferences-store'
import type { DemoEdition } from './settings-catalog'

/** Everything the routes and the traffic read: the demo server's live state. */
export interface DemoWorld {
  readonly edition: () => DemoEdition
  readonly version: () => string
  readonly prefs: PreferencesStore
  readonly libraries: LibraryStore
  readonly agents: () => readonly DemoAgent[]
  readonly faults: FaultState
  readonly account: AccountState
  readonly port: () => number
  /** The port of the address on the owner's home network (lan-door.ts), once it was opened. */
  readonly lanPort: () => number | null
  /** Called after settings changed through HTTP, so the log can show the server noticing. */
  readonly settingsChanged: (ids: readonly string[]) => void
  /** Starts a metadata refresh of one library (or all), as `/library/sections/{id}/refresh` does. */
  readonly refresh: (libraryId?: number) => void
}

/** The addresses the demo pretends to have. */
export const demoNetwork = {
  lanAddress: '192.168.1.20',
  publicAddress: '203.0.113.45',
  relayAddress: '139.162.247.112',
  platform: 'Linux',
  platformVersion: '6.8.0-45-generic',
} as const

/** Whether remote access is published and reachable from plex.tv. */
export function remoteAccessState(world: DemoWorld): 'off' | 'reachable' | 'unreachable' {
  if (world.prefs.value('PublishServerOnPlexOnlineKey') !== true) {
    return 'off'
  }
  return world.faults.remoteUnreachable ? 'unreachable' : 'reachable'
}

/** The `<hash>` of the server's `*.plex.direct` names: its certificate UUID (reference §6.1, INFERRED). */
export function plexDirectHash(
  certificateUuid: string | undefined,
  machineIdentifier: string,
): string {
  return certificateUuid !== undefined && /^[0-9a-f]{32}$/.test(certificateUuid)
    ? certificateUuid
    : machineIdentifier.slice(0, 32)
}
