import type { OptOutValue } from './account-state'
import { demoNetwork, plexDirectHash, remoteAccessState, type DemoWorld } from './demo-world'
import { status, type DemoRequest, type DemoResponse, type DemoRoute } from './http-types'
import type { ResponseElement } from './render'

// A part of the real analytics event list (reference Appendix C) and the flag that turns each off.
const metricEvents: readonly (readonly [
  string,
  'playback' | 'library' | 'anonymous' | 'identifiable',
])[] = [
  ['playback:itemstart', 'playback'],
  ['playback:itemend', 'playback'],
  ['playback:server:itemstart', 'playback'],
  ['server:playback', 'playback'],
  ['library:created', 'library'],
  ['library:scan:complete', 'library'],
  ['metadata:match', 'anonymous'],
  ['server:job:failure', 'anonymous'],
  ['imagga:tagging_request', 'identifiable'],
  ['nominatim:reverse_geocode', 'identifiable'],
  ['server:startup', 'identifiable'],
]

/** Answers JSON or a plex.tv-style XML element by the request's Accept header. */
function answer(request: DemoRequest, json: unknown, element: ResponseElement): DemoResponse {
  return request.format === 'json' ? { status: 200, json } : { status: 200, element }
}

function form(request: DemoRequest): URLSearchParams {
  const merged = new URLSearchParams(request.body)
  for (const [key, value] of request.url.searchParams) {
    merged.set(key, value)
  }
  return merged
}

function parseFlag(raw: string | null): boolean | undefined | 'bad' {
  if (raw === null) {
    return undefined
  }
  const word = raw.toLowerCase()
  return word === '1' || word === 'true' ? true : word === '0' || word === 'false' ? false : 'bad'
}

function userJson(world: DemoWorld): Record<string, unknown> {
  const identity = world.prefs.identity()
  return {
    id: 12345,
    uuid: world.account.settings().uuid,
    username: identity.username,
    title: identity.username,
    email: identity.mail,
    friendlyName: '',
    locale: null,
    confirmed: true,
    hasPassword: true,
    protected: false,
    authToken: identity.token,
    country: 'US',
    subscription: {
      active: true,
      status: 'Active',
      plan: 'lifetime',
      features: ['webhooks', 'pass'],
    },
  }
}

function resourcesJson(world: DemoWorld, includeRelay: boolean): Record<string, unknown>[] {
  const identity = world.prefs.identity()
  const id = identity.machineIdentifier
  const remote = remoteAccessState(world)
  const hash = plexDirectHash(world.prefs.attributes().get('CertificateUUID'), id)
  const dashed = (ip: string): string => ip.replace(/\./g, '-')
  const connection = (address: string, port: number, local: boolean, relay: boolean) => ({
    protocol: 'https',
    address,
    port,
    uri: `https://${dashed(address)}.${hash}.plex.direct:${port}`,
    local,
    relay,
    IPv6: false,
  })
  const plain = (port: number, local: boolean) => ({
    protocol: 'http',
    address: '127.0.0.1',
    port,
    uri: `http://127.0.0.1:${port}`,
    local,
    relay: false,
    IPv6: false,
  })
  // The secure LAN address comes first, as plex.tv lists it; its plex.direct name resolves nowhere
  // from here, so it is dead — a client must fall back to the next one: the demo on loopback.
  const connections = [connection(demoNetwork.lanAddress, 32400, true, false)]
  const lanPort = world.lanPort()
  if (lanPort !== null) {
    connections.push(plain(lanPort, true))
  }
  // With an address on the home network (lan-door.ts), the main port stands for the server's
  // public address: the one a computer away from home still reaches it on.
  connections.push(plain(world.port(), lanPort === null))
  if (remote !== 'off') {
    connections.push(connection(demoNetwork.publicAddress, 32400, false, false))
  }
  const relayOn =
    world.prefs.definition('RelayEnabled') !== undefined &&
    world.prefs.value('RelayEnabled') === true
  if (includeRelay && relayOn && remote !== 'reachable') {
    connections.push(connection(demoNetwork.relayAddress, 8443, false, true))
  }
  return [
    {
      name: world.prefs.value('FriendlyName') || 'hush-demo',
      product: 'Plex Media Server',
      productVersion: world.version(),
      platform: demoNetwork.platform,
      platformVersion: demoNetwork.platformVersion,
      device: 'Docker Container',
      clientIdentifier: id,
      createdAt: '2024-01-01T12:00:00Z',
      lastSeenAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      provides: 'server',
      ownerId: null,
      sourceTitle: null,
      publicAddress: demoNetwork.publicAddress,
      accessToken: identity.token,
      owned: true,
      home: false,
      synced: false,
      relay: relayOn,
      presence: true,
      // Secure connections Required (0) makes plex.tv tell apps to use https only.
      httpsRequired: world.prefs.value('secureConnections') === 0,
      publicAddressMatches: true,
      dnsRebindingProtection: false,
      natLoopbackSupported: false,
      connections,
    },
  ]
}

const flat = (tag: string, object: Record<string, unknown>): ResponseElement => ({
  tag,
  attributes: Object.fromEntries(
    Object.entries(object).filter((entry): entry is [string, string | number | boolean] =>
      ['string', 'number', 'boolean'].includes(typeof entry[1]),
    ),
  ),
})

/** The plex.tv account endpoints (reference §5), served on the demo's port with the same token. */
export function accountRoutes(world: DemoWorld): DemoRoute[] {
  const account = world.account
  const uuidRoute = (match: RegExpMatchArray): boolean => match[1] === account.settings().uuid
  return [
    {
      methods: ['GET'],
      pattern: /^\/api\/v2\/user\/?$/,
      auth: 'token',
      plexTv: true,
      handle: request => answer(request, userJson(world), flat('user', userJson(world))),
    },
    {
      methods: ['GET', 'PUT'],
      pattern: /^\/api\/v2\/user\/privacy\/?$/,
      auth: 'token',
      plexTv: true,
      handle: async request => {
        if (request.method === 'PUT') {
          const values = form(request)
          const playback = parseFlag(values.get('optOutPlayback'))
          const library = parseFlag(values.get('optOutLibraryStats'))
          if (playback === 'bad' || library === 'bad') {
            return status(400, 'optOutPlayback and optOutLibraryStats take 0 or 1')
          }
          await account.update(settings => {
            settings.optOutPlayback = playback ?? settings.optOutPlayback
            settings.optOutLibraryStats = library ?? settings.optOutLibraryStats
          })
          return status(204)
        }
        const settings = account.settings()
        const metrics = metricEvents.map(([event, kind]) => ({
          event,
          status:
            kind === 'playback'
              ? settings.optOutPlayback
                ? 'off'
                : 'anonymous'
              : kind === 'library'
                ? settings.optOutLibraryStats
                  ? 'off'
                  : 'anonymous'
                : kind,
        }))
        const json = {
          optOutPlayback: settings.optOutPlayback,
          optOutLibraryStats: settings.optOutLibraryStats,
          domain: 'analytics.plex.tv',
          baseUrl: 'https://analytics.plex.tv',
          metrics,
        }
        return answer(request, json, {
          ...flat('privacy', json),
          children: metrics.map(metric => ({ tag: 'metric', attributes: metric })),
        })
      },
    },
    {
      methods: ['GET', 'POST'],
      pattern: /^\/api\/v2\/user\/([^/]+)\/settings\/opt_outs\/?$/,
      auth: 'token',
      plexTv: true,
      handle: async (request, match) => {
        if (!uuidRoute(match)) {
          return status(404)
        }
        if (request.method === 'POST') {
          const values = form(request)
          const key = values.get('key') ?? ''
          const value = values.get('value') ?? ''
          if (
            !(key in account.settings().optOuts) ||
            !['opt_in', 'opt_out', 'opt_out_managed'].includes(value)
          ) {
            return status(400, 'unknown key or value')
          }
          if (key === 'tv.plex.provider.music' && value === 'opt_out_managed') {
            return status(400, 'tv.plex.provider.music cannot be opt_out_managed')
          }
          await account.update(settings => {
            settings.optOuts[key] = value as OptOutValue
          })
          return status(204)
        }
        const list = Object.entries(account.settings().optOuts).map(([key, value]) => ({
          key,
          value,
        }))
        return answer(request, list, {
          tag: 'optOuts',
          attributes: {},
          children: list.map(entry => ({ tag: 'optOut', attributes: entry })),
        })
      },
    },
    {
      methods: ['GET', 'PUT'],
      pattern: /^\/api\/v2\/user\/view_state_sync\/?$/,
      auth: 'token',
      plexTv: true,
      handle: async request => {
        if (request.method === 'PUT') {
          const consent = parseFlag(form(request).get('consent'))
          if (consent === undefined || consent === 'bad') {
            return status(400, 'consent takes true or false')
          }
          await account.update(settings => {
            settings.viewStateSync = consent
          })
          return status(204)
        }
        const json = { consent: account.settings().viewStateSync }
        return answer(request, json, flat('viewStateSync', json))
      },
    },
    {
      methods: ['GET', 'POST'],
      pattern: /^\/api\/v2\/user\/webhooks\/?$/,
      auth: 'token',
      plexTv: true,
      handle: async request => {
        if (request.method === 'POST') {
          const urls = form(request).getAll('urls[]')
          await account.update(settings => {
            settings.webhooks = urls.filter(url => url !== '')
          })
          return status(201)
        }
        const list = account.settings().webhooks.map(url => ({ url }))
        return answer(request, list, {
          tag: 'webhooks',
          attributes: {},
          children: list.map(entry => ({ tag: 'webhook', attributes: entry })),
        })
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/api\/v2\/resources\/?$/,
      auth: 'token',
      plexTv: true,
      handle: request => {
        const list = resourcesJson(world, request.url.searchParams.get('includeRelay') === '1')
        return answer(request, list, {
          tag: 'resources',
          attributes: {},
          children: list.map(resource => ({
            ...flat('resource', resource),
            children: [
              {
                tag: 'connections',
                attributes: {},
                children: (resource.connections as Record<string, unknown>[]).map(c =>
                  flat('connection', c),
                ),
              },
            ],
          })),
        })
      },
    },
  ]
}
