import { demoNetwork, plexDirectHash } from './demo-world'
import type { TrafficEmitter } from './traffic-emitter'
import { extrasUrl, metadataHost, metadataMatchUrl } from './traffic-urls'

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

// Hosts and paths marked VERIFIED come from real logs (reference §4); the others are MODELLED.
const plexTv = 'https://plex.tv'

/** The server's periodic outbound traffic and its local noise. */
export function trafficJobs(): TrafficJob[] {
  return [
    {
      // VERIFIED shape (2017 log): publishes the server's connection URIs to plex.tv.
      name: 'registration',
      first: 2_000,
      run: (e, t) => {
        const id = e.options.machineIdentifier
        const custom = e.world.setting('customConnections')
        const uris = [`http://${demoNetwork.lanAddress}:${e.options.port}`]
        if (typeof custom === 'string' && custom.trim() !== '') {
          uris.push(...custom.split(',').map(uri => uri.trim()))
        }
        const connections = uris.map(uri => `Connection[][uri]=${uri}`).join('&')
        e.request(t, {
          method: 'PUT',
          url: `${plexTv}/devices/${id}?${connections}&httpsEnabled=1&httpsRequired=0&X-Plex-Token=${e.token()}`,
          category: 'registration',
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
        let at = e.request(t, { method: 'GET', url: tokensUrl, category: 'account' })
        e.line(at + 2, 'DEBUG', `MyPlex: updating with ${e.random.int(2, 9)} access tokens`)
        at = e.request(at + 2, {
          method: 'GET',
          url: `${plexTv}/api/v2/server/users?auth_token=${token}`,
          category: 'account',
        })
        at = e.request(at + 2, {
          method: 'GET',
          url: `${plexTv}/api/v2/server/users/subscriptions?auth_token=${token}`,
          category: 'account',
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
      name: 'media-providers',
      first: 4_000,
      run: (e, t) => {
        e.request(t, {
          method: 'GET',
          url: `${plexTv}/media/providers?X-Plex-Token=${e.token()}`,
          category: 'account',
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
      name: 'remote-access',
      first: 20_000,
      run: (e, t) => {
        if (!e.allowed('remote-access', e.on('PublishServerOnPlexOnlineKey'))) {
          return jitter(e, 15 * minute)
        }
        const async = e.random.uuid()
        const end = e.request(t, {
          method: 'PUT',
          url: `${plexTv}/api/servers/${e.options.machineIdentifier}/connectivity?asyncIdentifier=${async}&X-Plex-Token=${e.token()}`,
          category: 'remote-access',
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
      // MODELLED: the relay keeps an outbound connection to a Plex relay on port 8443 (reference §6.1).
      name: 'relay',
      first: 30_000,
      run: (e, t) => {
        const unreachable = e.world.remoteUnreachable() || !e.on('PublishServerOnPlexOnlineKey')
        if (e.allowed('relay', e.on('RelayEnabled'))) {
          const certificate = e.world.setting('CertificateUUID')
          const hash = plexDirectHash(
            typeof certificate === 'string' ? certificate : undefined,
            e.options.machineIdentifier,
          )
          const host = `${demoNetwork.relayAddress.replace(/\./g, '-')}.${hash}.plex.direct`
          e.request(t, {
            method: 'GET',
            url: `https://${host}:8443/relay/keepalive?X-Plex-Token=${e.token()}`,
            category: 'relay',
            component: 'Relay',
          })
        }
        return jitter(e, (unreachable ? 10 : 30) * minute)
      },
    },
    {
      // One match per item of every library whose agent is online (MODELLED request, see traffic-urls).
      name: 'library-refresh',
      first: 2 * minute,
      run: (e, t) => {
        refreshLibraries(e, t, () => true)
        return jitter(e, 45 * minute)
      },
    },
    {
      // MODELLED: cinema trailers of new movies come from Plex's metadata service.
      name: 'cinema-trailers',
      first: 6 * minute,
      run: (e, t) => {
        // Only a movie library that plays cinema trailers asks for them.
        const played = e.world
          .libraries()
          .some(
            library => library.type === 'movie' && library.pref('enableCinemaTrailers') === true,
          )
        const wanted =
          played && (e.on('CinemaTrailersFromTheater') || e.on('CinemaTrailersFromBluRay'))
        if (e.allowed('trailers-extras', wanted)) {
          const kind = e.on('CinemaTrailersFromBluRay') ? 'bluray' : 'theater'
          e.request(t, {
            method: 'GET',
            url: `${metadataHost}/hubs/sections/home/trailers?type=${kind}&X-Plex-Token=${e.token()}`,
            category: 'trailers-extras',
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
          category: 'updates',
        })
        e.request(end + 5, {
          method: 'GET',
          url: `${plexTv}/updater/products/1/check.xml?build=linux-x86_64&channel=${channel}&distribution=debian&version=${e.options.version}&X-Plex-Token=${e.token()}`,
          category: 'updates',
        })
        return jitter(e, 240 * minute)
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
          category: 'certificates',
        })
        return jitter(e, 720 * minute)
      },
    },
  ]
}

/**
 * A metadata refresh of the libraries the filter picks: for each item of a library with an online
 * agent, a match request with its hint fields, then its extras when the library finds extras.
 */
export function refreshLibraries(
  e: TrafficEmitter,
  time: number,
  pick: (libraryId: number) => boolean,
): void {
  let at = time
  const token = e.token()
  for (const library of e.world.libraries()) {
    if (!pick(library.id)) {
      continue
    }
    if (!e.allowed('metadata-matching', library.online)) {
      continue
    }
    e.line(
      at,
      'DEBUG',
      `Activity: updated activity ${e.random.uuid()} - completed 0.0% - Refreshing`,
    )
    for (const item of library.items) {
      at = e.request(at + e.random.int(5, 80), {
        method: 'GET',
        url: metadataMatchUrl(library.agent, library.type, item, token),
        category: 'metadata-matching',
        component: 'MetadataAgentManager',
      })
      const extras = library.pref('useExternalExtras') === true && library.online
      const video = library.type === 'movie' || library.type === 'show'
      if (video && e.allowed('trailers-extras', extras)) {
        at = e.request(at + 3, {
          method: 'GET',
          url: extrasUrl(item.guid, token),
          category: 'trailers-extras',
        })
      }
    }
  }
}
