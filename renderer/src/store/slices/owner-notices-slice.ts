import type { PrivacyBridge } from '../../../../electron/common/api/contract'
import type { KeptNotice } from '../../../../electron/common/api/notice-schemas'
import type { SliceCreator } from '../app-state'

/**
 * What Hush told the owner of its own accord and they have not dismissed, newest first: the
 * core keeps them (a browser opened later still finds them) and every face dismisses the same.
 */
export interface OwnerNoticesSlice {
  readonly ownerNotices: readonly KeptNotice[]
  readonly ownerNoticesRequested: () => Promise<void>
  /** A notice the core just gave, or gave again (the same id, counted). */
  readonly ownerNotified: (notice: KeptNotice) => void
  readonly ownerNoticeDismissed: (id: string) => Promise<void>
}

/** How many notices the dashboard shows at once; the older ones wait their turn. */
export const ownerNoticesShown = 3

/** Creates the owner notices slice. */
export function createOwnerNoticesSlice(bridge: PrivacyBridge): SliceCreator<OwnerNoticesSlice> {
  return set => ({
    ownerNotices: [],
    ownerNoticesRequested: async () => {
      set({ ownerNotices: await bridge.call('notices.recent', {}) })
    },
    ownerNotified: notice =>
      set(state => ({
        ownerNotices: [notice, ...state.ownerNotices.filter(kept => kept.id !== notice.id)],
      })),
    ownerNoticeDismissed: async id => {
      // Gone at once; the core's answer is the list every face now shares.
      set(state => ({ ownerNotices: state.ownerNotices.filter(kept => kept.id !== id) }))
      set({ ownerNotices: await bridge.call('notices.dismiss', { id }) })
    },
  })
}
