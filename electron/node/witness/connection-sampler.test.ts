import { describe, expect, it } from 'vitest'
import type { CollectedSample } from './collector'
import { createConnectionSampler } from './connection-sampler'
import { createLinuxCollector } from './linux-collector'
import { notice } from './witness-notice'

describe('the connection sampler', () => {
  it('says each thing it cannot see once, however many samples run into it', async () => {
    const said: string[] = []
    const sampler = createConnectionSampler({
      collect: createLinuxCollector({ procRoot: '/nonexistent-proc' }),
      onNotice: n => said.push(n.message),
    })
    for (let i = 0; i < 5; i += 1) {
      await sampler.sampleOnce()
    }
    expect(said).toEqual([
      'cannot list /nonexistent-proc (/nonexistent-proc: ENOENT): no connection can be seen',
    ])
    expect(sampler.notices()).toHaveLength(1)
  })

  it('goes on after a sample that fails outright, and says so once', async () => {
    let calls = 0
    const sampler = createConnectionSampler({
      collect: (): Promise<CollectedSample> => {
        calls += 1
        if (calls <= 2) {
          return Promise.reject(new Error('the socket table changed its format'))
        }
        return Promise.resolve({
          sockets: [],
          notices: [notice('no-bytes', 'windows', 'no byte counts here')],
        })
      },
    })
    expect(await sampler.sampleOnce()).toEqual({ opened: [], updated: [], closed: [] })
    await sampler.sampleOnce()
    await sampler.sampleOnce()
    expect(sampler.notices().map(n => n.code)).toEqual(['collector-failed', 'no-bytes'])
    expect(sampler.notices()[0]?.message).toContain('the socket table changed its format')
  })

  it('never runs two samples at once', async () => {
    let running = 0
    let most = 0
    const sampler = createConnectionSampler({
      collect: async () => {
        running += 1
        most = Math.max(most, running)
        await new Promise(resolve => setTimeout(resolve, 30))
        running -= 1
        return { sockets: [], notices: [] }
      },
    })
    await Promise.all([sampler.sampleOnce(), sampler.sampleOnce(), sampler.sampleOnce()])
    expect(most).toBe(1)
  })

  it('samples every 2 s unless told otherwise, and refuses a nonsense interval', () => {
    expect(createConnectionSampler({ collect: createLinuxCollector() }).intervalSeconds).toBe(2)
    expect(() =>
      createConnectionSampler({ collect: createLinuxCollector(), intervalSeconds: 0 }),
    ).toThrow(/must be positive/)
  })
})
