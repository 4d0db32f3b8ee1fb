import type { PlexClient } from '../server/plex-client'
import type { StateObservations, TargetReading } from './state-observations'

/**
 * The engine's `recordReadings`: stamps readings with the server's clock (its `Date` header, so
 * that they compare with the server's log even when the clocks differ) and keeps them.
 */
export function readingsRecorder(
  observations: StateObservations,
  client: PlexClient,
  serverId: string,
): (readings: readonly TargetReading[]) => Promise<void> {
  return async readings => {
    if (readings.length === 0) {
      return
    }
    const clock = await client.serverClock()
    try {
      await observations.record(serverId, readings, clock.ok ? clock.value.serverMs : Date.now())
    } catch {
      // Readings only sharpen later verdicts: a full disk must not stop Hush from reading switches.
    }
  }
}
