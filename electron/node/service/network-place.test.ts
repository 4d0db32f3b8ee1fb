import { describe, expect, it } from 'vitest'
import { networkPlace, watchNetworkPlace, type InterfaceTable } from './network-place'

const v4 = (address: string, internal = false) => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4' as const,
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/24`,
})
const v6 = (address: string, internal = false) => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6' as const,
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/64`,
  scopeid: 0,
})

describe('the computer’s place on the network', () => {
  const home: InterfaceTable = {
    lo: [v4('127.0.0.1', true), v6('::1', true)],
    wlan0: [
      v4('192.168.1.35'),
      v6('2001:db8:1:2:a1b2:c3d4:e5f6:1'),
      v6('fe80::1c2d:3e4f:5a6b:7c8d'),
    ],
  }

  it('is its addresses on the networks it joined, without loopback and link-local ones', () => {
    expect(networkPlace(home)).toBe('192.168.1.35/255.255.255.0 2001:db8:1:2::/64')
  })

  it('stays the same when the system rotates its temporary IPv6 address', () => {
    const rotated = {
      ...home,
      wlan0: [v4('192.168.1.35'), v6('2001:0db8:0001:0002:9f8e:7d6c:5b4a:3'), v6('fe80::99')],
    }
    expect(networkPlace(rotated)).toBe(networkPlace(home))
  })

  it('changes when the laptop joins another network, and says so once', async () => {
    let table = home
    let moves = 0
    const stop = watchNetworkPlace({
      place: () => networkPlace(table),
      everyMs: 5,
      onMoved: () => moves++,
    })
    table = { ...home, wlan0: [v4('10.20.0.7'), v6('2001:db8:99:1::7')] }
    while (moves === 0) {
      await new Promise(resolve => setTimeout(resolve, 5))
    }
    // Several more looks at the same new place: no second move.
    await new Promise(resolve => setTimeout(resolve, 50))
    stop()
    expect(moves).toBe(1)
    expect(networkPlace(table)).toBe('10.20.0.7/255.255.255.0 2001:db8:99:1::/64')
  })

  it('says nothing while the interfaces cannot be read, and goes on once they can', async () => {
    let refused = true
    let table = home
    let moves = 0
    const place = () => {
      if (refused) {
        throw new Error('uv_interface_addresses returned Unknown system error 13')
      }
      return networkPlace(table)
    }
    const stop = watchNetworkPlace({ place, everyMs: 5, onMoved: () => moves++ })
    await new Promise(resolve => setTimeout(resolve, 30))
    // Readable again: that first reading is where the computer is, not a move.
    refused = false
    await new Promise(resolve => setTimeout(resolve, 30))
    expect(moves).toBe(0)
    table = { ...home, wlan0: [v4('10.20.0.7')] }
    while (moves === 0) {
      await new Promise(resolve => setTimeout(resolve, 5))
    }
    stop()
    expect(moves).toBe(1)
  })

  it('reads this computer’s own interfaces by default', () => {
    expect(networkPlace()).not.toContain('127.0.0.1')
  })
})
