import { describe, expect, it } from 'vitest'
import { readCorpus } from '../server/testing/corpus-dir'
import { identifyPlexProcess } from './plex-processes'
import {
  parseNetTcpConnectionCsv,
  parseNetTcpConnectionJson,
  parseTasklistCsv,
} from './windows-output'

// No real PowerShell or tasklist output of a Plex server exists in the corpus: these samples are
// constructed to the documented formats and say so in their sidecars.
describe('PowerShell Get-NetTCPConnection and tasklist (constructed samples)', () => {
  it('reads the CSV form, states by name', () => {
    const { rows, skipped } = parseNetTcpConnectionCsv(
      readCorpus('network/windows_get-nettcpconnection-csv_CONSTRUCTED.txt'),
    )
    expect(skipped).toBe(0)
    expect(rows.map(r => [r.local.port, r.remote?.port, r.state, r.pid])).toEqual([
      [32400, undefined, 'LISTEN', 5012],
      [32400, undefined, 'LISTEN', 5012],
      [32401, undefined, 'LISTEN', 5012],
      [52344, 443, 'ESTABLISHED', 5012],
      [52402, 443, 'ESTABLISHED', 6120],
      [52403, 32401, 'ESTABLISHED', 6120],
      [52410, 443, 'TIME_WAIT', 0],
    ])
  })

  it('reads the JSON of Windows PowerShell 5.1, states by number, and a lone object', () => {
    const { rows } = parseNetTcpConnectionJson(
      readCorpus('network/windows_get-nettcpconnection-json_CONSTRUCTED.txt'),
    )
    expect(rows.map(r => [r.remote?.address, r.state])).toEqual([
      ['203.0.113.10', 'ESTABLISHED'],
      [undefined, 'LISTEN'],
      ['198.51.100.44', 'ESTABLISHED'],
    ])
    const one = parseNetTcpConnectionJson(
      '\uFEFF{"LocalAddress":"127.0.0.1","LocalPort":52403,"RemoteAddress":"127.0.0.1","RemotePort":32401,"State":"Established","OwningProcess":6120}',
    )
    expect(one.rows).toHaveLength(1)
    expect(parseNetTcpConnectionJson('')).toEqual({ rows: [], skipped: 0 })
    expect(parseNetTcpConnectionJson('[{"LocalAddress":"1.2.3.4","Local').skipped).toBe(1)
  })

  it('names processes from tasklist, image names the Plex table knows', () => {
    const images = parseTasklistCsv(
      readCorpus('network/windows_tasklist-fo-csv-nh_CONSTRUCTED.txt'),
    )
    expect(images.get(5012)).toBe('Plex Media Server.exe')
    expect(identifyPlexProcess({ path: images.get(6120) })?.id).toBe('relay')
    expect(identifyPlexProcess({ path: images.get(6408) })?.id).toBe('script-host')
    expect(identifyPlexProcess({ path: images.get(1712) })).toBeUndefined()
  })
})
