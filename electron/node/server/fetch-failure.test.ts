import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createPlexClient } from './plex-client'
import { describeFetchFailure } from './fetch-failure'
import { plexIdentificationHeaders } from './plex-headers'

// A throwaway self-signed certificate (CN=hush-test), made for this test only.
const key = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHsXm2PNmWkzOSkbO
dNl1ugodenpYZxYwu43nHepoJU6hRANCAASMdDbysgl6jrz3uJOSAFzdCvLLg5Nm
GOulg3jLFdTdvhMeI/ojEGJOE4w3N7RZf5CKWVGDJjGn+dYGsXl7cE+Z
-----END PRIVATE KEY-----
`
const cert = `-----BEGIN CERTIFICATE-----
MIIBfzCCASWgAwIBAgIUFLkxZVdftNp8BtrI0SKY0/NWzjUwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJaHVzaC10ZXN0MCAXDTI2MTEyOTA1NDY0OFoYDzIxMjYxMTA1
MDU0NjQ4WjAUMRIwEAYDVQQDDAlodXNoLXRlc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASMdDbysgl6jrz3uJOSAFzdCvLLg5NmGOulg3jLFdTdvhMeI/ojEGJO
E4w3N7RZf5CKWVGDJjGn+dYGsXl7cE+Zo1MwUTAdBgNVHQ4EFgQU1Pc+93PWptr5
lpllY+sU3YrwKNEwHwYDVR0jBBgwFoAU1Pc+93PWptr5lpllY+sU3YrwKNEwDwYD
VR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiA9WeikaZlTJZJnrpNRQT/y
N9gr7O0s6YLKIOWigEVeuQIhALFNyYJV4eN9T59LKQEDxrsKNJrSTJiwhJgMeNG1
gDG7
-----END CERTIFICATE-----
`

describe('TLS failures', () => {
  it('says tls, in one line, for a server whose certificate is not trusted', async () => {
    const server = createServer({ key, cert }, (_request, response) =>
      response.end('<MediaContainer/>'),
    )
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const client = createPlexClient({
        baseUrl: `https://127.0.0.1:${port}`,
        token: 'tls-secret-token',
        timeoutMs: 3000,
        headers: plexIdentificationHeaders('hush-test'),
      })
      const result = await client.identity()
      expect(result).toMatchObject({ ok: false, error: { kind: 'tls' } })
      expect(result.ok ? '' : result.error.message).not.toMatch(/\n|tls-secret-token/)
    } finally {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  })

  it('tells a TLS cause from a refused connection', () => {
    const tls = new TypeError('fetch failed', {
      cause: Object.assign(new Error('self-signed certificate'), {
        code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      }),
    })
    expect(describeFetchFailure(tls).kind).toBe('tls')
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    })
    expect(describeFetchFailure(refused)).toEqual({
      kind: 'unreachable',
      reason: 'connection refused (nothing listens there)',
    })
  })
})
