import { afterAll } from 'vitest'
import { apiEventNames } from '../common/api/contract'
import { describeContract } from '../node/service/testing/contract-suite'
import { startTestCore } from '../node/service/testing/test-core'
import { serveHttp } from './serve-http'
import { connectNodeHttpBridge } from './testing/node-http-bridge'

const cleanups: Array<() => Promise<void> | void> = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) {
    await cleanup()
  }
})

describeContract('HTTP (web mode)', async () => {
  const test = await startTestCore()
  const server = await serveHttp({
    api: test.core.api,
    events: test.core.events,
    port: 0,
    eventNames: apiEventNames,
  })
  const bridge = await connectNodeHttpBridge(server.openUrl)
  cleanups.push(
    () => test.close(),
    () => server.close(),
    () => bridge.close(),
  )
  return {
    bridge,
    get secret() {
      return test.demoToken() ?? 'no-demo-started'
    },
  }
})
