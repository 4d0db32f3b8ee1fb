import { describe, expect, it } from 'vitest'
import { readCorpus } from '../server/testing/corpus-dir'
import { parseSsOutput } from './ss-output'

describe('ss -tin / -tinp / -uanp', () => {
  it('reads the byte counts and the owner of every socket in the real capture', () => {
    const { rows, skipped } = parseSsOutput(
      readCorpus('network/linux_ss-tinp_hush-capture.txt'),
      'tcp',
    )
    expect(skipped).toBe(0)
    expect(rows).toHaveLength(10)
    expect(rows).toContainEqual({
      protocol: 'tcp',
      local: { address: '127.0.0.1', port: 41922 },
      remote: { address: '127.0.0.2', port: 4443 },
      state: 'ESTABLISHED',
      pid: 3614,
      command: 'Plex Relay',
      bytesSent: 4096,
      bytesReceived: 512,
    })
    // The server's accepted 32401 socket: ss leaves bytes_sent out because it is 0.
    expect(rows.find(r => r.local.port === 32401)).toMatchObject({
      bytesSent: 0,
      bytesReceived: 300,
    })
    expect(rows.filter(r => r.state !== 'ESTABLISHED').map(r => r.state)).toEqual([
      'CLOSE_WAIT',
      'CLOSE_WAIT',
      'FIN_WAIT2',
      'FIN_WAIT2',
    ])
    expect(rows.find(r => r.local.port === 36574)?.local.address).toBe('127.0.0.1')
  })

  it('reads the same sockets without owners as an ordinary user sees them', () => {
    const root = parseSsOutput(readCorpus('network/linux_ss-tinp_hush-capture.txt'), 'tcp').rows
    const user = parseSsOutput(readCorpus('network/linux_ss-tinp-nonroot_hush-capture.txt'), 'tcp')
    expect(user.skipped).toBe(0)
    expect(user.rows.every(r => r.pid === undefined)).toBe(true)
    expect(user.rows.map(r => r.bytesSent)).toEqual(root.map(r => r.bytesSent))
    const plain = parseSsOutput(readCorpus('network/linux_ss-tin_hush-capture.txt'), 'tcp')
    expect(plain.rows.map(r => r.local)).toEqual(root.map(r => r.local))
  })

  it('reads UDP sockets, connected and not, with the * wildcard', () => {
    const { rows } = parseSsOutput(readCorpus('network/linux_ss-uanp_hush-capture.txt'), 'udp')
    expect(
      rows.map(r => [r.local.address, r.local.port, r.remote?.port, r.state, r.command]),
    ).toEqual([
      ['0.0.0.0', 32410, undefined, 'UNCONN', 'Plex Media Serv'],
      ['127.0.0.5', 1900, undefined, 'UNCONN', 'node'],
      ['127.0.0.1', 38116, 1900, 'ESTABLISHED', 'Plex Media Serv'],
      ['*', 32414, undefined, 'UNCONN', 'Plex Media Serv'],
    ])
  })

  it('counts a socket line cut short and does not give its info line to another socket', () => {
    const text = readCorpus('network/linux_ss-tinp_hush-capture.txt').split('\n')
    text[3] = 'ESTAB 0      0          127.0.0.1:3'
    const { rows, skipped } = parseSsOutput(text.join('\n'), 'tcp')
    expect(skipped).toBe(1)
    expect(rows).toHaveLength(9)
    // The line after the cut one is its info line: it belongs to no socket that was read.
    expect(rows[0]).toMatchObject({ local: { port: 38664 }, bytesSent: 300 })
    expect(rows.find(r => r.local.port === 32401)?.bytesReceived).toBe(300)
  })
})
