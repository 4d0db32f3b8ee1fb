import { describe, expect, it } from 'vitest'
import { readCorpus } from '../server/testing/corpus-dir'
import { parseProcNetTable, procHexAddress } from './proc-net-table'

const capture = (table: string) => readCorpus(`network/linux_proc-net-${table}_hush-capture.txt`)

describe('the kernel socket tables (/proc/net/tcp, tcp6, udp, udp6)', () => {
  it('reads every row of the real tcp table with owner uid and inode', () => {
    const { rows, skipped } = parseProcNetTable(capture('tcp'), 'tcp', true)
    expect(skipped).toBe(0)
    expect(rows).toHaveLength(12)
    // The relay's tunnel to the relay stand-in, owned by uid 7777.
    expect(rows).toContainEqual({
      protocol: 'tcp',
      local: { address: '127.0.0.1', port: 41922 },
      remote: { address: '127.0.0.2', port: 4443 },
      state: 'ESTABLISHED',
      uid: 7777,
      inode: 357175,
    })
    const listening = rows.filter(r => r.state === 'LISTEN').map(r => r.local.port)
    expect(listening.sort((a, b) => a - b)).toEqual([4443, 4443, 4444, 32400, 32401])
    // The CrashUploader's socket after it closed: no owner, no inode.
    const timeWait = rows.find(r => r.state === 'TIME_WAIT')
    expect(timeWait).toMatchObject({
      remote: { address: '127.0.0.3', port: 4444 },
      uid: 0,
      inode: 0,
    })
    expect(rows.find(r => r.state === 'LISTEN')?.remote).toBeUndefined()
  })

  it('reads IPv6 rows, IPv4-mapped ones as plain IPv4, and the closing states', () => {
    const { rows, skipped } = parseProcNetTable(capture('tcp6'), 'tcp6', true)
    expect(skipped).toBe(0)
    expect(rows.map(r => `${r.local.address}:${r.local.port} ${r.state}`)).toEqual([
      ':::4445 LISTEN',
      '127.0.0.1:36574 CLOSE_WAIT',
      '::1:45060 CLOSE_WAIT',
      '127.0.0.1:4445 FIN_WAIT2',
      '::1:4445 FIN_WAIT2',
    ])
    expect(rows[2]?.remote).toEqual({ address: '::1', port: 4445 })
  })

  it('reads UDP tables: connected sockets have a peer, listeners have none', () => {
    const udp = parseProcNetTable(capture('udp'), 'udp', true)
    expect(udp.skipped).toBe(0)
    expect(udp.rows.map(r => [r.local.port, r.remote?.port, r.state])).toEqual([
      [32410, undefined, 'UNCONN'],
      [1900, undefined, 'UNCONN'],
      [38116, 1900, 'ESTABLISHED'],
    ])
    const udp6 = parseProcNetTable(capture('udp6'), 'udp6', true)
    expect(udp6.rows).toEqual([
      {
        protocol: 'udp',
        local: { address: '::', port: 32414 },
        state: 'UNCONN',
        uid: 7777,
        inode: 357148,
      },
    ])
  })

  it('counts a row cut short while it was read, and keeps the rest', () => {
    const text = capture('tcp')
    const cut = text.slice(0, text.lastIndexOf('\n', text.length - 2) + 40)
    const { rows, skipped, firstSkipped } = parseProcNetTable(cut, 'tcp', true)
    expect(rows).toHaveLength(11)
    expect(skipped).toBe(1)
    expect(firstSkipped).toMatch(/^ {2}11: 0200007F:115B/)
  })

  it('reads addresses in the byte order of the machine that wrote them', () => {
    expect(procHexAddress('0100007F', true)).toBe('127.0.0.1')
    expect(procHexAddress('7F000001', false)).toBe('127.0.0.1')
    expect(procHexAddress('00000000000000000000000001000000', true)).toBe('::1')
  })
})
