import type { PlexHttpConfig } from '../server/plex-http'

/** A live subscription to the server's notifications; `closed` settles when the stream ends. */
export interface NotificationStream {
  readonly closed: Promise<void>
  close(): void
}

/**
 * Subscribes to `GET /:/eventsource/notifications` (SSE) and calls `onEvent` for every event
 * that may mean a setting changed. The exact shape of a preference-change event is unverified, so
 * any event other than the known noise (logs, playback progress) counts as a hint to re-check;
 * the caller's polling stays the safety net. Resolves to null when the server offers no stream
 * (an old server, a demo, a proxy that buffers): the caller then only polls.
 */
export async function subscribeNotifications(
  http: PlexHttpConfig,
  onEvent: () => void,
): Promise<NotificationStream | null> {
  const abort = new AbortController()
  const url = `${http.baseUrl.replace(/\/+$/, '')}/:/eventsource/notifications?filters=-log,-progress,-playing`
  // The timeout covers the answer's headers only: the stream itself stays open for hours.
  const timer = setTimeout(() => abort.abort(), http.timeoutMs)
  let response: Response
  try {
    response = await (http.fetch ?? fetch)(url, {
      headers: {
        ...http.headers,
        Accept: 'text/event-stream',
        ...(http.token === null ? {} : { 'X-Plex-Token': http.token }),
      },
      signal: abort.signal,
    })
  } catch {
    return null
  } finally {
    clearTimeout(timer)
  }
  const type = response.headers.get('content-type') ?? ''
  if (!response.ok || !type.includes('text/event-stream') || response.body === null) {
    await response.body?.cancel().catch(() => undefined)
    return null
  }
  const body = response.body
  const closed = (async () => {
    const decoder = new TextDecoder()
    let buffered = ''
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true })
        const events = buffered.split(/\r?\n\r?\n/)
        buffered = events.pop() ?? ''
        if (events.some(event => /^(event|data):/m.test(event))) {
          onEvent()
        }
      }
    } catch {
      // Aborted or the connection dropped: the caller falls back to polling.
    }
  })()
  return { closed, close: () => abort.abort() }
}
