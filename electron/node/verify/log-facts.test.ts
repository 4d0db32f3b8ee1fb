import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readLogFacts } from './log-facts'

const folders: string[] = []

async function logOf(lines: readonly string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hush-log-facts-'))
  folders.push(dir)
  const path = join(dir, 'Plex Media Server.log')
  await writeFile(path, `${lines.join('\n')}\n`)
  return path
}

const at = (clock: string, level: string, message: string) =>
  `Mar 01, 2026 ${clock} [0x16cb27000] ${level} - ${message}`

const turnOff = 'Request: [127.0.0.1:51000 (Loopback)] PUT /:/prefs?logDebug=0 (1 live) #1a'

afterEach(async () => {
  await Promise.all(folders.splice(0).map(dir => rm(dir, { recursive: true, force: true })))
})

describe('the facts of a server log', () => {
  it('keeps debug logging off when the request that turned it off finishes at DEBUG a moment later', async () => {
    const facts = await readLogFacts([
      await logOf([
        at('10:00:00.000', 'DEBUG', 'Scanner: nothing new'),
        at('10:00:05.000', 'DEBUG', turnOff),
        at(
          '10:00:05.300',
          'DEBUG',
          'Completed: [127.0.0.1:51000] 200 PUT /:/prefs (1 live) #1a 3ms',
        ),
        at('11:00:00.000', 'INFO', 'Butler: starting task'),
      ]),
    ])
    expect(facts.blind).toEqual([
      { from: Date.UTC(2026, 2, 1, 10, 0, 5), to: null, why: 'debug-off' },
    ])
  })

  it('ends the blind stretch at the first DEBUG line after debug logging came back on', async () => {
    const facts = await readLogFacts([
      await logOf([
        at('10:00:05.000', 'DEBUG', turnOff),
        at('10:30:00.000', 'INFO', 'Butler: starting task'),
        at('10:45:00.000', 'DEBUG', 'Scanner: nothing new'),
      ]),
    ])
    expect(facts.blind).toEqual([
      {
        from: Date.UTC(2026, 2, 1, 10, 0, 5),
        to: Date.UTC(2026, 2, 1, 10, 45),
        why: 'debug-off',
      },
    ])
    expect(facts.lastDebugMs).toBe(Date.UTC(2026, 2, 1, 10, 45))
  })
})
