import type { PrivacyApi } from '../../common/api/contract'
import type { TrayState } from '../../common/tray/tray-types'

/** Reads what the tray shows from the core: reachable or not, every switch's state, the relay. */
export async function readTrayState(api: PrivacyApi): Promise<TrayState> {
  const now = new Date().toISOString()
  const status = await api['switches.status']({})
  if (!status.ok) {
    return { reachable: false, serverName: null, switches: [], profile: null, now }
  }
  return {
    reachable: true,
    serverName: status.value.server.friendlyName || null,
    switches: status.value.switches,
    profile: status.value.profile,
    now,
    witness: await api['log.witness']({}),
  }
}
