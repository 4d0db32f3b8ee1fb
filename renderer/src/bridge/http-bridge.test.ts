import { describe, expect, it } from 'vitest'
import { BridgeError } from './bridge-error'
import { readToken, startHttpBridge, type HttpBridgeEnv } from './http-bridge'

interface Sent {
  readonly url: string
  readonly init: RequestInit | undefined
}

function env(hash: string, answer: (url: string, init?: RequestInit) => Response) {
  const sent: Sent[] = []
  const replaced: string[] = []
  const value: HttpBridgeEnv = {
    fetch: (input, init) => {
      const url = input as string
      sent.push({ url, init })
      return Promise.resolve(answer(url, init))
    },
    location: { hash, pathname: '/', search: '' },
    history: { replaceState: (_data, _unused, url) => replaced.push(String(url)) },
    openEvents: () => {
      throw new Error('no events in this test')
    },
  }
  return { value, sent, replaced }
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('the HTTP bridge', () => {
  it('reads the launch token from the address fragment', () => {
    expect(readToken('#token=abc_DEF-1')).toBe('abc_DEF-1')
    expect(readToken('#other=1')).toBeNull()
    expect(readToken('')).toBeNull()
  })

  it('swaps the token for a session, removes it from the address bar, and sends the CSRF header', async () => {
    const { value, sent, replaced } = env('#token=secret-1', url =>
      url === 'api/session' ? json(200, { csrf: 'csrf-9' }) : json(200, { language: 'en' }),
    )
    const start = await startHttpBridge(value)
    expect(replaced).toEqual(['/'])
    expect(sent[0]?.init?.body).toBe(JSON.stringify({ secret: 'secret-1' }))
    if (!start.ok) {
      throw new Error('expected a session')
    }
    await start.bridge.call('settings.get', {})
    const call = sent[1]
    expect(call?.url).toBe('api/settings.get')
    expect((call?.init?.headers as Record<string, string>)['X-Hush-CSRF']).toBe('csrf-9')
    expect(JSON.stringify(sent.slice(1))).not.toContain('secret-1')
  })

  it('reuses the cookie session when the address has no token', async () => {
    const { value, sent } = env('', () => json(200, { csrf: 'c' }))
    expect((await startHttpBridge(value)).ok).toBe(true)
    expect(sent[0]?.init?.method).toBeUndefined()
  })

  it('says why it cannot sign in', async () => {
    expect(await startHttpBridge(env('', () => json(401, {})).value)).toEqual({
      ok: false,
      reason: 'signedOut',
    })
    expect(await startHttpBridge(env('#token=x', () => json(401, {})).value)).toEqual({
      ok: false,
      reason: 'wrongToken',
    })
    expect(await startHttpBridge(env('#token=x', () => json(429, {})).value)).toEqual({
      ok: false,
      reason: 'throttled',
    })
  })

  it('turns a refused call into a BridgeError with the server’s reason', async () => {
    const { value } = env('', url =>
      url === 'api/session' ? json(200, { csrf: 'c' }) : json(403, { error: 'foreign origin' }),
    )
    const start = await startHttpBridge(value)
    if (!start.ok) {
      throw new Error('expected a session')
    }
    const failure = start.bridge.call('settings.get', {})
    await expect(failure).rejects.toBeInstanceOf(BridgeError)
    await expect(failure).rejects.toThrow('settings.get: foreign origin')
  })
})
