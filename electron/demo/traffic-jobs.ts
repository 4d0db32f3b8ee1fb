import { demoNetwork, plexDirectHash } from './demo-world'
import type { DemoFlow, Gate } from './sent-record'
import type { TrafficEmitter } from './traffic-emitter'
import type { TrafficLibrary } from './traffic-types'
import {
  extrasUrl,
  legacyAgentUrls,
  matchBody,
  matchUrl,
  metadataHost,
  metadataUrl,
} from './traffic-urls'

/** One periodic activity of the server: it logs what it does at `time` and says when it runs next. */
export interface TrafficJob {
  readonly name: string
  /** Delay of the first run after start-up, in ms. */
  readonly first: number
  /** Runs at `time`; returns the delay to the next run in ms. */
  readonly run: (emitter: TrafficEmitter, time: number) => number
}

const minute = 60_000
const jitter = (e: TrafficEmitter, base: number): number =>
  Math.round(base * (0.8 + e.random.next() * 0.4))

// Hosts and paths marked VERIFIED come from real logs (reference §4, §9); the others are MODELLED.
const plexTv = 'https://plex.tv'

/** What a custom address looks like when the demo has never seen the owner's own. */
const exampleCustomAddress = 'https://plex.example.org:443'

/** The server's periodic outbound traffic: registration, account, remote access, metadata, updates. */
export function trafficJobs(): TrafficJob[] {
  // The last custom addresses the owner set: a leak keeps publishing them after they were cleared.
  let lastCustom: string[] = []
  return [
    {
      // VERIFIED shape (2017 log): publishes the server's connection URIs to plex.tv. Sent whatever
      // the switches say; the custom addresses in it are the owner's `customConnections`.
      name: 'registration',
      first: 2_000,
      run: (e, t) => {
        const id = e.options.machineIdentifier
        const custom = e.world.setting('customConnections')
        const current =
          typeof custom === 'string'
            ? custom
                .split(',')
                .map(uri => uri.trim())
                .filter(Boolean)
            : []
        if (current.length > 0) {
          lastCustom = current
        }
        const gates = [
          e.prefGate('customConnections', v => typeof v === 'string' && v.trim() !== ''),
        ]
        const publishes = e.sends('custom-addresses', gates) && custom !== undefined
        const uris = [`http://${demoNetwork.lanAddress}:${e.options.port}`]
        if (publishes) {
          uris.push(
            ...(current.length > 0
              ? current
              : lastCustom.length > 0
                ? lastCustom
                : [exampleCustomAddress]),
          )
        }
        const connections = uris.map(uri => `Connection[][uri]=${uri}`).join('&')
        e.request(t, {
          method: 'PUT',
          url: `${plexTv}/devices/${id}?${connections}&httpsEnabled=1&httpsRequired=0&X-Plex-Token=${e.token()}`,
          flow: publishes ? 'custom-addresses' : 'registration',
          gates: publishes ? gates : [],
        })
        return jitter(e, 60 * minute)
      },
    },
    {
      // VERIFIED shapes (2025 macOS log): access tokens, users, subscriptions, cached services.
      name: 'account',
      first: 3_000,
      run: (e, t) => {
        const token = e.token()
        // 2017–2018 builds fetched the XML list (VERIFIED, 2017 log); later ones the v2 API.
        const tokensUrl =
          e.options.format === '2018'
            ? `${plexTv}/servers/${e.options.machineIdentifier}/access_tokens.xml?auth_token=${token}&includeProfiles=1&includeProviders=1`
            : `${plexTv}/api/v2/server/access_tokens?auth_token=${token}`
        const background = { flow: 'account', gates: [] } as const
        let at = e.request(t, { method: 'GET', url: tokensUrl, ...background })
        e.line(at + 2, 'DEBUG', `MyPlex: updating with ${e.random.int(2, 9)} access tokens`)
        at = e.request(at + 2, {
          method: 'GET',
          url: `${plexTv}/api/v2/server/users?auth_token=${token}`,
          ...background,
        })
        at = e.request(at + 2, {
          method: 'GET',
          url: `${plexTv}/api/v2/server/users/subscriptions?auth_token=${token}`,
          ...background,
        })
        e.line(
          at + 3,
          'DEBUG',
          `MyPlex: using cached data for request for ${plexTv}/api/v2/server/users/services?auth_token=${token}`,
        )
        return jitter(e, 10 * minute)
      },
    },
    {
      // VERIFIED (2018, 2025 logs).
      name: 'media-providers',
      first: 4_000,
      run: (e, t) => {
        e.request(t, {
          method: 'GET',
          url: `${plexTv}/media/providers?X-Plex-Token=${e.token()}`,
          flow: 'media-providers',
          gates: [],
          component: 'MediaProviderManager',
        })
        e.line(
          t + 900,
          'DEBUG',
          '[MediaProviderManager] cloud provider (Metadata) is online and available',
        )
        return jitter(e, 30 * minute)
      },
    },
    {
      // PUT …/connectivity is VERIFIED (2018); the pub/sub answer lines are VERIFIED (2025).
      name: 'reachability',
      first: 20_000,
      run: (e, t) => {
        const gates = [e.prefGate('PublishServerOnPlexOnlineKey')]
        if (!e.sends('reachability', gates)) {
          return jitter(e, 15 * minute)
        }
        const async = e.random.uuid()
        const end = e.request(t, {
          method: 'PUT',
          url: `${plexTv}/api/servers/${e.options.machineIdentifier}/connectivity?asyncIdentifier=${async}&X-Plex-Token=${e.token()}`,
          flow: 'reachability',
          gates,
        })
        const reachable = e.world.remoteUnreachable() ? 0 : 1
        const address = `${demoNetwork.publicAddress}:32400`
        const ms = e.random.int(400, 6000)
        const source = '[EventSourceClient/pubsub/pubsub.plex.tv:443]'
        e.line(
          end + ms,
          'DEBUG',
          `${source} EventSource: Got event [data] '<Message address="${demoNetwork.publicAddress}" port="32400" asyncIdentifier="${async}" connectivity="${reachable}" command="notifyConnectivity"/>'`,
          e.pubsubThread,
        )
        e.line(
          end + ms,
          'DEBUG',
          `${source} PubSub: Got notified of reachability for async identifier ${async}: ${reachable} for ${address} (responded in ${ms} ms)`,
          e.pubsubThread,
        )
        return jitter(e, 15 * minute)
      },
    },
    {
      // The relay is a separate process holding a connection to a Plex relay (reference §6.1,
      // corpus network README): the server's own log shows no request of it.
      name: 'relay',
      first: 30_000,
      run: (e, t) => {
        const gates = [e.prefGate('RelayEnabled')]
        if (e.sends('relay', gates)) {
          const certificate = e.world.setting('CertificateUUID')
          const hash = plexDirectHash(
            typeof certificate === 'string' ? certificate : undefined,
            e.options.machineIdentifier,
          )
          const host = `${demoNetwork.relayAddress.replace(/\./g, '-')}.${hash}.plex.direct`
          e.record(t, { method: 'CONNECT', url: `https://${host}:443`, flow: 'relay', gates })
        }
        return jitter(e, 30 * minute)
      },
    },
    {
      // UPnP / NAT-PMP requests to the router while remote access maps its port by itself (§6.2).
      name: 'port-mapping',
      first: 25_000,
      run: (e, t) => {
        const gates = [
          e.prefGate('ManualPortMappingMode', v => v === false),
          e.prefGate('PublishServerOnPlexOnlineKey'),
        ]
        if (
          e.world.setting('ManualPortMappingMode') !== undefined &&
          e.sends('port-mapping', gates)
        ) {
          e.record(t, {
            method: 'SSDP',
            url: 'udp://239.255.255.250:1900',
            flow: 'port-mapping',
            gates,
          })
        }
        return jitter(e, 60 * minute)
      },
    },
    {
      // A scan finds items and the agent matches them: one match and one metadata fetch per item.
      name: 'library-refresh',
      first: 2 * minute,
      run: (e, t) => {
        refreshLibraries(e, t, () => true)
        return jitter(e, 45 * minute)
      },
    },
    {
      // The butler's periodic refresh re-fetches the metadata of matched items (MODELLED schedule:
      // the real task runs in the nightly maintenance window).
      name: 'periodic-refresh',
      first: 90 * minute,
      run: (e, t) => {
        let at = t
        for (const library of e.world.libraries()) {
          const gates = [e.prefGate('ButlerTaskRefreshPeriodicMetadata'), e.agentGate(library)]
          if (!library.agent.startsWith('tv.plex.agents.') || !e.sends('periodic-refresh', gates)) {
            continue
          }
          for (const item of library.items) {
            at = e.request(at + e.random.int(20, 200), {
              method: 'GET',
              url: metadataUrl(item.guid),
              flow: 'periodic-refresh',
              gates,
              component: 'MetadataAgentManager',
            })
          }
        }
        return jitter(e, 240 * minute)
      },
    },
    {
      // Artist biographies and the like, fetched for music libraries (MODELLED: the same request as
      // any metadata fetch).
      name: 'music-enrichment',
      first: 70 * minute,
      run: (e, t) => {
        let at = t
        for (const library of e.world.libraries()) {
          if (library.type !== 'artist' || !library.agent.startsWith('tv.plex.agents.')) {
            continue
          }
          const gates = [e.agentGate(library), e.libraryPrefGate(library, 'artistBios')]
          if (library.pref('artistBios') === undefined || !e.sends('music-enrichment', gates)) {
            continue
          }
          for (const item of library.items) {
            at = e.request(at + e.random.int(20, 200), {
              method: 'GET',
              url: metadataUrl(item.guid),
              flow: 'music-enrichment',
              gates,
            })
          }
        }
        return jitter(e, 180 * minute)
      },
    },
    {
      // MODELLED: cinema trailers of new movies come from Plex's metadata service, for a movie
      // library that plays trailers before its films.
      name: 'cinema-trailers',
      first: 6 * minute,
      run: (e, t) => {
        const movies = e.world.libraries().filter(library => library.type === 'movie')
        const playing =
          movies.find(library => library.pref('enableCinemaTrailers') === true) ?? movies[0]
        if (playing === undefined) {
          return jitter(e, 120 * minute)
        }
        const sources = ['CinemaTrailersFromTheater', 'CinemaTrailersFromBluRay']
        const on = sources.filter(id => e.on(id))
        const sourceGates = (on.length > 0 ? on : sources).map(id => e.prefGate(id))
        const gates = [...sourceGates, e.libraryPrefGate(playing, 'enableCinemaTrailers')]
        if (e.sends('cinema-trailers', gates)) {
          const kind = e.on('CinemaTrailersFromBluRay') ? 'bluray' : 'theater'
          e.request(t, {
            method: 'GET',
            url: `${metadataHost}/hubs/sections/home/trailers?type=${kind}&X-Plex-Token=${e.token()}`,
            flow: 'cinema-trailers',
            gates,
          })
        }
        return jitter(e, 120 * minute)
      },
    },
    {
      // VERIFIED: release channels and the update check (2017, 2018 logs).
      name: 'updates',
      first: 5_000,
      run: (e, t) => {
        const channel = String(e.world.setting('ButlerUpdateChannel') ?? '16')
        const end = e.request(t, {
          method: 'GET',
          url: `${plexTv}/api/v2/release_channels?X-Plex-Token=${e.token()}`,
          flow: 'update-check',
          gates: [],
        })
        e.request(end + 5, {
          method: 'GET',
          url: `${plexTv}/updater/products/1/check.xml?build=linux-x86_64&channel=${channel}&distribution=debian&version=${e.options.version}&X-Plex-Token=${e.token()}`,
          flow: 'update-check',
          gates: [],
        })
        return jitter(e, 240 * minute)
      },
    },
    {
      // Servers that install updates by themselves download the new build during maintenance
      // (reference §1.3 ButlerTaskUpdateServer, §4.4 downloads.plex.tv; MODELLED schedule).
      name: 'update-download',
      first: 100 * minute,
      run: (e, t) => {
        const gates = [e.prefGate('ButlerTaskUpdateServer', v => v === 'always')]
        if (
          e.world.setting('ButlerTaskUpdateServer') !== undefined &&
          e.sends('update-download', gates)
        ) {
          e.request(t, {
            method: 'GET',
            url: 'https://downloads.plex.tv/plex-media-server-new/1.42.2.10156-f737b826c/debian/plexmediaserver_1.42.2.10156-f737b826c_amd64.deb',
            flow: 'update-download',
            gates,
          })
        }
        return jitter(e, 360 * minute)
      },
    },
    {
      // MODELLED: the plex.direct certificate is checked with plex.tv now and then.
      name: 'certificates',
      first: 8_000,
      run: (e, t) => {
        e.request(t, {
          method: 'GET',
          url: `${plexTv}/api/v2/devices/${e.options.machineIdentifier}/certificate/subject?X-Plex-Token=${e.token()}`,
          flow: 'certificates',
          gates: [],
        })
        return jitter(e, 720 * minute)
      },
    },
  ]
}

/** A stable stand-in for a file's hash (the legacy agent looks files up by it). */
function fileHash(e: TrafficEmitter, file: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < file.length; i++) {
    h = Math.imul(h ^ file.charCodeAt(i), 0x01000193)
  }
  return `${(h >>> 0).toString(16).padStart(8, '0')}${e.options.machineIdentifier.slice(0, 32)}`
}

function matchItem(
  e: TrafficEmitter,
  library: TrafficLibrary,
  at: number,
  item: TrafficLibrary['items'][number],
  gates: readonly Gate[],
): number {
  const flow: DemoFlow = 'matching'
  if (library.agent.startsWith('tv.plex.agents.')) {
    at = e.request(at, {
      method: 'POST',
      url: matchUrl(),
      body: matchBody(library.type, library.location, item),
      flow,
      gates,
      component: 'MetadataAgentManager',
    })
    return e.request(at + 2, { method: 'GET', url: metadataUrl(item.guid), flow, gates })
  }
  for (const url of legacyAgentUrls(library.type, item, fileHash(e, item.file))) {
    at = e.request(at + 2, { method: 'GET', url, flow, gates })
  }
  return at
}

/**
 * A metadata refresh of the libraries the filter picks: for each item of a library whose agent asks
 * an internet service, its match and metadata, then its extras when the library finds extras.
 */
export function refreshLibraries(
  e: TrafficEmitter,
  time: number,
  pick: (libraryId: number) => boolean,
): void {
  let at = time
  const token = e.token()
  for (const library of e.world.libraries()) {
    const gates = [e.agentGate(library)]
    if (!pick(library.id) || !e.sends('matching', gates)) {
      continue
    }
    e.line(
      at,
      'DEBUG',
      `Activity: updated activity ${e.random.uuid()} - completed 0.0% - Refreshing`,
    )
    const video = library.type === 'movie' || library.type === 'show'
    const extrasGates = [e.agentGate(library), e.libraryPrefGate(library, 'useExternalExtras')]
    for (const item of library.items) {
      at = matchItem(e, library, at + e.random.int(5, 80), item, gates)
      if (
        video &&
        library.pref('useExternalExtras') !== undefined &&
        e.sends('extras', extrasGates)
      ) {
        at = e.request(at + 3, {
          method: 'GET',
          url: extrasUrl(item.guid, token),
          flow: 'extras',
          gates: extrasGates,
        })
      }
    }
  }
}
