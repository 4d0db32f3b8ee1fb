import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { OutboundEvent, SkipCounts } from '../../common/outbound/outbound-event'
import { corpusDir } from '../server/testing/corpus-dir'
import { parseFiles } from './parse/parse-file'

const logs = join(corpusDir, 'logs')

async function parse(
  ...names: string[]
): Promise<{ events: OutboundEvent[]; skipped: SkipCounts[] }> {
  const events: OutboundEvent[] = []
  const result = await parseFiles(
    names.map(name => join(logs, name)),
    batch => events.push(...batch),
  )
  return { events, skipped: result.skipped }
}

/** The facts of an event a reader checks by hand. */
function brief(e: OutboundEvent): string {
  return `${e.source.line} ${e.method} ${e.host} ${e.status ?? 'null'} ${e.category}`
}

const none = { malformed: 0, tooLong: 0, invalidUtf8: 0, notLogLine: 0 }

describe('the real log excerpts of the corpus', () => {
  it('is present', () => {
    expect(existsSync(logs)).toBe(true)
  })

  it('2022 ARM: one loopback exchange (request line 2, HTTP/1.1 200 on line 4); "Sending command over HTTP" and "HTTP reply status" are not exchanges', async () => {
    const { events, skipped } = await parse('googlecast_94_pms2022_arm_prefs.log')
    expect(events.map(brief)).toEqual(['2 GET 127.0.0.1 200 local'])
    expect(events[0]).toMatchObject({
      url: 'http://127.0.0.1:33753/system/:/prefs',
      upstream: false,
      service: 'plug-in host',
      time: '2022-01-12T13:42:24.676',
      localTime: true,
    })
    expect(skipped).toEqual([none])
  })

  it('2015 without milliseconds, hard-wrapped paste: two loopback requests (lines 1, 13), never answered; the 7 wrapped tails are counted as skipped', async () => {
    const { events, skipped } = await parse('iptvbundle_19_pms2015_wrapped.log')
    expect(events.map(brief)).toEqual(['1 GET 127.0.0.1 null local', '13 GET 127.0.0.1 null local'])
    expect(events[0]?.time).toBe('2015-11-11T01:02:58')
    expect(skipped).toEqual([{ ...none, notLogLine: 7 }])
  })

  it('2018 Docker, 4-space indent: part 1 has two plex.tv requests with empty tokens, unanswered in the excerpt', async () => {
    const { events, skipped } = await parse('lsio_docker-plex_142_pms1.13.8_part1.log')
    expect(events.map(brief)).toEqual(['5 GET plex.tv null updates', '9 GET plex.tv null account'])
    expect(events[0]?.url).toBe('https://plex.tv/api/v2/release_channels?X-Plex-Token=')
    expect(skipped).toEqual([none])
  })

  it('2018 Docker part 2 alone: the 200 and 401 responses (lines 3, 5) lack their requests and still make events', async () => {
    const { events } = await parse('lsio_docker-plex_142_pms1.13.8_part2.log')
    expect(events.map(brief)).toEqual([
      '3 GET plex.tv 200 updates',
      '4 GET plex.tv null account',
      '5 GET plex.tv 401 account',
      '8 GET 127.0.0.1 null local',
    ])
  })

  it('2018 Docker parts 1 and 2 together: responses pair with their requests by thread, method and URL', async () => {
    const { events } = await parse(
      'lsio_docker-plex_142_pms1.13.8_part1.log',
      'lsio_docker-plex_142_pms1.13.8_part2.log',
    )
    expect(events.map(e => `${e.source.file.slice(-9)}:${brief(e)}`)).toEqual([
      'part1.log:5 GET plex.tv 200 updates',
      'part1.log:9 GET plex.tv 401 account',
      'part2.log:4 GET plex.tv null account',
      'part2.log:8 GET 127.0.0.1 null local',
    ])
  })

  it('a 1.6 kB inbound Request: line is neither an exchange nor skipped', async () => {
    const { events, skipped } = await parse('lsio_docker-plex_142_pms1.13.8_part3_longline.log')
    expect(events).toEqual([])
    expect(skipped).toEqual([none])
  })

  it('2025 macOS: inbound Request:/Completed: lines and web-client paths are not exchanges', async () => {
    for (const name of [
      'pgma_332_pms_macos_2025_activities.log',
      'pgma_332_pms_macos_2025_webclient.log',
    ]) {
      const { events, skipped } = await parse(name)
      expect(events).toEqual([])
      expect(skipped).toEqual([none])
    }
  })

  it('2025 macOS: a [Req#143/HCl#eb] request to the plug-in host on line 4 (its response was cut from the excerpt)', async () => {
    const { events } = await parse('pgma_332_pms_macos_2025_localhttpclient.log')
    expect(events.map(brief)).toEqual(['4 GET 127.0.0.1 null local'])
    expect(events[0]?.service).toBe('plug-in host')
  })

  it('2014 (2,146 lines): three "HTTP requesting to:" exchanges, upstream; "Got public IP from" and document caching are not; the partial first line is skipped', async () => {
    const { events, skipped } = await parse('plexlastfm_2014_pms0.9_unicode_pms.log')
    expect(events.map(brief)).toEqual([
      '358 UNKNOWN www.google-analytics.com null usage',
      '498 UNKNOWN my.plexapp.com null remote-access',
      '1880 UNKNOWN my.plexapp.com null remote-access',
    ])
    expect(events.every(e => e.upstream)).toBe(true)
    expect(skipped).toEqual([{ ...none, notLogLine: 1 }])
  })

  it('2014 transcode log (1,394 lines): one loopback "HTTP requesting to:" on line 176', async () => {
    const { events, skipped } = await parse('plexlastfm_2014_pms0.9_universal_transcode.log')
    expect(events.map(brief)).toEqual(['176 UNKNOWN 127.0.0.1 null local'])
    expect(skipped).toEqual([none])
  })

  it('2026 Czech UI copy (Ladění —) and 2017 decimal-tid VERBOSE dump: no exchanges, nothing skipped', async () => {
    for (const name of [
      'plezy_199_pms2026_czech_Ladeni.log',
      'radarr_1396_pms2017_decimal_tid_verbose.log',
    ]) {
      const { events, skipped } = await parse(name)
      expect(events).toEqual([])
      expect(skipped).toEqual([none])
    }
  })

  it('a plug-in framework log is not a server log: all 8 lines skipped, its "Requesting" line is no exchange', async () => {
    const { events, skipped } = await parse('pms_plugin_framework_2016_requestchannel_NEGATIVE.log')
    expect(events).toEqual([])
    expect(skipped).toEqual([{ ...none, notLogLine: 8 }])
  })

  it('2026 Windows grep (160 lines): seven [HCl#…] PUTs to this server, each answered 200 on another thread', async () => {
    const { events, skipped } = await parse('r0cksteady_pms_windows_2026_correlation_grep.log')
    expect(events.map(brief)).toEqual(
      [105, 113, 121, 129, 136, 145, 153].map(line => `${line} PUT 127.0.0.1 200 local`),
    )
    expect(events.every(e => e.service === 'this server')).toBe(true)
    expect(skipped).toEqual([none])
  })

  it('2026 Windows forensic grep (45 lines): two answered PUTs (lines 35, 43)', async () => {
    const { events } = await parse('r0cksteady_pms_windows_2026_forensic_grep.log')
    expect(events.map(brief)).toEqual(['35 PUT 127.0.0.1 200 local', '43 PUT 127.0.0.1 200 local'])
  })
})
