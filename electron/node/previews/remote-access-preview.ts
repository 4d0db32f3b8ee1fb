import type { AppError } from '../../common/api/errors'
import type { RemoteAccessPreview } from '../../common/api/preview-schemas'
import type { OutboundEvent } from '../../common/outbound/outbound-event'
import { ok, type Result } from '../../common/util/result'
import type { PlexAccountClient } from '../account/plex-account-client'
import { parseFiles } from '../outbound/parse/parse-file'
import type { PlexClient } from '../server/plex-client'
import type { PlexMyplexAccount, PlexSetting } from '../server/plex-schemas'
import { customConnectionUrls, registeredUris } from './published-addresses'
import { serverLogFiles } from './server-log-files'

/** The mapping state and error of `/myplex/account` in plain words (docs/server-reference.md §2.5). */
export function describeMapping(account: PlexMyplexAccount | null): string {
  if (account === null) {
    return 'The server did not say how it is reached from outside.'
  }
  if (account.mappingError === 'unreachable') {
    return 'A port is mapped, but plex.tv cannot reach it from the internet.'
  }
  if (account.mappingError === 'publisherror') {
    return 'A port is mapped, but the server could not publish it to plex.tv.'
  }
  switch (account.mappingState) {
    case 'mapped':
      return 'A port on your router is mapped to the server: it can be reached from the internet.'
    case 'waiting':
      return 'The server is waiting for the router to map a port.'
    case 'unknown':
    case null:
      return 'The port mapping state is unknown.'
    default:
      return 'No port is mapped: the server is not reachable directly from the internet.'
  }
}

/**
 * The remote-access preview: whether remote access and relay are on, how the server is mapped,
 * and what it publishes about itself — from its settings, `/myplex/account`, plex.tv's resource
 * list (when reachable) and the registrations in its own log.
 */
export async function buildRemoteAccessPreview(
  client: PlexClient,
  account: PlexAccountClient | null,
  machineIdentifier: string,
  dataDir: string | null,
): Promise<Result<RemoteAccessPreview, AppError>> {
  const prefs = await client.prefs()
  if (!prefs.ok) {
    return prefs
  }
  const unknowns: string[] = []
  const value = (id: string): PlexSetting['value'] | undefined =>
    prefs.value.find(setting => setting.id === id)?.value
  const publish = value('PublishServerOnPlexOnlineKey')
  const relay = value('RelayEnabled')
  if (relay === undefined) {
    unknowns.push('This server version has no relay setting.')
  }
  const myplex = await client.myplexAccount()
  const mapping = myplex.ok ? myplex.value : null
  let relayInUse: boolean | null = null
  const published = new Set(customConnectionUrls(stringOrNull(value('customConnections'))))
  const resources = account ? await account.resources() : null
  if (resources?.ok) {
    const self = resources.value.find(resource => resource.clientIdentifier === machineIdentifier)
    relayInUse = self ? self.connections.some(connection => connection.relay) : null
    self?.connections.forEach(connection => published.add(connection.uri))
  } else {
    unknowns.push(
      `plex.tv could not be asked which connections it lists for this server${resources && !resources.ok ? ` (${resources.error.message})` : ''}.`,
    )
  }
  if (dataDir !== null) {
    const events: OutboundEvent[] = []
    await parseFiles(await serverLogFiles(dataDir), batch => events.push(...batch))
    registeredUris(events).forEach(uri => published.add(uri))
  } else {
    unknowns.push(
      'The server’s log is not on this machine, so its own registrations are not shown.',
    )
  }
  return ok({
    remoteAccess: publish === undefined ? 'unavailable' : publish === true ? 'on' : 'off',
    mappingState: mapping?.mappingState ?? null,
    mappingError: mapping?.mappingError || null,
    mappingSummary: describeMapping(mapping),
    publicAddress: mapping?.publicAddress ?? null,
    publicPort: mapping?.publicPort ?? null,
    relayEnabled: relay === undefined ? null : relay === true,
    relayInUse,
    customUrls: customConnectionUrls(stringOrNull(value('customConnections'))),
    certificateDomain: stringOrNull(value('customCertificateDomain')) || null,
    publishedAddresses: [...published],
    unknowns,
  })
}

function stringOrNull(value: PlexSetting['value'] | undefined): string | null {
  return typeof value === 'string' ? value : null
}
