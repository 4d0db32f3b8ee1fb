import type {
  ApiEvent,
  ApiEvents,
  ApiInput,
  ApiMethod,
  ApiOutput,
  PrivacyBridge,
} from '../../../electron/common/api/contract'
import type { KeptNotice } from '../../../electron/common/api/notice-schemas'
import { defaultAppSettings } from '../../../electron/common/api/settings-schemas'
import type { PlanStep, SwitchStatus } from '../../../electron/common/api/switch-schemas'
import { BridgeError } from './bridge-error'
import { fakeLogHandlers } from './fake-log'
import { fakePreviewHandlers } from './fake-previews'

/** A handler of the fake core for one method. */
export type FakeHandler<M extends ApiMethod> = (
  input: ApiInput<M>,
) => ApiOutput<M> | Promise<ApiOutput<M>>

/** Handlers of the fake core, by method. */
export type FakeHandlers = { [M in ApiMethod]: FakeHandler<M> }

/** An in-memory PrivacyBridge for component tests, recording every call. */
export interface FakeBridge extends PrivacyBridge {
  readonly calls: { readonly method: ApiMethod; readonly input: unknown }[]
  readonly switches: SwitchStatus[]
  /** The fake server; a test may change it (the core reached it at another address). */
  readonly server: { url: string }
  emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void
}

/** Options of the fake core. */
export interface FakeBridgeOptions {
  /** Whether a server is already known (false shows the first-run screen). */
  readonly connected?: boolean
  readonly switches?: readonly { readonly id: string; readonly state: SwitchStatus['state'] }[]
  /** How many outbound events the fake log holds (made up on demand, never all in memory). */
  readonly logEvents?: number
  readonly overrides?: Partial<FakeHandlers>
}

const fakeServer = {
  url: 'http://127.0.0.1:32400',
  machineIdentifier: 'fake-machine',
  version: '1.41.0.0000',
  friendlyName: 'Living room',
  claimed: true,
  platform: 'Linux',
}

/** Creates the fake bridge. For component tests only: the app never ships it. */
export function createFakeBridge(options: FakeBridgeOptions = {}): FakeBridge {
  let connected = options.connected ?? true
  const server = { ...fakeServer }
  let settings = { ...defaultAppSettings }
  const history: SwitchStatus[][] = []
  const switches: SwitchStatus[] = (options.switches ?? []).map(({ id, state }) => ({
    id,
    state,
    reason: state === 'unavailable' ? 'This server version has no such setting.' : null,
    targets: [{ key: `pref:${id}`, label: id, value: state === 'on', defaultValue: true }],
    profiles: { 'plex-defaults': 'on', balanced: 'keep', private: 'off', lockdown: 'off' },
    until: null,
  }))
  const listeners = new Map<ApiEvent, Set<(payload: never) => void>>()
  // The notices the fake core keeps: those it emitted (as the real one keeps what it notifies).
  let notices: KeptNotice[] = []
  const calls: FakeBridge['calls'] = []

  const setStates = (steps: readonly PlanStep[]) => {
    history.push(switches.map(s => ({ ...s })))
    for (const step of steps) {
      const target = switches.find(s => s.id === step.switchId)
      if (target) {
        target.state = step.after === true ? 'on' : 'off'
      }
    }
  }
  const report = (applied: PlanStep[], message: string) => ({
    ok: true as const,
    value: { applied, rolledBack: [], snapshotId: 'snap-1', message },
  })

  const handlers: Partial<FakeHandlers> = {
    'server.discover': () => ({
      ok: true,
      value: {
        dataDir: '/var/lib/plexmediaserver',
        preferencesFile: null,
        machineIdentifier: server.machineIdentifier,
        tokenFound: true,
        serverUrl: server.url,
        reachable: true,
        friendlyName: server.friendlyName,
        version: server.version,
        problem: null,
      },
    }),
    'server.check': () => ({ ok: true, value: { ...server } }),
    'watch.overrides': () => ({
      ok: true,
      value: {
        serverId: server.machineIdentifier,
        readAt: '2026-01-01T10:00:00.000Z',
        overrides: switches
          .filter(s => s.state === 'off')
          .map(s => ({
            switchId: s.id,
            target: `pref:${s.id}`,
            label: s.id,
            value: false,
            defaultValue: true,
            by: 'hush' as const,
            since: '2026-01-01T09:00:00.000Z',
            audit: [],
          })),
      },
    }),
    'server.list': () =>
      connected
        ? [
            {
              id: 's1',
              url: server.url,
              name: server.friendlyName,
              active: true,
              demo: false,
              last: true,
              remote: false,
            },
          ]
        : [],
    'server.connect': () => ((connected = true), { ok: true, value: { ...server } }),
    'server.connectLocal': () => (
      (connected = true),
      { ok: true, value: { ...server, dataDir: '/var/lib/plexmediaserver' } }
    ),
    'server.connectDemo': () => ((connected = true), { ok: true, value: { ...server } }),
    'server.select': () => ((connected = true), { ok: true, value: { ...server } }),
    'switches.status': () => ({
      ok: true,
      value: {
        server: { ...server },
        switches: switches.map(s => ({ ...s })),
        profile: null,
        readAt: 'now',
      },
    }),
    'switches.planProfile': ({ profile }) => {
      const steps = switches
        .filter(s => s.profiles[profile] !== 'keep' && s.state !== s.profiles[profile])
        .filter(s => s.state === 'on' || s.state === 'off')
        .map(s => ({
          switchId: s.id,
          target: `pref:${s.id}`,
          label: s.id,
          before: s.state === 'on',
          after: s.profiles[profile] === 'on',
        }))
      const breaks = steps.map(step => ({
        switchId: step.switchId,
        text: `${step.switchId} stops`,
      }))
      return { ok: true, value: { title: profile, steps, breaks, readAt: 'now' } }
    },
    'switches.planSet': ({ switchId, value }) => ({
      ok: true,
      value: { title: switchId, steps: [], breaks: [], readAt: `${value}` },
    }),
    'switches.apply': ({ plan }) => (setStates(plan.steps), report(plan.steps, 'Applied.')),
    'switches.set': ({ switchId, value }) => {
      const step = {
        switchId,
        target: `pref:${switchId}`,
        label: switchId,
        before: value !== 'on',
        after: value === 'on',
      }
      setStates([step])
      return report([step], `${switchId} is ${value}.`)
    },
    'switches.undo': () => {
      const before = history.pop()
      if (!before) {
        return { ok: false, error: { kind: 'nothingToUndo', message: 'Nothing to undo.' } }
      }
      switches.splice(0, switches.length, ...before)
      return report([], 'Undone.')
    },
    ...fakeLogHandlers(options.logEvents ?? 0),
    ...fakePreviewHandlers(),
    'account.status': () => ({ signedIn: false, accountUrl: 'https://plex.tv' }),
    'remote.logSource': () => ({
      mode: connected ? 'folder' : 'none',
      serverName: connected ? server.friendlyName : null,
      logsDir: connected ? '/var/lib/plexmediaserver/Logs' : null,
      intervalMinutes: null,
      lastPullAt: null,
      lastInserted: null,
      lastError: null,
      nextPullAt: null,
    }),
    'notices.recent': () => [...notices],
    'notices.dismiss': ({ id }) => {
      notices = notices.filter(notice => notice.id !== id)
      return [...notices]
    },
    'settings.get': () => settings,
    'settings.update': patch => (settings = { ...settings, ...patch }),
  }
  const all: Partial<FakeHandlers> = { ...handlers, ...options.overrides }

  return {
    calls,
    switches,
    server,
    call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      calls.push({ method, input })
      const handler = all[method]
      return handler
        ? Promise.resolve(handler(input))
        : Promise.reject(new BridgeError(method, 'the fake core does not implement it'))
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
    emit(event, payload) {
      if (event === 'owner.notified') {
        const notice = payload as KeptNotice
        notices = [notice, ...notices.filter(kept => kept.id !== notice.id)]
      }
      listeners.get(event)?.forEach(listener => (listener as (p: typeof payload) => void)(payload))
    },
  }
}
