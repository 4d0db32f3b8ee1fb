import type { PrivacyBridge } from '../../../../electron/common/api/contract'
import type { VerifyReport } from '../../../../electron/common/api/verify-schemas'
import type { OverridesReport } from '../../../../electron/common/api/watch-schemas'
import type { SliceCreator } from '../app-state'
import { idle, load, loading, unexpected, type Loadable } from '../loadable'

/** A file the owner downloads (an export or a report). */
export interface DownloadFile {
  readonly fileName: string
  readonly content: string
  readonly mimeType: string
}

/** The evidence that switched-off flows stopped. */
export interface VerifySlice {
  readonly verify: Loadable<VerifyReport>
  readonly verifyRequested: () => Promise<void>
  readonly verifyReportRequested: (format: 'markdown' | 'html') => Promise<DownloadFile | null>
  /** Every value that differs from Plex's default, and who set it. */
  readonly overrides: Loadable<OverridesReport>
  readonly overridesRequested: () => Promise<void>
}

/** Creates the verification slice. */
export function createVerifySlice(bridge: PrivacyBridge): SliceCreator<VerifySlice> {
  return (set, get) => ({
    verify: idle,
    overrides: idle,
    overridesRequested: async () => {
      set({ overrides: loading(get().overrides) })
      set({ overrides: await load(() => bridge.call('watch.overrides', {})) })
    },
    verifyRequested: async () => {
      set({ verify: loading(get().verify) })
      set({ verify: await load(() => bridge.call('verify.run', {})) })
    },
    verifyReportRequested: async format => {
      try {
        const result = await bridge.call('verify.report', { format })
        if (!result.ok) {
          get().noticeShown({ tone: 'error', text: result.error.message, undoable: false })
          return null
        }
        const mimeType = format === 'html' ? 'text/html' : 'text/markdown'
        return { fileName: result.value.fileName, content: result.value.content, mimeType }
      } catch (error) {
        get().noticeShown({ tone: 'error', text: unexpected(error).message, undoable: false })
        return null
      }
    },
  })
}
