import { apiEventNames, apiMethodNames, type PrivacyApi } from '../../electron/common/api/contract'
import { switchCatalog } from '../../electron/common/switches/catalog'
import { createEventHub } from '../../electron/common/util/event-hub'
import { serveHttp, type HttpBridgeServer } from '../../electron/web/serve-http'
import { createFakeBridge } from '../../renderer/src/bridge/fake-bridge'

/**
 * Web mode over the renderer's fake core holding `events` outbound events (made up on demand),
 * for measuring the dashboard itself: the core's own speed is measured elsewhere.
 */
export async function startFakeLogHost(
  staticDir: string,
  events: number,
): Promise<HttpBridgeServer> {
  const fake = createFakeBridge({
    logEvents: events,
    switches: switchCatalog.map(entry => ({ id: entry.id, state: 'on' })),
  })
  const api = Object.fromEntries(
    apiMethodNames.map(method => [method, (input: never) => fake.call(method, input)]),
  ) as unknown as PrivacyApi
  return serveHttp({ api, events: createEventHub(), staticDir, eventNames: apiEventNames })
}
