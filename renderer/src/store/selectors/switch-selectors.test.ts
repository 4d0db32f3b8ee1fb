import { describe, expect, it } from 'vitest'
import { createFakeBridge } from '../../bridge/fake-bridge'
import { catalogFixture } from '../../catalog/catalog-fixture'
import { createAppStore } from '../create-app-store'
import { switchSelectors } from './switch-selectors'

async function storeWith(states: Record<string, 'on' | 'off' | 'unavailable'>) {
  const bridge = createFakeBridge({
    switches: Object.entries(states).map(([id, state]) => ({ id, state })),
  })
  const store = createAppStore(bridge, catalogFixture)
  await store.getState().appStarted()
  return store
}

describe('switch selectors', () => {
  it('says something flows while any switch is on', async () => {
    const store = await storeWith({
      'metadata-matching': 'on',
      relay: 'off',
      'crash-reports': 'off',
    })
    expect(switchSelectors.overall(store.getState())).toBe('flowing')
    expect(switchSelectors.flowingCount(store.getState())).toBe(1)
  })

  it('says everything is private when every reachable switch is off', async () => {
    const store = await storeWith({
      'metadata-matching': 'off',
      relay: 'unavailable',
      'crash-reports': 'off',
    })
    expect(switchSelectors.overall(store.getState())).toBe('private')
  })

  it('says the server is unreachable when the last check failed', async () => {
    const store = await storeWith({ relay: 'on' })
    store.getState().serverChecked({ reachable: false, message: 'timed out' })
    expect(switchSelectors.overall(store.getState())).toBe('unreachable')
  })

  it('groups switches by flow in catalog order, and keeps switches the catalog lacks apart', async () => {
    const store = await storeWith({ relay: 'on', 'crash-reports': 'off', 'new-thing': 'on' })
    const groups = switchSelectors.flowGroups(store.getState())
    expect(groups.map(group => group.flow)).toEqual([
      'metadata-matching',
      'relay',
      'debug-information',
      'other',
    ])
    expect(groups[0]?.switches[0]?.state).toBe('unknown')
    expect(groups[3]?.switches.map(view => view.id)).toEqual(['new-thing'])
  })

  it('returns the same list while the switchboard has not changed', async () => {
    const store = await storeWith({ relay: 'on' })
    expect(switchSelectors.flowGroups(store.getState())).toBe(
      switchSelectors.flowGroups(store.getState()),
    )
  })
})
