import type { ApiEvent, ApiEvents, PrivacyBridge } from '../../../electron/common/api/contract'
import { BridgeError } from './bridge-error'

/** How the HTTP bridge reaches web mode; injected so tests can point it anywhere. */
export interface HttpBridgeEnv {
  readonly fetch: typeof fetch
  readonly location: Pick<Location, 'hash' | 'pathname' | 'search'>
  readonly history: Pick<History, 'replaceState'>
  readonly openEvents: (url: string) => EventSource
}

/** The outcome of signing in to web mode. */
export type HttpBridgeStart =
  | { readonly ok: true; readonly bridge: PrivacyBridge }
  | { readonly ok: false; readonly reason: 'signedOut' | 'wrongToken' | 'throttled' | 'offline' }

/** The browser's own fetch, location, history and EventSource. */
export function browserHttpEnv(): HttpBridgeEnv {
  return {
    fetch: (input, init) => window.fetch(input, init),
    location: window.location,
    history: window.history,
    openEvents: url => new EventSource(url, { withCredentials: true }),
  }
}

/**
 * Signs in to web mode and returns a PrivacyBridge over fetch + server-sent events.
 *
 * The launch token arrives in the address fragment (`#token=…`), which browsers never send to a
 * server; it is swapped for an HttpOnly cookie and removed from the address bar at once, so it is
 * not left in history or on screen. Without a token, an existing cookie session is reused.
 */
export async function startHttpBridge(
  env: HttpBridgeEnv = browserHttpEnv(),
): Promise<HttpBridgeStart> {
  const token = readToken(env.location.hash)
  let response: Response
  try {
    if (token) {
      env.history.replaceState(null, '', env.location.pathname + env.location.search)
      response = await env.fetch('api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ secret: token }),
        credentials: 'same-origin',
      })
    } else {
      response = await env.fetch('api/session', { credentials: 'same-origin' })
    }
  } catch {
    return { ok: false, reason: 'offline' }
  }
  if (response.status === 429) {
    return { ok: false, reason: 'throttled' }
  }
  if (!response.ok) {
    return { ok: false, reason: token ? 'wrongToken' : 'signedOut' }
  }
  const { csrf } = (await response.json()) as { csrf: string }
  return { ok: true, bridge: createHttpBridge(env, csrf) }
}

/** Reads `token` from an address fragment like `#token=abc`. */
export function readToken(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const token = params.get('token')
  return token && token.length > 0 ? token : null
}

function createHttpBridge(env: HttpBridgeEnv, csrf: string): PrivacyBridge {
  let source: EventSource | null = null
  const events = (): EventSource => (source ??= env.openEvents('api/events'))
  return {
    async call(method, input) {
      let response: Response
      try {
        response = await env.fetch(`api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Hush-CSRF': csrf },
          body: JSON.stringify(input),
          credentials: 'same-origin',
        })
      } catch {
        throw new BridgeError(method, 'Hush is not answering')
      }
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { error?: string }
        throw new BridgeError(method, body.error ?? `HTTP ${response.status}`)
      }
      return (await response.json()) as never
    },
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) {
      const handler = (message: MessageEvent<string>) => {
        listener(JSON.parse(message.data) as ApiEvents[E])
      }
      events().addEventListener(event, handler)
      return () => events().removeEventListener(event, handler)
    },
  }
}
