import { afterAll } from 'vitest'
import { createInProcessBridge } from '../../common/api/in-process-bridge'
import { describeContract } from './testing/contract-suite'
import { startTestCore, type TestCore } from './testing/test-core'

const started: TestCore[] = []
afterAll(async () => {
  await Promise.all(started.map(core => core.close()))
})

describeContract('the in-process bridge', async () => {
  const test = await startTestCore()
  started.push(test)
  return {
    bridge: createInProcessBridge(test.core.api, test.core.events),
    get secret() {
      return test.demoToken() ?? 'no-demo-started'
    },
  }
})
