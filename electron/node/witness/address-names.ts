import { lookup } from 'node:dns/promises'
import { normalizeAddress } from './socket-address'

/**
 * Names for the addresses of connections. An address gets a name only from a fact: a
 * `*.plex.direct` name spells its address; the server's Preferences.xml keeps the address of the
 * pub/sub server it chose; the demo knows its stand-ins; and, only when the owner allows it, Hush
 * looks up the Plex hosts itself (one of Hush's own outbound calls). An address without such a
 * fact stays a bare address: a shared CDN address is never guessed into a name.
 */

/** Where a name for an address comes from. */
export type NameSource = 'plex-direct' | 'preferences' | 'demo' | 'resolved-by-hush'

/** One name for one address (and port, when the name holds for that port only). */
export interface AddressName {
  readonly address: string
  readonly port?: number
  readonly name: string
  readonly source: NameSource
  /** When Hush looked it up (names it resolved can change). */
  readonly at?: number
}

/** The `*.plex.direct` names in a list of hosts, as the addresses they spell (reference §6.1). */
export function namesFromPlexDirect(hosts: Iterable<string>): AddressName[] {
  const names: AddressName[] = []
  for (const host of hosts) {
    const m = /^([0-9a-f-]+)\.[0-9a-f]{32}\.plex\.direct$/i.exec(host)
    if (!m?.[1]) {
      continue
    }
    // IPv4 with dashes for dots; IPv6 with dashes for colons.
    const spelled =
      m[1].includes('--') || m[1].split('-').length > 4
        ? m[1].replace(/-/g, ':')
        : m[1].replace(/-/g, '.')
    const address = normalizeAddress(spelled)
    if (address !== undefined && address !== '*') {
      names.push({ address, name: host, source: 'plex-direct' })
    }
  }
  return names
}

/**
 * The pub/sub server the server chose, from Preferences.xml's `PubSubServer` (an address, e.g.
 * "184.105.148.82"; test/corpus/network/README.md, row "PubSub"): the server's standing
 * connection to pubsub.plex.tv goes there (UNVERIFIED that it is the only one).
 */
export function namesFromPreferences(
  prefs: Readonly<Record<string, string | undefined>>,
): AddressName[] {
  const address =
    prefs.PubSubServer === undefined ? undefined : normalizeAddress(prefs.PubSubServer)
  if (address === undefined || address === '*') {
    return []
  }
  const region = prefs.PubSubServerRegion ? ` (${prefs.PubSubServerRegion})` : ''
  return [{ address, port: 443, name: `pubsub.plex.tv${region}`, source: 'preferences' }]
}

/** A resolver: the system's, or another where tests need one that runs here. */
export type ResolveHost = (host: string) => Promise<readonly string[]>

const systemResolve: ResolveHost = async host =>
  (await lookup(host, { all: true, verbatim: true })).map(entry => entry.address)

/** What Hush's own lookups gave, and what they were: they are outbound calls of Hush's. */
export interface ResolvedNames {
  readonly names: readonly AddressName[]
  /** One line per host Hush asked the DNS about, for the owner's list of Hush's own calls. */
  readonly ownCalls: readonly string[]
  /** Hosts that did not resolve, with the reason. */
  readonly failed: readonly string[]
}

/**
 * Looks the hosts up, only when the owner allowed it (off by default): with `allowed` false it
 * asks nothing and names nothing. A name that resolves to several addresses names each of them.
 */
export async function resolveHostNames(
  hosts: Iterable<string>,
  options: {
    readonly allowed: boolean
    readonly resolve?: ResolveHost
    readonly now?: () => number
  },
): Promise<ResolvedNames> {
  if (!options.allowed) {
    return { names: [], ownCalls: [], failed: [] }
  }
  const resolve = options.resolve ?? systemResolve
  const at = (options.now ?? Date.now)()
  const names: AddressName[] = []
  const ownCalls: string[] = []
  const failed: string[] = []
  for (const host of new Set(hosts)) {
    ownCalls.push(`Hush looked up ${host} in the DNS to name the server's connections`)
    try {
      for (const raw of await resolve(host)) {
        const address = normalizeAddress(raw)
        if (address !== undefined && address !== '*') {
          names.push({ address, name: host, source: 'resolved-by-hush', at })
        }
      }
    } catch (error) {
      const code = (error as { code?: unknown }).code
      failed.push(`${host}: ${typeof code === 'string' ? code : 'no answer'}`)
    }
  }
  return { names, ownCalls, failed }
}

/** What is known about one address: every name it was given, and from where. */
export interface AddressLabel {
  readonly address: string
  /** Empty when nothing names it: show the bare address. */
  readonly names: readonly AddressName[]
  /** "plex.tv", "plex.tv or analytics.plex.tv" (a shared address), or the bare address. */
  readonly text: string
}

/** Names for addresses, from every source given; an address nothing names keeps its number. */
export interface AddressBook {
  readonly add: (names: Iterable<AddressName>) => void
  readonly label: (address: string, port?: number) => AddressLabel
}

/** Creates an empty address book. */
export function createAddressBook(): AddressBook {
  const byAddress = new Map<string, AddressName[]>()
  return {
    add: names => {
      for (const name of names) {
        const known = byAddress.get(name.address) ?? []
        if (
          !known.some(k => k.name === name.name && k.port === name.port && k.source === name.source)
        ) {
          byAddress.set(name.address, [...known, name])
        }
      }
    },
    label: (text, port) => {
      const address = normalizeAddress(text) ?? text
      const names = (byAddress.get(address) ?? []).filter(
        n => n.port === undefined || n.port === port,
      )
      const distinct = [...new Set(names.map(n => n.name))]
      return { address, names, text: distinct.length > 0 ? distinct.join(' or ') : address }
    },
  }
}
