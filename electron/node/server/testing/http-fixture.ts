import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A throwaway HTTP server on 127.0.0.1 for tests. */
export interface HttpFixture {
  readonly url: string
  readonly requests: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }>
  close(): Promise<void>
}

/** Starts an HTTP server on 127.0.0.1 (port 0) answering with `handler`. */
export async function startHttpFixture(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<HttpFixture> {
  const requests: HttpFixture['requests'] = []
  const server = createServer((request, response) => {
    requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
    })
    handler(request, response)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A 127.0.0.1 URL where nothing listens (a port that was just free). */
export async function closedPortUrl(): Promise<string> {
  const fixture = await startHttpFixture((_request, response) => response.end())
  await fixture.close()
  return fixture.url
}
