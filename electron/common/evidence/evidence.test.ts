import { describe, expect, it } from 'vitest'
import { switchCatalog } from '../switches/catalog'
import { attributeRequest, signaturesOf } from './attribute-request'
import { backgroundFlowIds, backgroundFlows, backgroundMatchOrder } from './background-flows'
import { switchSignatures } from './switch-signatures'

function named(method: string, url: string, webhookHosts: string[] | null = null): string {
  const found = attributeRequest(method, url, { webhookHosts })
  return found.kind === 'switch'
    ? `switch ${found.signature.id}`
    : found.kind === 'background'
      ? `background ${found.flow.id}`
      : 'other'
}

describe('request signatures', () => {
  it.each([
    // Real request lines (reference §4.1, §9) and their kind.
    [
      'PUT',
      'https://plex.tv/devices/baa4?Connection[][uri]=http://192.168.0.6:32400&httpsEnabled=1&X-Plex-Token=xxxxxxxxxxxxxxxxxxxx',
      'background registration',
    ],
    [
      'PUT',
      'https://plex.tv/devices/baa4?Connection[][uri]=http://192.168.0.6:32400&Connection[][uri]=https://plex.example.org:443&X-Plex-Token=xxxxxxxxxxxxxxxxxxxx',
      'switch custom-address-published',
    ],
    [
      'PUT',
      'https://plex.tv/api/servers/baa4/connectivity?asyncIdentifier=f5&X-Plex-Token=xxxxxxxxxxxxxxxxxxxx',
      'switch reachability-check',
    ],
    [
      'GET',
      'https://plex.tv/api/v2/server/access_tokens?auth_token=xxxxxxxxxxxxxxxxxxxx',
      'background account',
    ],
    [
      'GET',
      'https://plex.tv/servers/baa4/access_tokens.xml?auth_token=xxxxxxxxxxxxxxxxxxxx&includeProfiles=1',
      'background account',
    ],
    ['GET', 'https://plex.tv/media/providers?X-Plex-Token=', 'background media-providers'],
    ['GET', 'https://plex.tv/api/v2/release_channels?X-Plex-Token=', 'background update-check'],
    [
      'GET',
      'https://plex.tv/updater/products/1/check.xml?build=linux-ubuntu-x86_64&channel=16&version=1.9.4',
      'background update-check',
    ],
    [
      'GET',
      'https://downloads.plex.tv/plex-media-server-new/1.42.2/debian/plexmediaserver_1.42.2_amd64.deb',
      'switch update-download',
    ],
    ['GET', 'http://ocspx.digicert.com/MFEwTzBNMEsw', 'background certificates'],
    ['GET', 'https://plex.tv/api/v2/devices/abc/certificate/subject', 'background certificates'],
    ['GET', 'https://pubsub.plex.tv:443/sub', 'background pubsub'],
    [
      'GET',
      'http://127.0.0.1:49194/system/agents/attribution?identifier=com.plexapp.agents.localmedia',
      'background plug-in-host',
    ],
    [
      'POST',
      'https://metadata.provider.plex.tv/library/metadata/matches?X-Plex-Country=US&X-Plex-Language=en-US',
      'switch metadata-match',
    ],
    [
      'GET',
      'https://metadata.provider.plex.tv/library/metadata/5d776825880197001ec967c3?X-Plex-Country=US',
      'switch metadata-fetch',
    ],
    [
      'GET',
      'https://metadata.provider.plex.tv/library/metadata/5d776825880197001ec967c3/extras',
      'switch online-extras',
    ],
    [
      'GET',
      'https://metadata.provider.plex.tv/hubs/sections/home/trailers?type=theater',
      'switch cinema-trailers',
    ],
    ['GET', 'https://metadata.provider.plex.tv/library/streams/matches?title=x', 'other'],
    [
      'GET',
      'https://metadata.provider.plex.tv/library/sections/watchlist/all',
      'background account',
    ],
    ['GET', 'https://meta.plex.tv/movie/hash/ab/abcdef.xml', 'switch legacy-agent'],
    [
      'POST',
      'https://o17675.ingest.sentry.io/api/1233455/?version=1.41.5&serverUuid=7900&userId=NOUSERID',
      'switch crash-upload',
    ],
    [
      'POST',
      'https://o17675.ingest.sentry.io/api/1233455/?version=1.41.5&allowRetries=true',
      'switch crash-upload-with-retries',
    ],
    ['POST', 'https://crashreport.plexapp.com?version=1.14.1', 'switch crash-upload'],
    [
      'POST',
      'https://analytics.plex.tv/collect/event?event=playback%3Aitemstart',
      'switch playback-statistics',
    ],
    [
      'POST',
      'https://analytics.plex.tv/collect/event?event=library%3Ascan%3Acomplete',
      'switch library-statistics',
    ],
    ['POST', 'https://analytics.plex.tv/collect/event?event=client%3Astart', 'other'],
    ['GET', 'https://scrobbles.plex.tv/scrobble?key=101', 'switch watch-state-sync'],
    ['GET', 'https://epg.provider.plex.tv/grid', 'other'],
    ['POST', 'https://hooks.example.net/plex', 'other'],
  ])('%s %s → %s', (method, url, expected) => {
    expect(named(method, url)).toBe(expected)
  })

  it('names a POST to one of the owner’s webhooks as a webhook event, and only then', () => {
    expect(named('POST', 'https://hooks.example.net/plex', ['hooks.example.net'])).toBe(
      'switch webhook-event',
    )
    expect(named('GET', 'https://hooks.example.net/plex', ['hooks.example.net'])).toBe('other')
    expect(named('POST', 'https://elsewhere.example/x', ['hooks.example.net'])).toBe('other')
  })

  it('gives every switch whose flow shows in the log at least one signature, and no other switch any', () => {
    for (const entry of switchCatalog) {
      const own = signaturesOf(entry.id)
      if (entry.evidence.kind === 'log') {
        expect(own.length, entry.id).toBeGreaterThan(0)
      } else {
        expect(
          own.map(s => s.id),
          entry.id,
        ).toEqual([])
      }
    }
  })

  it('names only switches of the catalog, and cites its evidence', () => {
    const ids = new Set(switchCatalog.map(entry => entry.id))
    for (const signature of switchSignatures) {
      for (const id of signature.sentBy.flat()) {
        expect(ids.has(id), `${signature.id} → ${id}`).toBe(true)
      }
      expect(signature.ref).toMatch(/ref §|map item/)
    }
    for (const entry of switchCatalog) {
      if (entry.evidence.kind === 'indistinguishable') {
        for (const id of entry.evidence.from) {
          expect(ids.has(id)).toBe(true)
        }
      }
    }
  })

  it('tries every background flow, each once', () => {
    expect([...backgroundMatchOrder].sort()).toEqual([...backgroundFlowIds].sort())
    expect(backgroundFlows.map(flow => flow.id)).toEqual([...backgroundFlowIds])
  })
})
