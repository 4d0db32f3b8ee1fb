import { afterAll } from 'vitest'
import { apiEventNames, apiMethodNames } from '../../common/api/contract'
import { describeContract } from '../../node/service/testing/contract-suite'
import { startTestCore, type TestCore } from '../../node/service/testing/test-core'
import { createPreloadBridge } from '../../preload/preload-bridge'
import { createFakeIpc } from './fake-ipc'
import { serveIpc } from './ipc-bridge'
import { isTrustedSender } from './trusted-sender'

const started: TestCore[] = []
afterAll(async () => {
  await Promise.all(started.map(core => core.close()))
})

// Electron cannot run here: a fake ipcMain/ipcRenderer pair carries the calls, and everything on
// either side of it (handlers, sender checks, schemas, the preload bridge, the core) is real.
describeContract('IPC (the desktop app)', async () => {
  const test = await startTestCore()
  started.push(test)
  const frame = { url: 'app://hush/index.html' }
  const ipc = createFakeIpc(frame)
  serveIpc(
    ipc.ipcMain,
    test.core.api,
    sender => isTrustedSender(sender, frame),
    test.core.events,
    () => ipc.window,
  )
  return {
    bridge: createPreloadBridge(ipc.ipcRenderer, apiMethodNames, apiEventNames),
    get secret() {
      return test.demoToken() ?? 'no-demo-started'
    },
  }
})
