import { describe, expect, it } from 'vitest'
import {
  addressScope,
  formatEndpoint,
  formatIPv6,
  normalizeAddress,
  parseEndpoint,
} from './socket-address'

describe('addresses as the tools print them', () => {
  it('reads every form of address and port the samples hold', () => {
    expect(parseEndpoint('127.0.0.1:32401')).toEqual({ address: '127.0.0.1', port: 32401 })
    expect(parseEndpoint('[::1]:45060')).toEqual({ address: '::1', port: 45060 })
    expect(parseEndpoint('::1:4445')).toEqual({ address: '::1', port: 4445 })
    expect(parseEndpoint(':::*')).toEqual({ address: '::', port: 0 })
    expect(parseEndpoint('*:32414')).toEqual({ address: '*', port: 32414 })
    expect(parseEndpoint('0.0.0.0:*')).toEqual({ address: '0.0.0.0', port: 0 })
    expect(parseEndpoint('127.0.0.53%lo:53')).toEqual({ address: '127.0.0.53', port: 53 })
    expect(parseEndpoint('[fe80::244e:2f1e:2096:62b2%9]:1900')).toEqual({
      address: 'fe80::244e:2f1e:2096:62b2',
      port: 1900,
    })
  })

  it('unwraps IPv4-mapped IPv6, as netstat and lsof print it, so every reader agrees', () => {
    expect(parseEndpoint('[::ffff:127.0.0.1]:4445')).toEqual({ address: '127.0.0.1', port: 4445 })
    expect(normalizeAddress('::FFFF:7F00:1')).toBe('127.0.0.1')
  })

  it('refuses host and service names (netstat or lsof without -n) rather than guess', () => {
    expect(parseEndpoint('localhost.localdo:32401')).toBeUndefined()
    expect(parseEndpoint('0.0.0.0:sunrpc')).toBeUndefined()
    expect(parseEndpoint('robins-desktop:49130')).toBeUndefined()
    expect(parseEndpoint('300.1.1.1:80')).toBeUndefined()
    expect(parseEndpoint('1.2.3.4:70000')).toBeUndefined()
  })

  it('compresses IPv6 the usual way', () => {
    const bytes = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    expect(formatIPv6(bytes)).toBe('2001:db8::1')
    expect(formatIPv6(new Array(16).fill(0))).toBe('::')
    expect(formatEndpoint({ address: '2001:db8::1', port: 443 })).toBe('[2001:db8::1]:443')
  })

  it('tells loopback, the local network, multicast and the Internet apart', () => {
    expect(addressScope('127.0.0.2')).toBe('loopback')
    expect(addressScope('::1')).toBe('loopback')
    expect(addressScope('192.168.1.20')).toBe('local-network')
    expect(addressScope('172.31.0.1')).toBe('local-network')
    expect(addressScope('fe80::1')).toBe('local-network')
    expect(addressScope('239.255.255.250')).toBe('multicast')
    expect(addressScope('139.162.247.112')).toBe('internet')
    expect(addressScope('2001:db8::1')).toBe('internet')
  })
})
