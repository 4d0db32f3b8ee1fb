import type { SliceCreator } from '../app-state'

/** The screens of the dashboard, in navigation order. */
export const screenIds = ['overview', 'switches', 'log', 'previews', 'verify', 'settings'] as const

/** One screen. */
export type ScreenId = (typeof screenIds)[number]

/** A short message at the bottom of the window: what just happened, or what went wrong. */
export interface Notice {
  readonly id: number
  readonly tone: 'info' | 'success' | 'error'
  readonly text: string
  /** Offer Undo next to the message (after a change). */
  readonly undoable: boolean
}

/** Which screen is shown, and the current notice. */
export interface UiSlice {
  readonly screen: ScreenId
  readonly notice: Notice | null
  readonly screenChosen: (screen: ScreenId) => void
  readonly noticeShown: (notice: Omit<Notice, 'id'>) => void
  readonly noticeDismissed: () => void
}

let nextNoticeId = 1

/** Creates the UI slice. */
export function createUiSlice(): SliceCreator<UiSlice> {
  return set => ({
    screen: 'overview',
    notice: null,
    screenChosen: screen => set({ screen }),
    noticeShown: notice => set({ notice: { ...notice, id: nextNoticeId++ } }),
    noticeDismissed: () => set({ notice: null }),
  })
}
