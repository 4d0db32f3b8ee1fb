import { describe, expect, it } from 'vitest'
import type { SwitchEntry, SwitchTarget } from '../../common/switches/switch-types'
import type { PlexSetting } from '../server/plex-schemas'
import type { LiveState } from './live-state'
import { buildPlan } from './plan-changes'
import { resolveSwitch } from './resolve-targets'
import { profileValue, switchState } from './switch-status'

const text = { en: 'x', zh: 'x' }

function entry(id: string, targets: SwitchTarget[], breaks = `${id} breaks`): SwitchEntry {
  return {
    id,
    flow: 'relay',
    title: text,
    data: text,
    recipient: text,
    purpose: text,
    breaks: { en: breaks, zh: breaks },
    policyItems: [{ part: 'collect', item: 13 }],
    evidence: { kind: 'log' },
    targets,
    profiles: { 'plex-defaults': 'default', balanced: 'keep', private: 'off', lockdown: 'off' },
    quickToggle: false,
  }
}

function setting(
  id: string,
  value: PlexSetting['value'],
  fallback: PlexSetting['default'],
  type = 'bool',
): PlexSetting {
  return {
    id,
    label: id,
    summary: '',
    type,
    value,
    default: fallback,
    hidden: false,
    advanced: false,
    group: '',
    enumValues: null,
  }
}

function live(prefs: PlexSetting[], libraries: LiveState['libraries'] = []): LiveState {
  return {
    readAt: '2026-11-29T06:00:00.000Z',
    prefs: new Map(prefs.map(item => [item.id, item])),
    libraries,
    account: null,
    accountProblem: 'not needed here',
  }
}

const relay = entry('relay', [
  { kind: 'server-pref', prefId: 'RelayEnabled', on: true, off: false },
])
const matching = entry('matching', [
  {
    kind: 'library-agent',
    libraryTypes: ['movie', 'photo'],
    localAgents: ['com.plexapp.agents.none'],
    offAgent: { movie: 'com.plexapp.agents.none', photo: 'com.plexapp.agents.none' },
  },
])
const libraries: LiveState['libraries'] = [
  {
    section: {
      key: '1',
      type: 'movie',
      title: 'Movies',
      agent: 'tv.plex.agents.movie',
      scanner: null,
      language: null,
      uuid: null,
      locations: [],
    },
    prefs: new Map(),
  },
  {
    section: {
      key: '4',
      type: 'photo',
      title: 'Photos',
      agent: 'com.plexapp.agents.none',
      scanner: null,
      language: null,
      uuid: null,
      locations: [],
    },
    prefs: new Map(),
  },
]

describe('planning', () => {
  it('plans one step per target that differs, with what stops working', () => {
    const state = live([setting('RelayEnabled', true, true)], libraries)
    const plan = buildPlan(
      't',
      [relay, matching].map(item => ({
        resolved: resolveSwitch(item, state),
        wish: 'off' as const,
      })),
      state.readAt,
      {},
      'en',
    )
    expect(plan.steps).toEqual([
      {
        switchId: 'relay',
        target: 'pref:RelayEnabled',
        label: 'RelayEnabled',
        before: true,
        after: false,
      },
      {
        switchId: 'matching',
        target: 'library:1:agent',
        label: 'Movies (library 1): agent',
        before: 'tv.plex.agents.movie',
        after: 'com.plexapp.agents.none',
      },
    ])
    expect(plan.breaks).toEqual([
      { switchId: 'relay', text: 'relay breaks' },
      { switchId: 'matching', text: 'matching breaks' },
    ])
  })

  it('reads mixed for libraries that differ, and restores remembered agents on the way back', () => {
    const state = live([], libraries)
    const resolved = resolveSwitch(matching, state)
    expect(switchState(resolved)).toEqual({ state: 'mixed', reason: null })
    const offState = live(
      [],
      [
        {
          ...libraries[0]!,
          section: { ...libraries[0]!.section, agent: 'com.plexapp.agents.none' },
        },
        libraries[1]!,
      ],
    )
    const plan = buildPlan(
      't',
      [{ resolved: resolveSwitch(matching, offState), wish: 'on' }],
      state.readAt,
      { 'library:1:agent': 'tv.plex.agents.movie' },
      'en',
    )
    expect(plan.steps.map(step => [step.target, step.after])).toEqual([
      ['library:1:agent', 'tv.plex.agents.movie'],
    ])
  })

  it('takes plex-defaults from the live default attribute, not from the catalog', () => {
    const flipped = live([setting('RelayEnabled', true, false)])
    expect(profileValue(resolveSwitch(relay, flipped), 'plex-defaults')).toBe('off')
    const plan = buildPlan(
      't',
      [{ resolved: resolveSwitch(relay, flipped), wish: 'default' }],
      flipped.readAt,
      {},
      'en',
    )
    expect(plan.steps.map(step => step.after)).toEqual([false])
  })

  it('writes a shared target once, for the first switch that asks', () => {
    const state = live([setting('RelayEnabled', true, true)])
    const twin = entry('twin', relay.targets.slice())
    const plan = buildPlan(
      't',
      [relay, twin].map(item => ({ resolved: resolveSwitch(item, state), wish: 'off' as const })),
      state.readAt,
      {},
      'en',
    )
    expect(plan.steps.map(step => step.switchId)).toEqual(['relay'])
    expect(plan.skipped).toEqual([
      { switchId: 'twin', reason: 'RelayEnabled is already set by relay' },
    ])
  })

  it('says unknown for an account switch when the account was not read, and plans nothing for it', () => {
    const account = entry('usage', [{ kind: 'account-privacy', field: 'optOutPlayback' }])
    const resolved = resolveSwitch(account, live([]))
    expect(switchState(resolved).state).toBe('unknown')
    const plan = buildPlan('t', [{ resolved, wish: 'off' }], '', {}, 'en')
    expect(plan.steps).toEqual([])
    expect(plan.skipped[0]?.reason).toContain('not needed here')
  })
})
