import type { OutboundCategory } from './categories'

/**
 * One row of the outbound classifier: a host (exact, or a suffix when it starts with `.`), an
 * optional path prefix and port, and what the traffic is for.
 *
 * `ref` cites where the fact comes from: `ref §4.4` is docs/server-reference.md §4.4 (upstream
 * hosts), `map` is docs/privacy-map.md; `policyItem` is a key of policy-item.ts (`collect-3` =
 * "Information we collect", item 3).
 */
export interface ClassifierRow {
  readonly host: string
  readonly path?: string
  /** A part the path must contain (e.g. `/extras`), checked after `path`. */
  readonly pathContains?: string
  /** A part the query string must contain (e.g. `event=library`), as logged (percent-encoded or not). */
  readonly queryContains?: readonly string[]
  readonly port?: number
  readonly service: string
  readonly category: OutboundCategory
  readonly policyItem: string | null
  readonly ref: string
}

/** The rows: a host's exact rows in order, then the suffix rows in order; the first match wins. */
export const classifierTable: readonly ClassifierRow[] = [
  // plex.tv: the account and server registry (ref §4.4 row 1, §3.2 of the map).
  {
    host: 'plex.tv',
    pathContains: '/certificate',
    service: 'plex.direct certificate',
    category: 'certificates',
    policyItem: 'security-1',
    ref: 'ref §1.3 (CertificateUUID: plex.direct TLS certificate)',
  },
  {
    host: 'plex.tv',
    pathContains: '/connectivity',
    service: 'plex.tv reachability check',
    category: 'remote-access',
    policyItem: 'collect-8',
    ref: 'map item 8 (/api/servers/…/connectivity), ref §6.2',
  },
  {
    host: 'metadata.provider.plex.tv',
    pathContains: '/extras',
    service: 'Plex trailers and extras',
    category: 'trailers-extras',
    policyItem: 'collect-6',
    ref: 'map items 6, 7 (trailers and extras)',
  },
  {
    host: 'metadata.provider.plex.tv',
    path: '/hubs/',
    pathContains: '/trailers',
    service: 'Plex cinema trailers',
    category: 'trailers-extras',
    policyItem: 'collect-6',
    ref: 'map items 6, 7 (cinema trailers of new releases)',
  },
  {
    host: 'metadata.provider.plex.tv',
    path: '/library/streams/matches',
    service: 'Plex subtitle search',
    category: 'other-upstream',
    policyItem: 'collect-3',
    ref: 'ref §4.4 (subtitles-search endpoint /library/streams/matches)',
  },
  {
    host: 'metadata.provider.plex.tv',
    path: '/library/sections/watchlist',
    service: 'Plex watchlist',
    category: 'account',
    policyItem: 'collect-1',
    ref: 'ref §4.4 (metadata.provider.plex.tv serves the watchlist)',
  },
  {
    host: 'metadata.provider.plex.tv',
    path: '/library/metadata/matches',
    service: 'Plex metadata: match',
    category: 'metadata-matching',
    policyItem: 'collect-3',
    ref: 'ref §9.1 (POST …/library/metadata/matches, hints in a JSON body)',
  },
  {
    host: 'plex.tv',
    path: '/updater/',
    service: 'plex.tv update check',
    category: 'updates',
    policyItem: 'collect-11',
    ref: 'ref §4.4 (updater/products/1/check.xml)',
  },
  {
    host: 'plex.tv',
    path: '/api/v2/release_channels',
    service: 'plex.tv update channels',
    category: 'updates',
    policyItem: 'collect-11',
    ref: 'ref §4.4 (release_channels)',
  },
  {
    host: 'plex.tv',
    path: '/api/downloads/',
    service: 'plex.tv downloads',
    category: 'updates',
    policyItem: 'collect-11',
    ref: 'ref §4.4 (api/downloads/5.json)',
  },
  {
    host: 'plex.tv',
    path: '/downloads/',
    service: 'plex.tv downloads',
    category: 'updates',
    policyItem: 'collect-11',
    ref: 'ref §4.4 (downloads/details/5)',
  },
  {
    host: 'downloads.plex.tv',
    service: 'Plex downloads',
    category: 'updates',
    policyItem: 'collect-11',
    ref: 'ref §4.4 (downloads.plex.tv)',
  },
  {
    host: 'plex.tv',
    path: '/devices/',
    service: 'plex.tv server registration',
    category: 'registration',
    policyItem: 'collect-8',
    ref: 'ref §4.4 (PUT /devices/<machineId>?Connection[][uri]=)',
  },
  {
    host: 'plex.tv',
    path: '/api/servers/',
    service: 'plex.tv server registration',
    category: 'registration',
    policyItem: 'collect-8',
    ref: 'map item 8 (/api/servers/…/connectivity)',
  },
  {
    host: 'plex.tv',
    path: '/api/claim/',
    service: 'plex.tv server claim',
    category: 'registration',
    policyItem: 'collect-8',
    ref: 'ref §4.4 (/api/claim/exchange)',
  },
  {
    host: 'plex.tv',
    path: '/pms/:/ip',
    service: 'public IP lookup',
    category: 'remote-access',
    policyItem: 'collect-8',
    ref: 'ref §4.4 (v4.plex.tv/pms/:/ip)',
  },
  {
    host: 'plex.tv',
    service: 'plex.tv account',
    category: 'account',
    policyItem: 'collect-1',
    ref: 'ref §4.4 (access_tokens, users, media/providers)',
  },
  {
    host: 'v4.plex.tv',
    service: 'public IP lookup',
    category: 'remote-access',
    policyItem: 'collect-8',
    ref: 'ref §4.4 (v4.plex.tv/pms/:/ip)',
  },
  {
    host: 'my.plexapp.com',
    path: '/pms/:/ip',
    service: 'public IP lookup',
    category: 'remote-access',
    policyItem: 'collect-8',
    ref: 'corpus plexlastfm 2014 (HTTP requesting to: my.plexapp.com/pms/:/ip)',
  },
  {
    host: 'my.plexapp.com',
    service: 'plex.tv account (legacy)',
    category: 'account',
    policyItem: 'collect-1',
    ref: 'corpus plexlastfm 2014',
  },
  {
    host: 'clients.plex.tv',
    service: 'Plex sign-in',
    category: 'account',
    policyItem: 'collect-1',
    ref: 'ref §4.4 (clients.plex.tv JWT auth)',
  },
  {
    host: 'app.plex.tv',
    service: 'Plex web app',
    category: 'account',
    policyItem: 'collect-1',
    ref: 'ref §4.4 (app.plex.tv/auth)',
  },
  {
    host: 'pubsub.plex.tv',
    service: 'Plex pub/sub',
    category: 'remote-access',
    policyItem: 'collect-8',
    ref: 'ref §4.4 (pubsub.plex.tv reachability)',
  },
  {
    host: 'pubsub.plex.bz',
    service: 'Plex pub/sub',
    category: 'remote-access',
    policyItem: 'collect-8',
    ref: 'ref §4.4 (community allow-lists)',
  },
  // Relay endpoints are plex.direct names on port 8443 (ref §4.4, §6.1); other plex.direct names reach this server.
  {
    host: '.plex.direct',
    port: 8443,
    service: 'Plex Relay',
    category: 'relay',
    policyItem: 'collect-13',
    ref: 'ref §4.4, §6.1 (relay on *.plex.direct:8443)',
  },
  {
    host: '.plex.direct',
    service: 'plex.direct address',
    category: 'remote-access',
    policyItem: 'collect-8',
    ref: 'ref §4.4 (*.plex.direct)',
  },
  // Metadata matching (map item 3).
  {
    host: 'metadata.provider.plex.tv',
    service: 'Plex metadata',
    category: 'metadata-matching',
    policyItem: 'collect-3',
    ref: 'ref §4.4 (metadata.provider.plex.tv)',
  },
  {
    host: 'meta.plex.tv',
    service: 'Plex Movie (legacy) metadata',
    category: 'metadata-matching',
    policyItem: 'collect-3',
    ref: 'ref §4.4 (legacy agent hosts)',
  },
  {
    host: 'meta.plex.bz',
    service: 'Plex metadata',
    category: 'metadata-matching',
    policyItem: 'collect-3',
    ref: 'ref §4.4 (community allow-lists)',
  },
  {
    host: 'mpm.plex.tv',
    service: 'Plex metadata provider',
    category: 'metadata-matching',
    policyItem: 'collect-3',
    ref: 'ref §4.4 (mpm.plex.tv)',
  },
  {
    host: 'acoustid.plex.tv',
    service: 'audio fingerprints',
    category: 'metadata-matching',
    policyItem: 'collect-3',
    ref: 'ref §4.4 (acoustid.plex.tv)',
  },
  {
    host: 'lyricfind.plex.tv',
    service: 'lyrics',
    category: 'metadata-matching',
    policyItem: 'collect-3',
    ref: 'ref §4.4 (lyricfind.plex.tv)',
  },
  {
    host: 'api4.thetvdb.com',
    service: 'TheTVDB',
    category: 'metadata-matching',
    policyItem: 'collect-3',
    ref: 'ref §4.4 (api4.thetvdb.com)',
  },
  {
    host: 'tvdb2.plex.tv',
    service: 'TheTVDB proxy',
    category: 'metadata-matching',
    policyItem: 'collect-3',
    ref: 'ref §4.4 (community allow-lists)',
  },
  {
    host: 'api.cinematerial.com',
    service: 'CineMaterial posters',
    category: 'metadata-matching',
    policyItem: 'collect-3',
    ref: 'ref §4.4 (legacy agent hosts)',
  },
  // Third-party content: trailers and extras, Live TV and DVR (map items 6, 7).
  {
    host: 'api.internetvideoarchive.com',
    service: 'IVA trailers and extras',
    category: 'trailers-extras',
    policyItem: 'collect-6',
    ref: 'ref §4.4 (iva://api.internetvideoarchive.com)',
  },
  {
    host: '.internetvideoarchive.net',
    service: 'IVA trailers and extras',
    category: 'trailers-extras',
    policyItem: 'collect-6',
    ref: 'ref §4.4 (IVA)',
  },
  {
    host: 'tvthemes.plexapp.com',
    service: 'TV theme music',
    category: 'trailers-extras',
    policyItem: 'collect-6',
    ref: 'ref §4.4 (community allow-lists; purpose inferred)',
  },
  {
    host: 'epg.provider.plex.tv',
    service: 'Live TV guide',
    category: 'live-tv',
    policyItem: 'collect-7',
    ref: 'ref §4.4 (epg.provider.plex.tv)',
  },
  {
    host: 'tmsapi.plex.tv',
    service: 'Gracenote TMS guide',
    category: 'live-tv',
    policyItem: 'collect-7',
    ref: 'ref §4.4 (tmsapi.plex.tv)',
  },
  {
    host: '.cddbp.net',
    service: 'Gracenote eyeQ',
    category: 'live-tv',
    policyItem: 'collect-7',
    ref: 'ref §4.4 (cddbp.net)',
  },
  // Usage statistics (map item 5).
  {
    host: 'analytics.plex.tv',
    queryContains: ['event=library%3A', 'event=library:'],
    service: 'Plex analytics: library statistics',
    category: 'usage',
    policyItem: 'collect-5',
    ref: 'ref §5.1, Appendix C (library:* events)',
  },
  {
    host: 'analytics.plex.tv',
    queryContains: [
      'event=playback%3A',
      'event=playback:',
      'event=server%3Aplayback',
      'event=server:playback',
    ],
    service: 'Plex analytics: playback',
    category: 'usage',
    policyItem: 'collect-5',
    ref: 'ref §5.1, Appendix C (playback:* events)',
  },
  {
    host: 'analytics.plex.tv',
    service: 'Plex analytics',
    category: 'usage',
    policyItem: 'collect-5',
    ref: 'ref §4.4 (analytics.plex.tv)',
  },
  {
    host: 'metrics.plex.tv',
    service: 'Plex metrics',
    category: 'usage',
    policyItem: 'collect-5',
    ref: 'ref §4.4 (metrics.plex.tv)',
  },
  {
    host: 'scrobbles.plex.tv',
    service: 'Plex watch-state sync (scrobbles)',
    category: 'usage',
    policyItem: 'collect-5',
    ref: 'ref §4.4 (scrobbles.plex.tv), corpus grammar ([Req#…/ViewStateSync/HCl#…], HTTP/2.0 … scrobbles.plex.tv)',
  },
  {
    host: 'community.plex.tv',
    service: 'Plex community (Discover)',
    category: 'account',
    policyItem: 'collect-1',
    ref: 'ref §4.4 (community.plex.tv: Discover and the account’s community features)',
  },
  {
    host: 'www.google-analytics.com',
    service: 'Google Analytics',
    category: 'usage',
    policyItem: 'collect-5',
    ref: 'corpus plexlastfm 2014 (HTTP requesting to: google-analytics.com/collect)',
  },
  // Debug information sent: crash reports (map item 10).
  {
    host: '.ingest.sentry.io',
    service: 'Sentry crash reports',
    category: 'crash-reports',
    policyItem: 'collect-10',
    ref: 'ref §3.4, §4.4 (CrashUploader --sentryUrl)',
  },
  {
    host: 'crashreport.plexapp.com',
    service: 'Plex crash reports (before Sentry)',
    category: 'crash-reports',
    policyItem: 'collect-10',
    ref: "ref §9.2 ('--url=https://crashreport.plexapp.com', 2019)",
  },
  {
    host: 'sentry.io',
    service: 'Sentry crash reports',
    category: 'crash-reports',
    policyItem: 'collect-10',
    ref: 'ref §3.4',
  },
  // Certificates (security item 1: TLS).
  {
    host: '.digicert.com',
    service: 'DigiCert OCSP',
    category: 'certificates',
    policyItem: 'security-1',
    ref: 'ref §4.4 (ocspx.digicert.com)',
  },
  {
    host: '.lencr.org',
    service: "Let's Encrypt OCSP",
    category: 'certificates',
    policyItem: 'security-1',
    ref: "ref §4.4 (Plex now uses Let's Encrypt)",
  },
  {
    host: '.letsencrypt.org',
    service: "Let's Encrypt",
    category: 'certificates',
    policyItem: 'security-1',
    ref: "ref §4.4 (Plex now uses Let's Encrypt)",
  },
  // Third-party control (map item 4) and other Plex services.
  {
    host: 'sonos.plex.tv',
    service: 'Sonos companion',
    category: 'other-upstream',
    policyItem: 'collect-4',
    ref: 'ref §4.4 (sonos.plex.tv)',
  },
  {
    host: 'vod.provider.plex.tv',
    service: 'Plex online media',
    category: 'other-upstream',
    policyItem: 'collect-6',
    ref: 'ref §4.4 (online media sources)',
  },
  {
    host: 'music.provider.plex.tv',
    service: 'Plex online media',
    category: 'other-upstream',
    policyItem: 'collect-6',
    ref: 'ref §4.4 (online media sources)',
  },
  {
    host: 'discover.provider.plex.tv',
    service: 'Plex online media',
    category: 'other-upstream',
    policyItem: 'collect-6',
    ref: 'ref §4.4 (online media sources)',
  },
  {
    host: '.plex.tv',
    service: 'Plex service',
    category: 'other-upstream',
    policyItem: 'collect-11',
    ref: 'map item 11 (device information with every plex.tv call)',
  },
  {
    host: '.plexapp.com',
    service: 'Plex service (legacy)',
    category: 'other-upstream',
    policyItem: 'collect-11',
    ref: 'ref §4.4 (community allow-lists)',
  },
  {
    host: '.plex.bz',
    service: 'Plex service',
    category: 'other-upstream',
    policyItem: 'collect-11',
    ref: 'ref §4.4 (community allow-lists)',
  },
]
