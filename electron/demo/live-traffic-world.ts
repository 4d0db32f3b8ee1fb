import { listCrashDumps, removeUploadedDumps, writeCrashDump } from './crash-reports'
import type { Random } from './random'
import type { DemoWorld } from './demo-world'
import type { TrafficWorld } from './traffic-types'

/** The traffic's view of the running demo: live settings, libraries, account, dumps and faults. */
export function liveTrafficWorld(world: DemoWorld, dataDir: string, random: Random): TrafficWorld {
  const online = (agent: string): boolean =>
    world.agents().find(a => a.identifier === agent)?.online ?? false
  return {
    setting: id => (world.prefs.definition(id) === undefined ? undefined : world.prefs.value(id)),
    libraries: () =>
      world.libraries.sections().map(section => {
        const agent = world.libraries.agent(section.id)
        const prefs = new Set(world.libraries.prefs(section.id).map(p => p.id))
        return {
          id: section.id,
          type: section.type,
          agent,
          location: section.location,
          online: online(agent),
          items: section.items,
          pref: (id: string) =>
            prefs.has(id) ? world.libraries.prefValue(section.id, id) : undefined,
        }
      }),
    account: () => {
      const signedIn = world.prefs.identity().mail
      return { ...world.account.settings(), email: signedIn === '' ? null : signedIn }
    },
    pendingCrashVersions: () => [...new Set(listCrashDumps(dataDir).map(d => d.version))],
    crashUploaded: version => removeUploadedDumps(dataDir, version),
    crashed: version => writeCrashDump(dataDir, version, random),
    leaks: () => world.faults.leaks,
    plexTvDown: () => world.faults.plexTvDown,
    remoteUnreachable: () => world.faults.remoteUnreachable,
  }
}
