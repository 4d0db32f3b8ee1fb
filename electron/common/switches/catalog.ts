import { strictAssert } from '../util/assert'
import { accountSwitches } from './catalog/account'
import { debugSwitches } from './catalog/debug'
import { integrationSwitches } from './catalog/integrations'
import { localNetworkSwitches } from './catalog/local-network'
import { metadataSwitches } from './catalog/metadata'
import { photoSwitches } from './catalog/photos'
import { publishingSwitches } from './catalog/publishing'
import { remoteAccessSwitches } from './catalog/remote-access'
import { thirdPartyContentSwitches } from './catalog/third-party-content'
import { updateSwitches } from './catalog/updates'
import { flowIds } from './flows'
import type { FlowId, ProfileChoice, ProfileId, SwitchEntry } from './switch-types'

/**
 * Every privacy switch Hush knows, one per control in docs/privacy-map.md.
 *
 * Left out on purpose: `EnableIPv6` (the reference shows no difference in what is sent, only a
 * default that moved), `ButlerUpdateChannel` (both channels check alike), `allowedNetworks` (a
 * security risk the dashboard shows, not a flow), `POST /log/networked` (an action, never a
 * setting: Hush never calls it), and the legacy Plex Movie agent's own `usage` pref (agent prefs
 * sit behind the plug-in endpoints, which no target kind covers yet).
 */
export const switchCatalog: readonly SwitchEntry[] = [
  ...metadataSwitches,
  ...photoSwitches,
  ...thirdPartyContentSwitches,
  ...remoteAccessSwitches,
  ...publishingSwitches,
  ...localNetworkSwitches,
  ...integrationSwitches,
  ...accountSwitches,
  ...updateSwitches,
  ...debugSwitches,
]

const byId = new Map(switchCatalog.map(entry => [entry.id, entry]))

/** The switch with this id, or `undefined` when Hush has none by that name. */
export function findSwitch(id: string): SwitchEntry | undefined {
  return byId.get(id)
}

/** The switches grouped by data flow, in the order flows are shown; flows without switches are left out. */
export function switchesByFlow(): readonly {
  readonly flow: FlowId
  readonly switches: readonly SwitchEntry[]
}[] {
  return flowIds
    .map(flow => ({ flow, switches: switchCatalog.filter(entry => entry.flow === flow) }))
    .filter(group => group.switches.length > 0)
}

/** What a profile does with one switch. */
export function profileChoice(entry: SwitchEntry, profile: ProfileId): ProfileChoice {
  return entry.profiles[profile]
}

/** The ids of the tray's quick toggles, in menu order (issue #7). */
export const quickToggleIds = [
  'metadata-matching',
  'remote-access',
  'relay',
  'crash-reports',
  'usage-data',
  'webhooks',
  'trailers',
  'discovery',
] as const

/** The switches shown as quick toggles in the tray menu, in menu order. */
export function quickToggles(): readonly SwitchEntry[] {
  return quickToggleIds.map(id => {
    const entry = byId.get(id)
    strictAssert(entry !== undefined, `the quick toggle ${id} is in the switch catalog`)
    return entry
  })
}
