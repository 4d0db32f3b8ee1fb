import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiEvents } from '../../common/api/contract'
import type { ShownNotice } from '../../common/notices/notice'
import { createEventHub } from '../../common/util/event-hub'
import { createOwnerNotices, keptNoticesMax } from './owner-notices'
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
    expect(streamed).toContainEqual(expect.objectContaining({ ...ended, times: 1 }))
    // Kept for a face that opens later, until dismissed in any face.
    const keptNow = await core.api['notices.recent']({})
    expect(keptNow[0]).toMatchObject({ kind: 'timedChangeEnded', title: '临时更改已结束' })
    const status = await core.api['switches.status']({})
    expect(status.ok && status.value.switches.find(s => s.id === 'relay')?.state).toBe('on')
  }, 30_000)
})

describe('the notices the core keeps', () => {
  const keeper = async (file?: string) => {
    const events = createEventHub<ApiEvents>(error => {
      throw error
    })
    const streamed: Array<ApiEvents['owner.notified']> = []
    events.on('owner.notified', notice => streamed.push(notice))
    const notices = await createOwnerNotices({
      events,
      language: () => 'en',
      file,
      onError: error => {
        throw error
      },
    })
    return { notices, streamed }
  }

  it('keeps each notice, newest first, and counts a repeat on the one kept', async () => {
    const { notices, streamed } = await keeper()
    notices.notify({ kind: 'serverUnreachable', reason: 'refused' })
    notices.notify({ kind: 'newDestination', host: 'a.example', category: 'analytics' })
    notices.notify({ kind: 'serverUnreachable', reason: 'refused' })
    const kept = notices.recent()
    expect(kept.map(notice => [notice.kind, notice.times])).toEqual([
      ['serverUnreachable', 2],
      ['newDestination', 1],
    ])
    // The repeat is pushed with the same id, so a face updates the notice it shows.
    expect(streamed[2]?.id).toBe(streamed[0]?.id)
    expect(new Set(kept.map(notice => notice.id)).size).toBe(2)
  })

  it('forgets a dismissed notice, and keeps only the newest ones', async () => {
    const { notices } = await keeper()
    for (let n = 0; n < keptNoticesMax + 5; n++) {
      notices.notify({ kind: 'newDestination', host: `h${n}.example`, category: 'analytics' })
    }
    const kept = notices.recent()
    expect(kept).toHaveLength(keptNoticesMax)
    expect(kept[0]?.body).toContain(`h${keptNoticesMax + 4}.example`)
    const rest = notices.dismiss(kept[0]?.id ?? '')
    expect(rest).toHaveLength(keptNoticesMax - 1)
    expect(rest.map(notice => notice.id)).not.toContain(kept[0]?.id)
    expect(notices.dismiss('no-such-notice')).toHaveLength(keptNoticesMax - 1)
  })

  it('keeps them across a restart in an owner-only file, dismissals included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hush-notices-'))
    try {
      const file = join(dir, 'notices.json')
      const first = await keeper(file)
      first.notices.notify({ kind: 'newDestination', host: 'night.example', category: 'analytics' })
      first.notices.notify({ kind: 'serverUnreachable', reason: 'refused' })
      first.notices.dismiss(first.notices.recent()[0]?.id ?? '')
      await first.notices.flush()
      expect((await stat(file)).mode & 0o777).toBe(0o600)
      const later = await keeper(file)
      expect(later.notices.recent()).toEqual(first.notices.recent())
      expect(later.notices.recent().map(notice => notice.kind)).toEqual(['newDestination'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('starts afresh from an unreadable file, kept aside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hush-notices-'))
    try {
      const file = join(dir, 'notices.json')
      await writeFile(file, '[{"id": 1', { mode: 0o600 })
      const { notices } = await keeper(file)
      expect(notices.recent()).toEqual([])
      expect((await readdir(dir)).some(name => name.startsWith('notices.corrupt-'))).toBe(true)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
