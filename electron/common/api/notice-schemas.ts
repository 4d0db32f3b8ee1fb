import * as z from 'zod'
import type { NoticeKind } from '../notices/notice'

// Every kind once: the Record makes a new kind of notice a compile error here until it is listed.
const kinds: Readonly<Record<NoticeKind, null>> = {
  drift: null,
  timedChangeEnded: null,
  timedChangeFailed: null,
  newDestination: null,
  serverUnreachable: null,
  connectionChanged: null,
  applyInterrupted: null,
  fileRepaired: null,
  settingsRepaired: null,
  noKeychain: null,
  weakKeychain: null,
  changeFailed: null,
}

/** A notice the core keeps until the owner dismisses it (`notices.recent`, `owner.notified`). */
export const keptNoticeSchema = z.object({
  id: z.string(),
  kind: z.enum(Object.keys(kinds) as [NoticeKind, ...NoticeKind[]]),
  title: z.string(),
  body: z.string(),
  /** When it was last given (ISO 8601). */
  at: z.string(),
  /** How many times it was given since it was first kept: a repeat counts, it does not stack. */
  times: z.number().int().min(1),
})

/** A notice the core keeps until the owner dismisses it. */
export type KeptNotice = z.infer<typeof keptNoticeSchema>
