import type { ApiEvent, ApiEvents, PrivacyBridge } from '../../common/api/contract'

/**
 * A PrivacyBridge over web mode's HTTP API for Node tests: it signs in with the launch token,
 * keeps the cookie, sends the CSRF header, and reads push events from `/api/events`.
 */
export async function connectNodeHttpBridge(
  openUrl: string,
): Promise<PrivacyBridge & { close(): void }> {
  const url = new URL(openUrl)
  const origin = url.origin
  const token = url.hash.replace('#token=', '')
  const session = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/json' },
    body: JSON.stringify({ secret: token }),
  })
  if (!session.ok) {
    throw new Error(`sign-in failed: HTTP ${session.status}`)
  }
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const { csrf } = (await session.json()) as { csrf: string }
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const stream = new AbortController()
  const events = await fetch(`${origin}/api/events`, {
    headers: { Cookie: cookie },
    signal: stream.signal,
  })
  void readEvents(events, (name, payload) =>
    listeners.get(name)?.forEach(listener => listener(payload)),
  )
  return {
    call: async (method, input) => {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: {
          Origin: origin,
          Cookie: cookie,
          'X-Hush-CSRF': csrf,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(input),
      })
      const body = await response.json()
      if (!response.ok) {
        throw new Error((body as { error?: string }).error ?? `HTTP ${response.status}`)
      }
      return body as never
    },
    on: <E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) => {
      let set = listeners.get(event)
      if (!set) {
        set = new Set()
        listeners.set(event, set)
      }
      const stored = listener as (payload: unknown) => void
      set.add(stored)
      return () => {
        set.delete(stored)
      }
    },
    close: () => stream.abort(),
  }
}

async function readEvents(
  response: Response,
  emit: (name: string, payload: unknown) => void,
): Promise<void> {
  if (!response.body) {
    return
  }
  const decoder = new TextDecoder()
  let buffer = ''
  try {
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true })
      let end = buffer.indexOf('\n\n')
      while (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const name = /^event: (.*)$/m.exec(block)?.[1]
        const data = /^data: (.*)$/m.exec(block)?.[1]
        if (name && data) {
          emit(name, JSON.parse(data))
        }
        end = buffer.indexOf('\n\n')
      }
    }
  } catch {
    // The stream ends when the test closes it.
  }
}
