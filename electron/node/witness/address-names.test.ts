import { describe, expect, it } from 'vitest'
import { startTestDemo } from '../../demo/demo-test-helpers'
import {
  createAddressBook,
  namesFromPlexDirect,
  namesFromPreferences,
  resolveHostNames,
  type AddressName,
} from './address-names'

describe('names for the addresses of connections', () => {
  it('reads the address a *.plex.direct name spells', () => {
    const hash = '78a445ca879ebc46fc9c65b8a210548e'
    expect(namesFromPlexDirect([`139-162-247-112.${hash}.plex.direct`, 'plex.tv'])).toEqual([
      {
        address: '139.162.247.112',
        name: `139-162-247-112.${hash}.plex.direct`,
        source: 'plex-direct',
      },
    ])
    expect(namesFromPlexDirect([`2001-db8--1.${hash}.plex.direct`])[0]?.address).toBe('2001:db8::1')
    expect(namesFromPlexDirect(['999-1-1-1.' + hash + '.plex.direct'])).toEqual([])
  })

  it('names the pub/sub server the server chose, from its Preferences.xml', () => {
    expect(
      namesFromPreferences({ PubSubServer: '172.105.13.59', PubSubServerRegion: 'yyz' }),
    ).toEqual([
      { address: '172.105.13.59', port: 443, name: 'pubsub.plex.tv (yyz)', source: 'preferences' },
    ])
    expect(namesFromPreferences({})).toEqual([])
  })

  it('leaves an address nothing names as a bare address, and names a shared one by all its names', () => {
    const book = createAddressBook()
    const shared: AddressName[] = [
      { address: '203.0.113.10', name: 'plex.tv', source: 'resolved-by-hush' },
      { address: '203.0.113.10', name: 'clients.plex.tv', source: 'resolved-by-hush' },
    ]
    book.add(shared)
    book.add(shared)
    expect(book.label('203.0.113.10').text).toBe('plex.tv or clients.plex.tv')
    expect(book.label('203.0.113.11')).toEqual({
      address: '203.0.113.11',
      names: [],
      text: '203.0.113.11',
    })
    expect(book.label('::ffff:203.0.113.10').text).toBe('plex.tv or clients.plex.tv')
  })

  it('asks the DNS nothing unless the owner allowed it, and lists each lookup as Hush’s own call', async () => {
    const off = await resolveHostNames(['localhost'], { allowed: false })
    expect(off).toEqual({ names: [], ownCalls: [], failed: [] })
    const on = await resolveHostNames(['localhost', 'nothing-here.invalid'], {
      allowed: true,
      now: () => 5,
    })
    expect(on.names).toContainEqual({
      address: '127.0.0.1',
      name: 'localhost',
      source: 'resolved-by-hush',
      at: 5,
    })
    expect(on.ownCalls).toEqual([
      "Hush looked up localhost in the DNS to name the server's connections",
      "Hush looked up nothing-here.invalid in the DNS to name the server's connections",
    ])
    expect(on.failed).toEqual([expect.stringMatching(/^nothing-here\.invalid: E[A-Z_]+$/)])
  })

  it("names the demo's stand-ins by the hosts they play, port by port", async () => {
    const { demo, cleanup } = await startTestDemo({ connections: true })
    try {
      demo.faults.advance(10 * 60_000)
      const until = Date.now() + 5_000
      while ((demo.connections?.standIns().length ?? 0) < 2 && Date.now() < until) {
        await new Promise(resolve => setTimeout(resolve, 50))
      }
      const book = createAddressBook()
      book.add(
        (demo.connections?.standIns() ?? []).map(s => ({
          address: s.address,
          port: s.port,
          name: s.host,
          source: 'demo' as const,
        })),
      )
      const plexTv = demo.connections?.standIns().find(s => s.host === 'plex.tv')
      expect(plexTv && book.label(plexTv.address, plexTv.port).text).toBe('plex.tv')
      expect(plexTv && book.label(plexTv.address, plexTv.port + 1).text).toBe(plexTv?.address)
    } finally {
      await cleanup()
    }
  })
})
