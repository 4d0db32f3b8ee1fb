import type { ApiEvents, PrivacyApi } from '../../../common/api/contract'
import { appError } from '../../../common/api/errors'
import type { EventHub } from '../../../common/util/event-hub'
import { err, ok } from '../../../common/util/result'
import { isPulledServer, needsServerFiles } from '../../remote/mirror-folder'
import { discoverServer } from '../../server/discover-server'
import { resolveConnection } from '../../server/resolve-connection'
import { givenTokens } from '../../server/token-source'
import { serverDataDir } from '../../server/server-data-dir'
import { readKnownServers } from '../known-servers'
import type { ServerConnections } from '../server-connections'

type ServerMethods = Pick<
  PrivacyApi,
  | 'server.discover'
  | 'server.check'
  | 'server.list'
  | 'server.connect'
  | 'server.connectLocal'
  | 'server.connectDemo'
  | 'server.select'
>

/** The `server.*` methods: discovery, the list of known servers, and connecting. */
export function createServerMethods(
  servers: ServerConnections,
  stateDir: string,
  events: EventHub<ApiEvents>,
): ServerMethods {
  return {
    'server.discover': async ({ dataDir }) => {
      const active = servers.active()
      if (dataDir === undefined && active.ok && isPulledServer(active.value.record)) {
        // Discovery reads a data folder and its Preferences.xml: for this server they are elsewhere.
        const { info } = active.value.connection
        return ok({
          dataDir: null,
          preferencesFile: null,
          machineIdentifier: info.machineIdentifier,
          tokenFound: false,
          serverUrl: info.url,
          reachable: true,
          friendlyName: info.friendlyName,
          version: info.version,
          problem: null,
          needsServerFiles: needsServerFiles(active.value.record.name),
        })
      }
      return discoverServer(servers.namedRequest(dataDir))
    },
    'server.check': async () => {
      const active = servers.active()
      if (!active.ok) {
        return active
      }
      const { connection } = active.value
      const identity = await connection.client.identity()
      if (identity.ok) {
        events.emit('server.checked', { reachable: true, message: null })
        return ok(connection.info)
      }
      // A server found through plex.tv may answer at another of its addresses now; if none
      // answers, the failure says where it did not and why no other was found.
      const moved = await servers.follow(identity.error)
      if (moved.ok) {
        return ok(moved.value.connection.info)
      }
      events.emit('server.checked', { reachable: false, message: moved.error.message })
      return moved
    },
    'server.list': async () => {
      const known = await readKnownServers(stateDir)
      const active = servers.active()
      return known.servers.map(server => ({
        id: server.id,
        url: server.url,
        name: server.name,
        demo: server.demo,
        active: active.ok && server.id === active.value.record.id,
        last: server.id === known.activeId,
        remote: isPulledServer(server),
      }))
    },
    'server.connect': async ({ url, token }) => {
      const connection = await resolveConnection(
        servers.request({ server: url, token, tokenGiven: givenTokens.entered }),
      )
      const place = { demo: false, dataDir: null }
      const active = await servers.activate(connection, token, place, true)
      return active.ok ? ok(active.value.connection.info) : active
    },
    'server.connectLocal': async ({ dataDir, remember }) => {
      const request = servers.namedRequest(dataDir)
      const connection = await resolveConnection(request)
      const token = connection.ok ? connection.value.http.token : null
      const place = {
        demo: false,
        dataDir: connection.ok ? await serverDataDir(request, connection.value.info) : null,
      }
      const active = await servers.activate(connection, token, place, remember)
      return active.ok ? ok({ ...active.value.connection.info, dataDir: place.dataDir }) : active
    },
    'server.connectDemo': async () => {
      const active = await servers.connectDemo()
      return active.ok ? ok(active.value.connection.info) : active
    },
    'server.select': async ({ id }) => {
      const record = (await readKnownServers(stateDir)).servers.find(s => s.id === id)
      if (!record) {
        return err(appError('invalidInput', 'Hush does not know that server'))
      }
      const active = await servers.reconnect(record)
      return active.ok ? ok(active.value.connection.info) : active
    },
  }
}
