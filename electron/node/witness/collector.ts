import type { OwnedSocket } from './owned-socket'
import type { WitnessNotice } from './witness-notice'

/** What one look at the system found: the Plex processes' connections, and what it could not see. */
export interface CollectedSample {
  readonly sockets: readonly OwnedSocket[]
  readonly notices: readonly WitnessNotice[]
}

/** Takes one sample of the Plex processes' connections (one per platform). */
export type Collector = () => Promise<CollectedSample>
