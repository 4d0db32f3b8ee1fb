import type { Endpoint } from './socket-types'

/**
 * Addresses as the tools print them, made comparable: every reader returns IPv4 dotted and IPv6
 * compressed in lower case, with IPv4-mapped IPv6 (`::ffff:127.0.0.1`) as plain IPv4, because
 * netstat and lsof print a mapped socket as IPv4 while ss and /proc print it as IPv6.
 */

/** The wildcard address of each family, as readers report an unbound or unconnected end. */
export const anyAddress = { 4: '0.0.0.0', 6: '::' } as const

/** IPv6 text from 16 bytes: compressed (the longest run of zero groups as `::`), lower case. */
export function formatIPv6(bytes: readonly number[]): string {
  const groups: number[] = []
  for (let i = 0; i < 16; i += 2) {
    groups.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0))
  }
  if (groups.slice(0, 5).every(g => g === 0) && groups[5] === 0xffff) {
    return bytes.slice(12, 16).join('.')
  }
  let bestStart = -1
  let bestLength = 1
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i += 1
      continue
    }
    let j = i
    while (j < 8 && groups[j] === 0) {
      j += 1
    }
    if (j - i > bestLength) {
      bestStart = i
      bestLength = j - i
    }
    i = j
  }
  const hex = groups.map(g => g.toString(16))
  if (bestStart < 0) {
    return hex.join(':')
  }
  const head = hex.slice(0, bestStart).join(':')
  const tail = hex.slice(bestStart + bestLength).join(':')
  return `${head}::${tail}`
}

/** Normalizes an address a tool printed: brackets and `%interface` dropped, mapped IPv4 unwrapped. */
export function normalizeAddress(text: string): string | undefined {
  let address = text.trim().replace(/^\[|\]$/g, '')
  address = address.replace(/%[\w.-]+$/, '')
  if (address === '*') {
    return '*'
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) {
    return address.split('.').every(part => Number(part) <= 255) ? address : undefined
  }
  if (!/^[0-9a-fA-F:.]+$/.test(address) || !address.includes(':')) {
    return undefined
  }
  const bytes = ipv6Bytes(address)
  return bytes === undefined ? undefined : formatIPv6(bytes)
}

/** The /64 network an IPv6 address is on, as `2001:db8:1:2::/64`, or undefined if it is none. */
export function ipv6Network(text: string): string | undefined {
  const bytes = ipv6Bytes(text.replace(/%[\w.-]+$/, ''))
  return bytes === undefined
    ? undefined
    : `${formatIPv6([...bytes.slice(0, 8), ...Array<number>(8).fill(0)])}/64`
}

/** The 16 bytes of an IPv6 address in any valid text form, or undefined. */
function ipv6Bytes(text: string): number[] | undefined {
  let address = text.toLowerCase()
  const tailV4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address)
  const v4Bytes: number[] = []
  if (tailV4?.[1] !== undefined) {
    v4Bytes.push(...tailV4[1].split('.').map(Number))
    if (v4Bytes.some(b => b > 255)) {
      return undefined
    }
    address = `${address.slice(0, -tailV4[1].length)}0:0`
  }
  const halves = address.split('::')
  if (halves.length > 2) {
    return undefined
  }
  const part = (half: string | undefined): string[] =>
    half === undefined || half === '' ? [] : half.split(':')
  const head = part(halves[0])
  const tail = part(halves[1])
  const missing = 8 - head.length - tail.length
  if ((halves.length === 1 && missing !== 0) || missing < 0) {
    return undefined
  }
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]
  if (groups.length !== 8 || groups.some(g => !/^[0-9a-f]{1,4}$/.test(g))) {
    return undefined
  }
  const bytes = groups.flatMap(g => {
    const n = parseInt(g, 16)
    return [n >> 8, n & 0xff]
  })
  if (v4Bytes.length === 4) {
    bytes.splice(12, 4, ...v4Bytes)
  }
  return bytes
}

/**
 * Splits `address:port` as ss, lsof and netstat print it: `1.2.3.4:443`, `[::1]:443`,
 * `::1:443` and `:::*` (netstat: the last colon), `*:443`, `*:*`, `127.0.0.53%lo:53`. A `*` port
 * is 0. Undefined when it is no address (a host name printed without -n, a cut line).
 */
export function parseEndpoint(text: string): Endpoint | undefined {
  const match = /^(.*):(\d{1,5}|\*)$/.exec(text.trim())
  if (match?.[1] === undefined || match[2] === undefined) {
    return undefined
  }
  const address = normalizeAddress(match[1])
  const port = match[2] === '*' ? 0 : Number(match[2])
  if (address === undefined || port > 65535) {
    return undefined
  }
  return { address, port }
}

/** Whether an end is a wildcard (`*`, 0.0.0.0, ::) with no port: nobody on the other side. */
export function isUnconnected(endpoint: Endpoint | undefined): boolean {
  return (
    endpoint === undefined ||
    (endpoint.port === 0 &&
      (endpoint.address === '*' || endpoint.address === '0.0.0.0' || endpoint.address === '::'))
  )
}

/** Where an address is: this machine, the local network, multicast, or the Internet. */
export type AddressScope = 'loopback' | 'local-network' | 'multicast' | 'unspecified' | 'internet'

/** The scope of a normalized address (RFC 1918, 6598, 3927, 4193 and 4291 ranges). */
export function addressScope(address: string): AddressScope {
  if (address === '*' || address === '0.0.0.0' || address === '::') {
    return 'unspecified'
  }
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(address)
  if (v4) {
    const a = Number(v4[1])
    const b = Number(v4[2])
    if (a === 127) {
      return 'loopback'
    }
    if (a >= 224 && a <= 239) {
      return 'multicast'
    }
    const local =
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    return local ? 'local-network' : 'internet'
  }
  if (address === '::1') {
    return 'loopback'
  }
  if (/^ff/i.test(address)) {
    return 'multicast'
  }
  if (/^(fc|fd|fe[89ab])/i.test(address)) {
    return 'local-network'
  }
  return 'internet'
}

/** `1.2.3.4:443` or `[::1]:443`: how Hush prints an end. */
export function formatEndpoint(endpoint: Endpoint): string {
  return endpoint.address.includes(':')
    ? `[${endpoint.address}]:${endpoint.port}`
    : `${endpoint.address}:${endpoint.port}`
}
