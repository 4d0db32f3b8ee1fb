import type { ApiEvents, PrivacyApi } from '../../common/api/contract'
import { appError, type AppError } from '../../common/api/errors'
import type { ServerInfo } from '../../common/api/server-schemas'
import type { EventHub } from '../../common/util/event-hub'
import { err, ok, type Result } from '../../common/util/result'
import { discoverServer } from '../server/discover-server'
import {
  resolveConnection,
  type Connection,
  type ConnectionRequest,
} from '../server/resolve-connection'
import { readKnownServers, rememberServer, type KnownServerRecord } from './known-servers'
import type { SecretStore } from './ports'

/** A demo server the core started in-process. */
export interface StartedDemo {
  readonly url: string
  readonly token: string
  readonly dataDir: string
}

/** The server Hush is talking to now. */
export interface ActiveServer {
  readonly record: KnownServerRecord
  readonly connection: Connection
}

/** What the server service needs. */
export interface ServerServiceDeps {
  readonly stateDir: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly secrets: SecretStore
  readonly events: EventHub<ApiEvents>
  /** Starts (or returns the already running) in-process demo server. */
  readonly startDemo: () => Promise<StartedDemo>
}

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

/** The connection half of the core: which server is active, and the `server.*` methods. */
export interface ServerService {
  readonly methods: ServerMethods
  /** The active server, or an AppError saying why there is none. */
  readonly active: () => Result<ActiveServer, AppError>
  /** Re-connects to the server that was active when Hush last ran, if it can. */
  readonly restore: () => Promise<void>
  /** Called with the new active server after every successful connect. */
  readonly onConnected: (listener: (server: ActiveServer) => void) => () => void
}

/** Creates the server service. */
export function createServerService(deps: ServerServiceDeps): ServerService {
  let current: ActiveServer | undefined
  const listeners = new Set<(server: ActiveServer) => void>()
  const request = (extra: Partial<ConnectionRequest>): ConnectionRequest => ({
    stateDir: deps.stateDir,
    env: {},
    ...extra,
  })

  async function activate(
    connection: Result<Connection, AppError>,
    token: string,
    extra: { demo: boolean; dataDir: string | null },
  ): Promise<Result<ServerInfo, AppError>> {
    if (!connection.ok) {
      deps.events.emit('server.checked', { reachable: false, message: connection.error.message })
      return connection
    }
    const { info } = connection.value
    const record: KnownServerRecord = {
      id: info.machineIdentifier,
      url: info.url,
      name: info.friendlyName || info.url,
      ...extra,
    }
    await deps.secrets.set(`server:${record.id}`, token)
    await rememberServer(deps.stateDir, record)
    current = { record, connection: connection.value }
    listeners.forEach(listener => listener(current as ActiveServer))
    deps.events.emit('server.checked', { reachable: true, message: null })
    return ok(info)
  }

  async function connectDemo(): Promise<Result<ServerInfo, AppError>> {
    const demo = await deps.startDemo()
    const connection = await resolveConnection(request({ server: demo.url, token: demo.token }))
    return activate(connection, demo.token, { demo: true, dataDir: demo.dataDir })
  }

  /** Connects again to a known server: the demo, or with its kept token, or by local discovery. */
  async function reconnect(record: KnownServerRecord): Promise<Result<ServerInfo, AppError>> {
    if (record.demo) {
      return connectDemo()
    }
    const token = await deps.secrets.get(`server:${record.id}`)
    if (token) {
      return activate(await resolveConnection(request({ server: record.url, token })), token, {
        demo: false,
        dataDir: record.dataDir,
      })
    }
    return err(
      appError(
        'tokenNotFound',
        `Hush no longer has the token of ${record.name}; add the server again with its address and token`,
      ),
    )
  }

  return {
    methods: {
      'server.discover': async ({ dataDir }) => {
        const report = await discoverServer(request({ dataDir, env: deps.env }))
        return report.ok
          ? report.value
          : {
              dataDir: dataDir ?? null,
              preferencesFile: null,
              machineIdentifier: null,
              tokenFound: false,
              serverUrl: 'http://127.0.0.1:32400',
              reachable: false,
              friendlyName: null,
              version: null,
              problem: report.error.message,
            }
      },
      'server.check': async () => {
        if (!current) {
          return err(appError('unreachable', 'no server is connected yet'))
        }
        const identity = await current.connection.client.identity()
        deps.events.emit('server.checked', {
          reachable: identity.ok,
          message: identity.ok ? null : identity.error.message,
        })
        return identity.ok ? ok(current.connection.info) : identity
      },
      'server.list': async () => {
        const known = await readKnownServers(deps.stateDir)
        return known.servers.map(server => ({
          id: server.id,
          url: server.url,
          name: server.name,
          demo: server.demo,
          active: server.id === current?.record.id,
        }))
      },
      'server.connect': async ({ url, token }) =>
        activate(await resolveConnection(request({ server: url, token })), token, {
          demo: false,
          dataDir: null,
        }),
      'server.connectLocal': async ({ dataDir }) => {
        const connection = await resolveConnection(request({ dataDir, env: deps.env }))
        const token = connection.ok ? connection.value.http.token : null
        if (connection.ok && !token) {
          return err(appError('tokenNotFound', 'the local server needs a token'))
        }
        const found = await discoverServer(request({ dataDir, env: deps.env }))
        return activate(connection, token ?? '', {
          demo: false,
          dataDir: found.ok ? found.value.dataDir : null,
        })
      },
      'server.connectDemo': connectDemo,
      'server.select': async ({ id }) => {
        const record = (await readKnownServers(deps.stateDir)).servers.find(s => s.id === id)
        if (!record) {
          return err(appError('invalidInput', 'Hush does not know that server'))
        }
        return reconnect(record)
      },
    },
    active: () =>
      current ? ok(current) : err(appError('unreachable', 'no server is connected yet')),
    restore: async () => {
      const known = await readKnownServers(deps.stateDir)
      const record = known.servers.find(server => server.id === known.activeId)
      if (record) {
        await reconnect(record)
      }
    },
    onConnected: listener => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
