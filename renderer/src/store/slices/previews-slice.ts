import type { PrivacyBridge } from '../../../../electron/common/api/contract'
import type {
  AccountPreview,
  CrashReportsPreview,
  MatchingPreview,
  RemoteAccessPreview,
} from '../../../../electron/common/api/preview-schemas'
import { messagesFor } from '../../i18n/messages'
import type { SliceCreator } from '../app-state'
import { idle, load, loading, unexpected, type Loadable } from '../loadable'

/** The four previews of what the server sends or would send. */
export interface Previews {
  readonly matching: Loadable<MatchingPreview>
  readonly remoteAccess: Loadable<RemoteAccessPreview>
  readonly crashReports: Loadable<CrashReportsPreview>
  readonly account: Loadable<AccountPreview>
}

/** One preview. */
export type PreviewKind = keyof Previews

const methods = {
  matching: 'preview.matching',
  remoteAccess: 'preview.remoteAccess',
  crashReports: 'preview.crashReports',
  account: 'preview.account',
} as const

/** The previews, each fetched when its tab opens. */
export interface PreviewsSlice {
  readonly previews: Previews
  readonly previewRequested: (kind: PreviewKind) => Promise<void>
  /** Deletes pending crash dumps (after the owner confirmed), then reads the folder again. */
  readonly crashDumpsDeleted: (paths: readonly string[]) => Promise<void>
}

/** Creates the previews slice. */
export function createPreviewsSlice(bridge: PrivacyBridge): SliceCreator<PreviewsSlice> {
  return (set, get) => ({
    previews: { matching: idle, remoteAccess: idle, crashReports: idle, account: idle },
    previewRequested: async kind => {
      const update = (value: Loadable<unknown>) =>
        set({ previews: { ...get().previews, [kind]: value } })
      update(loading(get().previews[kind] as Loadable<unknown>))
      const input = kind === 'matching' ? { itemLimit: 50 } : {}
      update(await load<unknown>(() => bridge.call(methods[kind], input)))
    },
    crashDumpsDeleted: async paths => {
      try {
        const result = await bridge.call('preview.deleteCrashDumps', { paths: [...paths] })
        get().noticeShown(
          result.ok
            ? {
                tone: 'success',
                text: messagesFor(get().settings.language).previews.deleted(
                  result.value.deleted.length,
                ),
                undoable: false,
              }
            : { tone: 'error', text: result.error.message, undoable: false },
        )
      } catch (error) {
        get().noticeShown({ tone: 'error', text: unexpected(error).message, undoable: false })
      }
      await get().previewRequested('crashReports')
    },
  })
}
