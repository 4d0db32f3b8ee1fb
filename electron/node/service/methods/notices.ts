import type { PrivacyApi } from '../../../common/api/contract'
import type { OwnerNotices } from '../owner-notices'

type NoticeMethods = Pick<PrivacyApi, 'notices.recent' | 'notices.dismiss'>

/** The `notices.*` methods: what Hush told the owner and they have not dismissed yet. */
export function createNoticeMethods(notices: OwnerNotices): NoticeMethods {
  return {
    'notices.recent': () => Promise.resolve(notices.recent()),
    'notices.dismiss': ({ id }) => Promise.resolve(notices.dismiss(id)),
  }
}
