import { describe, expect, it } from 'vitest'
import { readCorpus } from '../server/testing/corpus-dir'
import { parseNettopCsv } from './nettop-output'

describe('macOS nettop -L 1 (constructed sample: see its sidecar)', () => {
  it('gives each connection its process and its bytes out and in', () => {
    const found = parseNettopCsv(readCorpus('network/macos_nettop-L1-n-x_CONSTRUCTED.txt'))
    expect(found).toHaveLength(4)
    expect(found[2]).toEqual({
      pid: 977,
      command: 'Plex Relay',
      local: { address: '192.168.1.20', port: 52402 },
      remote: { address: '198.51.100.44', port: 443 },
      bytesSent: 20480,
      bytesReceived: 9120,
    })
  })

  it('gives nothing for output without its header (cut short, or another tool)', () => {
    expect(parseNettopCsv('14:02:07.511923,Plex Media Serv.812,,,183402,52211')).toEqual([])
  })
})
