import { describe, expect, it } from 'vitest'
import type { SwitchStatus } from '../../common/api/switch-schemas'
import type { HistoryEntry } from '../switches/switch-store'
import { ownerChoices } from './owner-choices'

const status = (id: string, privateChoice: 'on' | 'off' | 'keep'): SwitchStatus => ({
  id,
  state: 'on',
  reason: null,
  targets: [],
  profiles: { 'plex-defaults': 'on', balanced: 'keep', private: privateChoice, lockdown: 'off' },
  until: null,
})

let n = 0
const entry = (
  command: string,
  profile: HistoryEntry['profile'],
  undone = false,
): HistoryEntry => ({
  id: `h${(n += 1)}`,
  serverId: 's',
  at: `2026-11-29T06:0${n}:00Z`,
  command,
  profile,
  title: command,
  snapshotId: `h${n}`,
  steps: [],
  undoneAt: undone ? '2026-11-29T07:00:00Z' : null,
})

const switches = [status('relay', 'off'), status('dlna', 'off'), status('trailers', 'keep')]

describe("the owner's choices", () => {
  it('start from the last profile, skip its keeps, and take later sets over it', () => {
    const choices = ownerChoices(
      [entry('set relay off', null), entry('apply private', 'private'), entry('set dlna on', null)],
      switches,
    )
    expect(choices.profile).toBe('private')
    expect(Object.fromEntries(choices.wants)).toEqual({ relay: 'off', dlna: 'on' })
  })

  it('ignore undone entries (an undo or an ended timed change) and enforcement', () => {
    const choices = ownerChoices(
      [
        entry('apply private', 'private'),
        entry('set relay on', null, true),
        entry('enforce private', 'private'),
      ],
      switches,
    )
    expect(Object.fromEntries(choices.wants)).toEqual({ relay: 'off', dlna: 'off' })
  })

  it('are empty before the owner chose anything', () => {
    expect(ownerChoices([], switches)).toEqual({ profile: null, wants: new Map() })
  })
})
