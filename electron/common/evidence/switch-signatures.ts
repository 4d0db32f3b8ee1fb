import type { RequestSignature } from './request-signature'

/**
 * A kind of request that a switch (or a set of switches) controls.
 *
 * `sentBy` lists the ways the server comes to send it; each way is the switches that must all be
 * on. A request is evidence against a switch that was off when it was sent only if no way of
 * sending it had all its switches on at that moment; if every way needs that switch, the switch
 * leaked; if other ways are closed too, the request is ambiguous between them.
 */
export interface SwitchSignature extends RequestSignature {
  readonly sentBy: readonly (readonly string[])[]
}

// Hosts of the legacy metadata agents (ref §2.6, §4.4: the Plex Movie (Legacy) bundle and the
// other agents' services). Any request to them comes from an agent working on a library.
const legacyAgentHosts = [
  'meta.plex.tv',
  'meta.plex.bz',
  'api.cinematerial.com',
  'api4.thetvdb.com',
  'tvdb2.plex.tv',
  'acoustid.plex.tv',
  'lyricfind.plex.tv',
  'mpm.plex.tv',
]

const crashHosts = ['.ingest.sentry.io', 'sentry.io', 'crashreport.plexapp.com']

/**
 * The signatures, tried in order (the first that matches names the request). A switch listed in
 * some `sentBy` is verified from the server's log; the catalog says why the others cannot be.
 */
export const switchSignatures: readonly SwitchSignature[] = [
  {
    id: 'metadata-match',
    hosts: ['metadata.provider.plex.tv'],
    methods: ['POST', 'GET'],
    pathPrefix: '/library/metadata/matches',
    ref: 'ref §9.1 (POST <provider>/library/metadata/matches, the hints in a JSON body)',
    sentBy: [['metadata-matching']],
  },
  {
    id: 'online-extras',
    hosts: ['metadata.provider.plex.tv'],
    pathPattern: /\/extras(?:$|\/)/,
    ref: 'ref §4.4 (trailers and extras; MODELLED path …/library/metadata/<id>/extras)',
    sentBy: [['extras', 'metadata-matching']],
  },
  {
    id: 'legacy-extras',
    hosts: ['api.internetvideoarchive.com', '.internetvideoarchive.net'],
    ref: 'ref §4.4 (iva://api.internetvideoarchive.com, the legacy agent’s trailers)',
    sentBy: [['extras', 'metadata-matching']],
  },
  {
    id: 'cinema-trailers',
    hosts: ['metadata.provider.plex.tv'],
    pathPrefix: '/hubs/',
    pathPattern: /\/trailers(?:$|\/)/,
    ref: 'map items 6, 7 (cinema trailers of new releases; MODELLED path /hubs/sections/home/trailers)',
    sentBy: [['trailers', 'cinema-trailers']],
  },
  {
    id: 'metadata-fetch',
    hosts: ['metadata.provider.plex.tv'],
    methods: ['GET'],
    pathPrefix: '/library/metadata/',
    ref: 'ref §9.1 (GET <provider>/library/metadata/<ratingKey>, /children, /images)',
    sentBy: [['metadata-matching']],
  },
  {
    id: 'legacy-agent',
    hosts: legacyAgentHosts,
    ref: 'ref §2.6, §4.4 (legacy agents: meta.plex.tv file hashes, TheTVDB, CineMaterial, …)',
    sentBy: [['metadata-matching']],
  },
  {
    id: 'reachability-check',
    hosts: ['plex.tv'],
    methods: ['PUT', 'GET', 'POST'],
    pathPattern: /^\/api\/servers\/[^/]+\/connectivity/,
    ref: 'ref §4.1 (2018 log: PUT plex.tv/api/servers/<id>/connectivity), §6.2',
    sentBy: [['remote-access']],
  },
  {
    id: 'custom-address-published',
    hosts: ['plex.tv'],
    methods: ['PUT'],
    pathPrefix: '/devices/',
    params: [{ name: 'Connection[][uri]', publicUrl: true }],
    ref: 'ref §1.3 (customConnections: "published up to plex.tv"), §4.4 (PUT /devices/<id>?Connection[][uri]=)',
    sentBy: [['custom-connections']],
  },
  {
    id: 'crash-upload-with-retries',
    hosts: crashHosts,
    params: [{ name: 'allowRetries', pattern: /^(?:true|1|yes)?$/i }],
    ref: 'ref §1.3 (CrashUploadRetries ↔ CrashUploader --allowRetries, INFERRED), §3.4',
    sentBy: [['crash-reports', 'crash-upload-retries']],
  },
  {
    id: 'crash-upload',
    hosts: crashHosts,
    ref: 'ref §3.4, §9.2 (CrashUploader job: --sentryUrl, or --url before Sentry)',
    sentBy: [['crash-reports']],
  },
  {
    id: 'webhook-event',
    hosts: ['@webhooks'],
    methods: ['POST'],
    ref: 'ref §5.4 (the account’s webhook URLs; WebHooksEnabled gates sending)',
    sentBy: [['webhooks']],
  },
  {
    id: 'playback-statistics',
    hosts: ['analytics.plex.tv', 'metrics.plex.tv'],
    params: [{ name: 'event', pattern: /^(?:playback:|server:playback$)/ }],
    ref: 'ref §5.1, Appendix C (playback:* events, off when optOutPlayback; MODELLED: the event name in the query)',
    sentBy: [['usage-data']],
  },
  {
    id: 'library-statistics',
    hosts: ['analytics.plex.tv', 'metrics.plex.tv'],
    params: [{ name: 'event', pattern: /^library:/ }],
    ref: 'ref §5.1, Appendix C (library:* events, off when optOutLibraryStats; MODELLED: the event name in the query)',
    sentBy: [['library-stats']],
  },
  {
    id: 'watch-state-sync',
    hosts: ['scrobbles.plex.tv'],
    ref: 'ref §4.4 (scrobbles.plex.tv), §5.3, §9.5 ([Req#…/ViewStateSync/HCl#…] lines)',
    sentBy: [['view-state-sync']],
  },
  {
    id: 'update-download',
    hosts: ['downloads.plex.tv'],
    ref: 'ref §4.4 (downloads.plex.tv/plex-media-server-new/…), §1.3 (ButlerTaskUpdateServer: always = during maintenance)',
    sentBy: [['automatic-updates']],
  },
]
