import { describe, expect, it } from 'vitest'
import { err, ok } from '../../common/util/result'
import { readCorpus } from '../server/testing/corpus-dir'
import type { ToolRunner } from './run-tool'
import { createWindowsCollector } from './windows-collector'

// Windows cannot run here: its tools' output is given as recorded (real netstat of Windows 10,
// a constructed tasklist and a constructed netstat of a Plex server, each said so below).
function recorded(outputs: Record<string, string | undefined>, calls: string[] = []): ToolRunner {
  return (command: string) => {
    calls.push(command)
    const text = outputs[command]
    return Promise.resolve(
      text === undefined
        ? err({ kind: 'missing' as const, message: `${command} is not installed` })
        : ok({ stdout: text, truncated: false }),
    )
  }
}

/** Constructed: netstat -ano of a Plex server, in the format of the real Windows 10 sample. */
const plexNetstat = [
  '',
  'Active Connections',
  '',
  '  Proto  Local Address          Foreign Address        State           PID',
  '  TCP    0.0.0.0:32400          0.0.0.0:0              LISTENING       5012',
  '  TCP    127.0.0.1:32401        0.0.0.0:0              LISTENING       5012',
  '  TCP    127.0.0.1:32401        127.0.0.1:52403        ESTABLISHED     5012',
  '  TCP    127.0.0.1:52403        127.0.0.1:32401        ESTABLISHED     6120',
  '  TCP    192.168.1.20:52344     203.0.113.10:443       ESTABLISHED     5012',
  '  TCP    192.168.1.20:52402     198.51.100.44:443      ESTABLISHED     6120',
  '  TCP    192.168.1.20:52500     203.0.113.77:443       ESTABLISHED     1712',
  '  UDP    0.0.0.0:32410          *:*                                    5012',
  '',
].join('\r\n')

describe('the Windows witness', () => {
  it('names the PIDs, keeps Plex’s outgoing connections and says there are no byte counts', async () => {
    const calls: string[] = []
    const collect = createWindowsCollector({
      runTool: recorded(
        {
          netstat: plexNetstat,
          tasklist: readCorpus('network/windows_tasklist-fo-csv-nh_CONSTRUCTED.txt'),
        },
        calls,
      ),
    })
    const sample = await collect()
    expect(sample.sockets.map(s => [s.processLabel, s.local.port, s.remote.address])).toEqual([
      ['Plex Relay', 52403, '127.0.0.1'],
      ['Plex Media Server', 52344, '203.0.113.10'],
      ['Plex Relay', 52402, '198.51.100.44'],
    ])
    expect(sample.notices.map(n => n.code)).toEqual(['no-bytes'])
    await collect()
    // tasklist runs again only when a PID it does not know holds a connection.
    expect(calls).toEqual(['netstat', 'tasklist', 'netstat'])
  })

  it('reads real Windows 10 netstat with no Plex in it, and finds none', async () => {
    const sample = await createWindowsCollector({
      runTool: recorded({
        netstat: readCorpus('network/windows_netstat-aon_2023_jc-fixture.txt'),
        tasklist: readCorpus('network/windows_tasklist-fo-csv-nh_CONSTRUCTED.txt'),
      }),
    })()
    expect(sample.sockets).toEqual([])
  })

  it('says plainly when netstat is missing or prints states in another language', async () => {
    const missing = await createWindowsCollector({ runTool: recorded({}) })()
    expect(missing.notices.map(n => n.message)).toContain(
      'netstat is not installed: no connection can be seen',
    )
    const german = plexNetstat
      .replace(/ESTABLISHED/g, 'HERGESTELLT')
      .replace(/LISTENING/g, 'ABHÖREN  ')
    const sample = await createWindowsCollector({
      runTool: recorded({
        netstat: german,
        tasklist: readCorpus('network/windows_tasklist-fo-csv-nh_CONSTRUCTED.txt'),
      }),
    })()
    expect(sample.sockets.map(s => s.state)).toEqual(['UNKNOWN', 'UNKNOWN', 'UNKNOWN'])
    expect(sample.notices.find(n => n.code === 'state-language')?.message).toContain('HERGESTELLT')
  })
})
