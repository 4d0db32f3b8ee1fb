import { afterEach, describe, expect, it } from 'vitest'
import type { ApiEvents } from '../../common/api/contract'
import type { ShownNotice } from '../../common/notices/notice'
import { startTestCore, type TestCore } from './testing/test-core'

let testCore: TestCore | undefined
afterEach(async () => {
  await testCore?.close()
  testCore = undefined
})

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!condition() && Date.now() < end) {
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

describe('what the core tells the owner', () => {
  it('reaches the desktop notifier and the event stream alike, in the owner’s language', async () => {
    const shown: ShownNotice[] = []
    testCore = await startTestCore({ notifier: { notify: notice => shown.push(notice) } })
    const { core } = testCore
    const streamed: Array<ApiEvents['owner.notified']> = []
    core.events.on('owner.notified', notice => streamed.push(notice))
    expect((await core.api['server.connectDemo']({})).ok).toBe(true)
    await core.api['settings.update']({ language: 'zh' })
    const set = await core.api['switches.set']({
      switchId: 'relay',
      value: 'off',
      forSeconds: 1,
      force: false,
    })
    expect(set.ok).toBe(true)
    // The watch, started now, finds the timed change and ends it on time.
    await core.start()
    await until(() => shown.some(notice => notice.kind === 'timedChangeEnded'))
    const ended = shown.find(notice => notice.kind === 'timedChangeEnded')
    expect(ended?.title).toBe('临时更改已结束')
    expect(streamed).toContainEqual(ended)
    const status = await core.api['switches.status']({})
    expect(status.ok && status.value.switches.find(s => s.id === 'relay')?.state).toBe('on')
  }, 30_000)
})
