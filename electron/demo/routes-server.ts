import { demoNetwork, remoteAccessState, type DemoWorld } from './demo-world'
import { settingPairs, status, type DemoRoute } from './http-types'
import type { ResponseElement } from './render'
import { settingsContainer } from './setting-element'

const ownerFeatures =
  'adaptive_bitrate,camera_upload,cloudsync,collections,download_certificates,dvr,federated-auth,hardware_transcoding,home,hwtranscode,item_clusters,livetv,loudness,lyrics,music_videos,pass,photo_autotags,premium_music_metadata,radio,server-manager,session_bandwidth_restrictions,session_kick,sync,trailers,type-first,webhooks'

function friendlyName(world: DemoWorld): string {
  const name = world.prefs.value('FriendlyName')
  return typeof name === 'string' && name !== '' ? name : 'hush-demo'
}

function rootContainer(world: DemoWorld): ResponseElement {
  const identity = world.prefs.identity()
  const remote = remoteAccessState(world)
  const push = world.prefs.definition('PushNotificationsEnabled')
  return {
    tag: 'MediaContainer',
    attributes: {
      size: 0,
      allowCameraUpload: true,
      allowChannelAccess: true,
      allowMediaDeletion: true,
      allowSharing: true,
      allowSync: true,
      allowTuners: true,
      backgroundProcessing: true,
      certificate: true,
      companionProxy: true,
      countryCode: 'usa',
      diagnostics: 'logs,databases,streaminglogs',
      eventStream: true,
      friendlyName: friendlyName(world),
      hubSearch: true,
      itemClusters: true,
      livetv: 7,
      machineIdentifier: identity.machineIdentifier,
      mediaProviders: true,
      multiuser: true,
      myPlex: true,
      myPlexMappingState: remote === 'off' ? 'unknown' : 'mapped',
      myPlexSigninState: 'ok',
      myPlexSubscription: true,
      myPlexUsername: identity.mail,
      offlineTranscode: 1,
      ownerFeatures,
      photoAutoTag: true,
      platform: demoNetwork.platform,
      platformVersion: demoNetwork.platformVersion,
      pluginHost: true,
      pushNotifications: push === undefined ? false : world.prefs.value(push.id) === true,
      readOnlyLibraries: false,
      streamingBrainABRVersion: 3,
      streamingBrainVersion: 2,
      sync: true,
      transcoderActiveVideoSessions: 0,
      transcoderAudio: true,
      transcoderVideo: true,
      updatedAt: Math.floor(Date.now() / 1000),
      updater: true,
      version: world.version(),
      voiceSearch: true,
    },
  }
}

/** The routes of the server itself: identity, root, prefs, account mapping, agents, sessions. */
export function serverRoutes(world: DemoWorld): DemoRoute[] {
  return [
    {
      methods: ['GET'],
      pattern: /^\/identity\/?$/,
      auth: 'none',
      handle: () => ({
        status: 200,
        element: {
          tag: 'MediaContainer',
          attributes: {
            size: 0,
            apiVersion: world.edition() === 'modern' ? '1.1.1' : undefined,
            claimed: true,
            machineIdentifier: world.prefs.identity().machineIdentifier,
            version: world.version(),
          },
        },
      }),
    },
    {
      methods: ['GET'],
      pattern: /^\/$/,
      auth: 'token',
      handle: () => ({ status: 200, element: rootContainer(world) }),
    },
    {
      methods: ['GET', 'PUT'],
      pattern: /^\/:\/prefs\/?$/,
      auth: 'token',
      handle: async request => {
        if (request.method === 'GET') {
          return {
            status: 200,
            element: settingsContainer(world.prefs.settings(), world.prefs.value),
          }
        }
        const written = await world.prefs.write(settingPairs(request.url))
        if (!written.ok) {
          return status(written.error.status, written.error.message)
        }
        world.settingsChanged(written.value)
        return status(200)
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/:\/prefs\/get\/?$/,
      auth: 'token',
      handle: request => {
        const setting = world.prefs.definition(request.url.searchParams.get('id') ?? '')
        return setting === undefined
          ? status(404)
          : { status: 200, element: settingsContainer([setting], world.prefs.value) }
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/myplex\/account\/?$/,
      auth: 'token',
      handle: () => {
        const remote = remoteAccessState(world)
        const identity = world.prefs.identity()
        return {
          status: 200,
          element: {
            tag: 'MyPlex',
            attributes: {
              authToken: identity.token,
              username: identity.username,
              mappingState: remote === 'off' ? 'unknown' : 'mapped',
              mappingError: remote === 'unreachable' ? 'unreachable' : '',
              mappingErrorMessage:
                remote === 'unreachable' ? 'The server is not reachable from outside.' : '',
              signInState: 'ok',
              publicAddress: demoNetwork.publicAddress,
              publicPort: 32400,
              privateAddress: demoNetwork.lanAddress,
              privatePort: 32400,
              subscriptionFeatures: ownerFeatures,
              subscriptionActive: true,
              subscriptionState: 'Active',
            },
          },
        }
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/system\/agents\/?$/,
      auth: 'token',
      handle: request => {
        const wanted = request.url.searchParams.get('mediaType')
        const agents = world
          .agents()
          .filter(agent => wanted === null || agent.mediaTypes.includes(Number(wanted)))
        return {
          status: 200,
          element: {
            tag: 'MediaContainer',
            attributes: { size: agents.length },
            children: agents.map(agent => ({
              tag: 'Agent',
              attributes: {
                hasAttribution: agent.identifier.startsWith('tv.plex') || agent.online,
                hasPrefs: agent.online,
                identifier: agent.identifier,
                primary: agent.primary,
                name: agent.name,
              },
              children: agent.mediaTypes.map(mediaType => ({
                tag: 'MediaType',
                attributes: { mediaType, name: mediaTypeNames[mediaType] ?? 'other' },
                children: [{ tag: 'Language', attributes: { code: 'en' } }],
              })),
            })),
          },
        }
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/status\/sessions\/?$/,
      auth: 'token',
      handle: () => ({ status: 200, element: { tag: 'MediaContainer', attributes: { size: 0 } } }),
    },
  ]
}

const mediaTypeNames: Readonly<Record<number, string>> = {
  1: 'movie',
  2: 'show',
  8: 'artist',
  9: 'album',
  13: 'photo',
}
