import { describe, expect, it } from 'vitest'
import type { Notice } from './notice'
import { showNotice } from './notice-texts'

const every: readonly Notice[] = [
  { kind: 'drift', switchIds: ['relay', 'dlna'], restored: false },
  { kind: 'drift', switchIds: ['relay'], restored: true },
  { kind: 'timedChangeEnded', message: 'Undid "Turn relay on".' },
  { kind: 'timedChangeFailed', reason: 'the server did not answer' },
  { kind: 'newDestination', host: 'analytics.plex.tv', category: 'usage' },
  { kind: 'serverUnreachable', reason: 'the server did not answer' },
  {
    kind: 'applyInterrupted',
    command: 'apply lockdown',
    startedAt: 'T',
    landed: 2,
    of: 5,
    undoing: false,
  },
  {
    kind: 'applyInterrupted',
    command: 'apply lockdown',
    startedAt: 'T',
    landed: 0,
    of: 5,
    undoing: false,
  },
  { kind: 'applyInterrupted', command: 'undo', startedAt: 'T', landed: 1, of: 3, undoing: true },
  { kind: 'fileRepaired', path: '/s/history.json', movedTo: '/s/history.corrupt-1.json' },
  { kind: 'settingsRepaired' },
  { kind: 'noKeychain' },
  { kind: 'weakKeychain' },
  { kind: 'changeFailed', reason: 'the server did not answer' },
]

describe('the words of every notice', () => {
  it('says each in English and in Chinese, the Chinese in Chinese', () => {
    for (const notice of every) {
      const en = showNotice(notice, 'en')
      const zh = showNotice(notice, 'zh')
      expect(en.kind).toBe(notice.kind)
      expect(en.title && en.body).toBeTruthy()
      expect(zh.title && zh.body).toBeTruthy()
      // What the core passes through as it is (a report's message, a reason) has no translation.
      const passedThrough = ['timedChangeEnded', 'serverUnreachable', 'changeFailed']
      if (!passedThrough.includes(notice.kind)) {
        expect(`${zh.title} ${zh.body}`, notice.kind).toMatch(/[\u4e00-\u9fff]/)
      }
    }
  })

  it('names drifted switches by their titles', () => {
    const shown = showNotice({ kind: 'drift', switchIds: ['relay'], restored: true }, 'en')
    expect(shown).toEqual({
      kind: 'drift',
      title: 'Hush put your privacy settings back',
      body: 'Relay: no longer as you chose (restored).',
    })
  })
})
