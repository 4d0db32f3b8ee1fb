import { describe, expect, it } from 'vitest'
import { readCorpus } from '../server/testing/corpus-dir'
import { parseLsofColumns, parseLsofFields, unescapeLsof } from './lsof-output'
import { identifyPlexProcess } from './plex-processes'

describe('lsof', () => {
  it('reads the real column output, names unescaped', () => {
    const { rows, skipped } = parseLsofColumns(
      readCorpus('network/linux_lsof-nP-iTCP-iUDP_hush-capture.txt'),
    )
    expect(skipped).toBe(0)
    expect(rows).toHaveLength(20)
    expect(rows).toContainEqual({
      protocol: 'tcp',
      local: { address: '127.0.0.1', port: 41922 },
      remote: { address: '127.0.0.2', port: 4443 },
      state: 'ESTABLISHED',
      pid: 3614,
      command: 'Plex R',
      uid: 7777,
    })
    expect(rows.find(r => r.local.port === 32410)).toMatchObject({
      protocol: 'udp',
      state: 'UNCONN',
    })
    expect(rows.find(r => r.local.port === 38116)).toMatchObject({
      protocol: 'udp',
      remote: { address: '127.0.0.5', port: 1900 },
    })
    expect(rows.find(r => r.local.address === '::1' && r.state === 'CLOSE_WAIT')).toBeDefined()
  })

  it('gets the whole 15-character name with +c 0 and from field output', () => {
    const wide = parseLsofColumns(readCorpus('network/linux_lsof-nP-iTCP-iUDP-c0_hush-capture.txt'))
    expect(new Set(wide.rows.map(r => r.command))).toEqual(
      new Set(['node', 'Plex Media Serv', 'Plex Relay']),
    )
    const fields = parseLsofFields(readCorpus('network/linux_lsof-F_hush-capture.txt'))
    expect(fields.skipped).toBe(0)
    expect(fields.rows.map(r => [r.command, r.local.port, r.state])).toEqual(
      wide.rows.map(r => [r.command, r.local.port, r.state]),
    )
  })

  it('reads the 2017 sample, where old lsof printed "Plex" for every Plex program', () => {
    const { rows, skipped, firstSkipped } = parseLsofColumns(
      readCorpus('network/linux_lsof-i-c15_2017_ubuntuforums-gufw.txt'),
    )
    expect(rows.map(r => [r.pid, r.protocol, r.local.port, r.state])).toEqual([
      [8733, 'udp', 1901, 'UNCONN'],
      [8806, 'udp', 1900, 'UNCONN'],
      [8806, 'tcp', 1753, 'LISTEN'],
      [8806, 'udp', 8063, 'UNCONN'],
    ])
    // A host name (no -n) is not an address: the row is counted, not guessed.
    expect(skipped).toBe(1)
    expect(firstSkipped).toContain('robins-desktop:49130->robins-desktop:8063')
    expect(identifyPlexProcess({ name: rows[0]?.command, nameMayBeCut: true })?.id).toBe('plex')
  })

  it('reads macOS output of the documented format (constructed sample: see its sidecar)', () => {
    const { rows, skipped } = parseLsofColumns(
      readCorpus('network/macos_lsof-nP-iTCP-iUDP_CONSTRUCTED.txt'),
    )
    expect(skipped).toBe(0)
    expect(rows.find(r => r.pid === 977 && r.remote?.port === 443)).toMatchObject({
      command: 'Plex R',
      remote: { address: '198.51.100.44', port: 443 },
    })
    expect(rows.find(r => r.pid === 1203)).toMatchObject({
      command: 'CrashUplo',
      state: 'SYN_SENT',
    })
    expect(rows.find(r => r.remote?.address === '2001:db8:1::a')?.local.address).toBe(
      '2001:db8::20',
    )
    const fields = parseLsofFields(readCorpus('network/macos_lsof-F_CONSTRUCTED.txt'))
    expect(fields.rows.map(r => [r.command, r.uid, r.state])).toEqual([
      ['Plex Media Serv', 501, 'ESTABLISHED'],
      ['Plex Media Serv', 501, 'UNCONN'],
      ['Plex Relay', 501, 'ESTABLISHED'],
    ])
  })

  it('undoes every escape lsof writes', () => {
    expect(unescapeLsof('Plex\\x20Media\\x20Serv')).toBe('Plex Media Serv')
    expect(unescapeLsof('a\\\\b')).toBe('a\\b')
  })
})
