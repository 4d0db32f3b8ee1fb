import { describe, expect, it } from 'vitest'
import { readCorpus } from '../server/testing/corpus-dir'
import { parseLinuxNetstat, parseWindowsNetstat } from './netstat-output'
import { identifyPlexProcess } from './plex-processes'
import type { SocketRow } from './socket-types'

/** The Plex processes a sample shows, with the ports each listens on (or is bound to). */
function plexPorts(rows: readonly SocketRow[]): Record<string, number[]> {
  const found: Record<string, number[]> = {}
  for (const row of rows) {
    const id = identifyPlexProcess({ name: row.command, nameMayBeCut: true })?.id
    if (id !== undefined) {
      ;(found[id] ??= []).push(row.local.port)
    }
  }
  for (const ports of Object.values(found)) {
    ports.sort((a, b) => a - b)
  }
  return found
}

describe('Linux net-tools netstat, on the real samples of Plex', () => {
  it('2012, netstat -antp with a collapsed header and a CLOSE_WAIT of the DLNA server', () => {
    const { rows, skipped } = parseLinuxNetstat(
      readCorpus('network/linux_netstat-antp_2012_ubuntuforums-proftpd.txt'),
    )
    expect(skipped).toBe(0)
    expect(plexPorts(rows)).toEqual({
      server: [32400],
      dlna: [32469, 53949, 55660],
      'script-host': [38710],
    })
    expect(rows.find(r => r.state === 'CLOSE_WAIT')).toMatchObject({
      local: { address: '127.0.0.1', port: 55660 },
      remote: { address: '127.0.0.1', port: 45462 },
      pid: 1375,
      command: 'Plex DLNA Serv',
    })
    // "-": the owner of a half-open connection is not known.
    expect(rows.find(r => r.state === 'SYN_RECV')?.pid).toBeUndefined()
  })

  it('2013 and 2014, netstat -tulpn with UDP rows that have no state', () => {
    const y2013 = parseLinuxNetstat(
      readCorpus('network/linux_netstat-tulpn_2013_ubuntuforums-port80.txt'),
    )
    expect(y2013.skipped).toBe(0)
    expect(plexPorts(y2013.rows).server).toEqual([
      32400, 32410, 32413, 32414, 33402, 42208, 57733, 60625,
    ])
    expect(y2013.rows.filter(r => r.protocol === 'udp').every(r => r.state === 'UNCONN')).toBe(true)
    const y2014 = parseLinuxNetstat(
      readCorpus('network/linux_netstat-tulpn_2014_ubuntuforums-services.txt'),
    )
    expect(y2014.skipped).toBe(0)
    expect(plexPorts(y2014.rows)).toMatchObject({ 'script-host': [36809, 48445] })
    expect(plexPorts(y2014.rows).server).toContain(32401)
  })

  it('2017, as an ordinary user: "-" for every other user\'s socket', () => {
    const { rows } = parseLinuxNetstat(
      readCorpus('network/linux_netstat-lptu-numeric-ports_2017_ubuntuforums-gufw-nonroot.txt'),
    )
    expect(rows).toHaveLength(55)
    expect(rows.filter(r => r.pid === undefined)).toHaveLength(27)
    expect(plexPorts(rows)['script-host']).toHaveLength(7)
  })

  it('2021, untruncated names, the tuner on 127.0.0.1:32600', () => {
    const { rows } = parseLinuxNetstat(
      readCorpus('network/linux_netstat-lnpt-grep_2021_devuan-blog.txt'),
    )
    expect(plexPorts(rows)).toEqual({
      server: [32400, 32401],
      dlna: [1551, 32469],
      tuner: [32600],
      'script-host': [35615],
    })
  })

  it('2019, without -n: names instead of addresses are counted, never guessed', () => {
    const { rows, skipped, firstSkipped } = parseLinuxNetstat(
      readCorpus('network/linux_netstat-l_2019_docker-plex-165.txt'),
    )
    expect(rows.map(r => r.local.port)).toEqual([1757, 8006, 32400, 32469, 3128, 8989, 6789])
    expect(skipped).toBe(8)
    expect(firstSkipped).toContain('0.0.0.0:sunrpc')
  })

  it('2025, indented by four spaces, a dual-stack :::32400 with "-"', () => {
    const { rows } = parseLinuxNetstat(
      readCorpus('network/linux_netstat-tlpn-nonroot_2025_simulaqron-docs.txt'),
    )
    expect(rows.find(r => r.local.port === 32400)).toMatchObject({
      local: { address: '::' },
      state: 'LISTEN',
    })
    expect(rows.find(r => r.local.port === 32400)?.pid).toBeUndefined()
  })

  it('the capture here: the relay and the server by pid, TIME_WAIT with no owner', () => {
    const { rows, skipped } = parseLinuxNetstat(
      readCorpus('network/linux_netstat-antp_hush-capture.txt'),
    )
    expect(skipped).toBe(0)
    expect(rows.find(r => r.remote?.address === '127.0.0.2')).toMatchObject({
      pid: 3614,
      command: 'Plex Relay',
      state: 'ESTABLISHED',
    })
    expect(rows.find(r => r.state === 'TIME_WAIT')?.pid).toBeUndefined()
    const user = parseLinuxNetstat(
      readCorpus('network/linux_netstat-antp-nonroot_hush-capture.txt'),
    )
    expect(user.rows.map(r => r.local)).toEqual(rows.map(r => r.local))
    expect(user.rows.every(r => r.pid === undefined)).toBe(true)
    const udp = parseLinuxNetstat(readCorpus('network/linux_netstat-anup_hush-capture.txt'))
    expect(udp.rows.map(r => [r.local.port, r.state])).toEqual([
      [32410, 'UNCONN'],
      [1900, 'UNCONN'],
      [38116, 'ESTABLISHED'],
      [32414, 'UNCONN'],
    ])
  })

  it('keeps a row whose state word it does not know, and says which word', () => {
    const { rows, unknownStates } = parseLinuxNetstat(
      'tcp        0      0 10.0.0.2:5000           10.0.0.9:443            VERBUNDEN   77/Plex Relay\n',
    )
    expect(rows[0]).toMatchObject({ state: 'UNKNOWN', pid: 77, command: 'Plex Relay' })
    expect(unknownStates).toEqual(['VERBUNDEN'])
  })
})

describe('Windows netstat, on real Windows 10 output (not of Plex)', () => {
  it('reads netstat -ano: TCP with states, UDP without, bracketed IPv6 with a zone', () => {
    const { rows, skipped, unknownStates } = parseWindowsNetstat(
      readCorpus('network/windows_netstat-aon_2023_jc-fixture.txt'),
    )
    expect(skipped).toBe(0)
    expect(unknownStates).toEqual([])
    expect(rows).toHaveLength(208)
    expect(rows[0]).toEqual({
      protocol: 'tcp',
      local: { address: '0.0.0.0', port: 135 },
      state: 'LISTEN',
      pid: 1712,
    })
    expect(rows.at(-1)).toEqual({
      protocol: 'udp',
      local: { address: 'fe80::f5d1:8bf7:c410:e325', port: 52284 },
      state: 'UNCONN',
      pid: 8844,
    })
  })

  it('reads netstat -anob: owners by name, and sockets whose owner Windows will not say', () => {
    const { rows, images, skipped } = parseWindowsNetstat(
      readCorpus('network/windows_netstat-aonb_2023_jc-fixture.txt'),
    )
    expect(skipped).toBe(0)
    expect(rows.filter(r => r.state === 'ESTABLISHED')).toHaveLength(54)
    expect(rows).toContainEqual({
      protocol: 'tcp',
      local: { address: '192.168.31.221', port: 1143 },
      remote: { address: '35.186.224.47', port: 443 },
      state: 'ESTABLISHED',
      pid: 27696,
    })
    expect(images.get(27696)).toBe('Spotify.exe')
    expect(images.get(1712)).toBe('svchost.exe')
    expect(images.has(4)).toBe(false) // "Can not obtain ownership information"
    expect(rows.filter(r => r.state === 'CLOSE_WAIT').length).toBeGreaterThan(0)
  })

  it('tells a listening socket by its foreign address when the state is in another language', () => {
    const text = [
      '  Proto  Lokale Adresse         Remoteadresse          Status           PID',
      '  TCP    0.0.0.0:32400          0.0.0.0:0              ABHÖREN         5012',
      '  TCP    192.168.1.20:52344     203.0.113.10:443       HERGESTELLT     5012',
      '  TCP    192.168.1.20:52',
    ].join('\r\n')
    const { rows, unknownStates, skipped } = parseWindowsNetstat(text)
    expect(rows.map(r => r.state)).toEqual(['LISTEN', 'UNKNOWN'])
    expect(unknownStates).toEqual(['HERGESTELLT'])
    expect(skipped).toBe(1)
  })
})
