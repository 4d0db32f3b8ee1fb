import { describe, expect, it } from 'vitest'
import { outboundCategories } from './categories'
import { classifierTable } from './classifier-table'
import { classify } from './classify'
import { applyPrivacyLevel } from './privacy-level'
import { urlParts } from './url-parts'
import type { OutboundEvent } from './outbound-event'

/** `post <url>` classifies as `<url>` does: the method never changes what a request is for. */
function of(spec: string): string {
  const c = classify(urlParts(spec.replace(/^post /, '')))
  return `${c.category} ${c.policyItem ?? '-'} ${c.upstream ? 'up' : 'local'}`
}

describe('classify', () => {
  it.each([
    ['https://plex.tv/updater/products/1/check.xml?build=x', 'updates collect-11 up'],
    ['https://plex.tv/api/v2/release_channels?X-Plex-Token=', 'updates collect-11 up'],
    [
      'https://plex.tv/devices/abc?Connection[][uri]=http://192.168.0.6:32400',
      'registration collect-8 up',
    ],
    ['https://plex.tv/api/servers/abc/connectivity?x=1', 'remote-access collect-8 up'],
    ['https://plex.tv/api/servers/abc?x=1', 'registration collect-8 up'],
    ['https://plex.tv/api/v2/devices/abc/certificate/subject', 'certificates security-1 up'],
    [
      'https://metadata.provider.plex.tv/library/metadata/5d77/extras',
      'trailers-extras collect-6 up',
    ],
    ['https://plex.tv/api/v2/server/users?auth_token=REDACTED', 'account collect-1 up'],
    ['https://PLEX.TV/media/providers', 'account collect-1 up'],
    ['https://v4.plex.tv/pms/:/ip', 'remote-access collect-8 up'],
    ['https://pubsub.plex.tv:443/sub', 'remote-access collect-8 up'],
    ['https://139-162-22-22.abc.plex.direct:8443/x', 'relay collect-13 up'],
    ['https://metadata.provider.plex.tv/library/matches', 'metadata-matching collect-3 up'],
    ['https://o17675.ingest.sentry.io/api/1233455/', 'crash-reports collect-10 up'],
    ['https://analytics.plex.tv/collect', 'usage collect-5 up'],
    ['https://epg.provider.plex.tv/grid', 'live-tv collect-7 up'],
    [
      'iva://api.internetvideoarchive.com/2.0/DataService/VideoAssets(1)',
      'trailers-extras collect-6 up',
    ],
    ['http://ocspx.digicert.com/MFEw', 'certificates security-1 up'],
    ['https://example.org/hook', 'other-upstream - up'],
    ['post https://hooks.example.net/plex', 'other-upstream - up'],
    [
      'post https://metadata.provider.plex.tv/library/metadata/matches?X-Plex-Country=US',
      'metadata-matching collect-3 up',
    ],
    [
      'https://metadata.provider.plex.tv/hubs/sections/home/trailers?type=theater',
      'trailers-extras collect-6 up',
    ],
    [
      'https://metadata.provider.plex.tv/library/streams/matches?x=1',
      'other-upstream collect-3 up',
    ],
    ['https://community.plex.tv/api', 'account collect-1 up'],
    ['https://crashreport.plexapp.com?version=1.14.1', 'crash-reports collect-10 up'],
    ['http://127.0.0.1:33753/system/:/prefs', 'local collect-9 local'],
    ['http://[::1]:32400/identity', 'local - local'],
    ['http://10.0.0.5:32400/identity', 'local - local'],
  ])('%s → %s', (url, expected) => {
    expect(of(url)).toBe(expected)
  })

  it('has a category of categories.ts and a citation in every row', () => {
    for (const row of classifierTable) {
      expect(outboundCategories).toContain(row.category)
      expect(row.ref.length).toBeGreaterThan(3)
    }
  })

  it('lets extra rows (e.g. the owner’s webhooks) win over the table', () => {
    const c = classify(urlParts('https://hooks.example.org/plex'), [
      {
        host: 'hooks.example.org',
        service: 'webhook',
        category: 'webhooks',
        policyItem: 'collect-4',
        ref: 'owner',
      },
    ])
    expect(c.category).toBe('webhooks')
  })
})

describe('applyPrivacyLevel', () => {
  const event: OutboundEvent = {
    key: 'k',
    time: '2025-08-04T20:03:26.574+03:00',
    localTime: false,
    method: 'GET',
    url: 'https://plex.tv/api/v2/users?auth_token=REDACTED',
    host: 'plex.tv',
    upstream: true,
    status: 200,
    error: null,
    service: 'plex.tv account',
    category: 'account',
    policyItem: 'collect-1',
    source: { file: 'Plex Media Server.log', line: 3 },
  }
  it('keeps less at each level', () => {
    expect(applyPrivacyLevel(event, 0)).toBe(event)
    expect(applyPrivacyLevel(event, 1).url).toBe('https://plex.tv/api/v2/users')
    expect(applyPrivacyLevel(event, 2).url).toBe('https://plex.tv')
    expect(applyPrivacyLevel(event, 3)).toMatchObject({
      url: '',
      host: '',
      time: '2025-08-04',
      source: { line: 0 },
    })
  })
})
