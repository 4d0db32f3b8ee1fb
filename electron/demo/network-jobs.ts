import { demoNetwork, plexDirectHash } from './demo-world'
import { jitter, minute, plexTv, type TrafficJob } from './traffic-job'

/** What a custom address looks like when the demo has never seen the owner's own. */
const exampleCustomAddress = 'https://plex.example.org:443'

/**
 * The server's periodic traffic about itself and its network: registration, the account, media
 * providers, reachability, the relay and port mapping. Hosts and paths marked VERIFIED come from
 * real logs (reference §4, §9); the others are MODELLED.
 */
export function networkJobs(): TrafficJob[] {
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
  ]
}
