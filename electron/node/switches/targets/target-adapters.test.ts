import { describe, expect, it } from 'vitest'
import { switchTargetSchema } from '../../../common/switches/catalog-schema'
import { switchCatalog } from '../../../common/switches/catalog'
import type { TargetKind } from './target-adapter'
import {
  adapterOf,
  parseTargetKey,
  targetKey,
  targetKinds,
  type TargetRef,
} from './target-adapters'

// One instance of every kind; the type makes a new kind add its own here.
const oneOfEach: { readonly [K in TargetKind]: Extract<TargetRef, { readonly kind: K }> } = {
  'server-pref': { kind: 'server-pref', prefId: 'RelayEnabled' },
  'library-pref': { kind: 'library-pref', section: '3', prefId: 'enableCinemaTrailers' },
  'library-agent': { kind: 'library-agent', section: '12' },
  'account-privacy': { kind: 'account-privacy', field: 'optOutLibraryStats' },
  'account-opt-out': { kind: 'account-opt-out', key: 'tv.plex.provider.podcasts' },
  'account-view-state-sync': { kind: 'account-view-state-sync' },
}

describe('target adapters', () => {
  it('cover every target kind the catalog accepts, and every kind the catalog uses', () => {
    const accepted = switchTargetSchema.options.map(option => option.shape.kind.value)
    expect([...targetKinds].sort()).toEqual([...accepted].sort())
    const used = new Set(switchCatalog.flatMap(entry => entry.targets.map(target => target.kind)))
    expect([...used].filter(kind => !targetKinds.includes(kind))).toEqual([])
  })

  it('name each instance by a key that reads back to it, and that no other kind reads', () => {
    for (const ref of Object.values(oneOfEach)) {
      const key = targetKey(ref)
      expect(parseTargetKey(key)).toEqual(ref)
      const readers = targetKinds.filter(kind => adapterOf(kind).parseKey(key) !== undefined)
      expect(readers).toEqual([ref.kind])
    }
  })

  it('read no key that Hush never makes', () => {
    for (const key of ['', 'pref:', 'library:3:agents', 'account:privacy:email', 'RelayEnabled']) {
      expect(parseTargetKey(key), key).toBeUndefined()
    }
  })

  it('keep the keys plans and journals already hold', () => {
    expect(Object.values(oneOfEach).map(targetKey)).toEqual([
      'pref:RelayEnabled',
      'library:3:pref:enableCinemaTrailers',
      'library:12:agent',
      'account:privacy:optOutLibraryStats',
      'account:opt-out:tv.plex.provider.podcasts',
      'account:view-state-sync',
    ])
  })
})
