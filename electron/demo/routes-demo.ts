import type { DemoFaults } from './faults'
import { demoFlows, isDemoFlow, type SentRecord } from './sent-record'
import { status, type DemoRequest, type DemoResponse, type DemoRoute } from './http-types'
import type { LogsZipMode } from './routes-remote'

const logsZipModes: readonly LogsZipMode[] = ['zip', 'truncated', 'not-a-zip', 'traversal', 'bomb']

function params(request: DemoRequest): URLSearchParams {
  const merged = new URLSearchParams(request.url.search)
  const body = request.body.trim()
  if (body.startsWith('{')) {
    try {
      for (const [key, value] of Object.entries(JSON.parse(body) as Record<string, unknown>)) {
        merged.set(key, String(value))
      }
    } catch {
      // A malformed body is answered below by the missing parameter.
    }
  } else if (body !== '') {
    for (const [key, value] of new URLSearchParams(body)) {
      merged.set(key, value)
    }
  }
  return merged
}

const flag = (value: string | null): boolean => value === '1' || value === 'true'

/**
 * `POST /__demo/<action>` (with the server token): the faults and simulations of a demo running as a
 * child process, `GET /__demo/state` and `GET /__demo/sent` (what it sent, and why). Not part of
 * the real server; named so that it cannot clash with a real path.
 */
export function demoRoutes(
  faults: DemoFaults,
  state: () => unknown,
  sent: () => readonly SentRecord[],
): DemoRoute[] {
  const actions: Record<string, (p: URLSearchParams) => DemoResponse | Promise<DemoResponse>> = {
    'fail-put': p => {
      faults.failPut(Number(p.get('n') ?? '1'))
      return status(204)
    },
    hang: p => {
      faults.hangNext(p.get('path') ?? undefined)
      return status(204)
    },
    'other-admin': async p => {
      const id = p.get('id')
      const value = p.get('value')
      if (id === null || value === null) {
        return status(400, 'other-admin needs id and value')
      }
      const done = await faults.otherAdmin(id, value)
      return done.ok ? status(204) : status(400, done.error)
    },
    leak: p => {
      const flow = p.get('flow') ?? ''
      if (!isDemoFlow(flow)) {
        return status(400, `unknown flow "${flow}"; one of ${demoFlows.join(', ')}`)
      }
      faults.leak(flow)
      return status(204)
    },
    update: async () => ({ status: 200, json: { version: await faults.simulateUpdate() } }),
    'plex-tv': p => {
      faults.plexTvDown(flag(p.get('down')))
      return status(204)
    },
    remote: p => {
      faults.remoteUnreachable(flag(p.get('unreachable')))
      return status(204)
    },
    advance: p => {
      const minutes = Number(p.get('minutes') ?? '0') + Number(p.get('hours') ?? '0') * 60
      if (!Number.isFinite(minutes) || minutes < 0) {
        return status(400, 'advance takes minutes or hours')
      }
      faults.advance(minutes * 60_000)
      return status(204)
    },
    delay: p => {
      const millis = Number(p.get('ms') ?? '0')
      const after = Number(p.get('after') ?? '0')
      if (!Number.isFinite(millis) || millis < 0 || !Number.isFinite(after) || after < 0) {
        return status(400, 'delay takes ms (and after)')
      }
      faults.delayWrites(millis, after)
      return status(204)
    },
    pins: p => {
      faults.pins({
        refuse: p.get('refuse') === null ? undefined : flag(p.get('refuse')),
        expire: flag(p.get('expire')),
      })
      return status(204)
    },
    'logs-zip': p => {
      const mode = p.get('mode') ?? 'zip'
      if (!logsZipModes.includes(mode as LogsZipMode)) {
        return status(400, `logs-zip takes mode=${logsZipModes.join('|')}`)
      }
      faults.logsZip(mode as LogsZipMode)
      return status(204)
    },
    network: async p => {
      const at = p.get('at')
      if (at !== 'home' && at !== 'away') {
        return status(400, 'network takes at=home|away')
      }
      await faults.network(at)
      return status(204)
    },
    reset: () => {
      faults.reset()
      return status(204)
    },
  }
  return [
    {
      methods: ['GET'],
      pattern: /^\/__demo\/state\/?$/,
      auth: 'token',
      handle: () => ({ status: 200, json: state() }),
    },
    {
      // The demo's own record of what it sent and why (its ground truth); `since` in ms.
      methods: ['GET'],
      pattern: /^\/__demo\/sent\/?$/,
      auth: 'token',
      handle: request => {
        const since = Number(request.url.searchParams.get('since') ?? '0')
        return { status: 200, json: sent().filter(record => record.time >= since) }
      },
    },
    {
      methods: ['POST'],
      pattern: /^\/__demo\/([a-z-]+)\/?$/,
      auth: 'token',
      handle: (request, match) => {
        const action = actions[match[1] ?? '']
        return action === undefined ? status(404) : action(params(request))
      },
    },
  ]
}
