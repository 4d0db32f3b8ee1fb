import type { NoticeKind, ShownNotice } from '../../../../electron/common/notices/notice'
import type { SliceCreator } from '../app-state'

/** A notice the core gave the owner (`owner.notified`), as the dashboard keeps it. */
export interface OwnerNotice extends ShownNotice {
  readonly id: number
  /** The same notice again (a server that stays away) counts here instead of stacking. */
  readonly times: number
}

/** What Hush told the owner of its own accord, newest first, until dismissed. */
export interface OwnerNoticesSlice {
  readonly ownerNotices: readonly OwnerNotice[]
  readonly ownerNotified: (notice: ShownNotice) => void
  readonly ownerNoticeDismissed: (id: number) => void
}

/** How many notices the dashboard shows at once; older ones give way. */
export const ownerNoticesShown = 3

/** The kinds that say something failed (shown as alerts). */
export const failureNoticeKinds: ReadonlySet<NoticeKind> = new Set([
  'serverUnreachable',
  'timedChangeFailed',
  'changeFailed',
  'applyInterrupted',
])

let nextId = 1

/** Creates the owner notices slice. */
export function createOwnerNoticesSlice(): SliceCreator<OwnerNoticesSlice> {
  return set => ({
    ownerNotices: [],
    ownerNotified: notice =>
      set(state => {
        const same = state.ownerNotices.find(
          kept => kept.title === notice.title && kept.body === notice.body,
        )
        const rest = state.ownerNotices.filter(kept => kept !== same)
        const shown: OwnerNotice = { ...notice, id: nextId++, times: (same?.times ?? 0) + 1 }
        return { ownerNotices: [shown, ...rest].slice(0, ownerNoticesShown) }
      }),
    ownerNoticeDismissed: id =>
      set(state => ({ ownerNotices: state.ownerNotices.filter(notice => notice.id !== id) })),
  })
}
