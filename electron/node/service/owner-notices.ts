import { randomUUID } from 'node:crypto'
import * as z from 'zod'
import type { ApiEvents } from '../../common/api/contract'
import { keptNoticeSchema, type KeptNotice } from '../../common/api/notice-schemas'
import type { Language } from '../../common/i18n/localized-text'
import type { Notice } from '../../common/notices/notice'
import { showNotice } from '../../common/notices/notice-texts'
import type { EventHub } from '../../common/util/event-hub'
import { readJsonFile, writeJsonFile } from '../files/json-file'
import type { Notifier } from './ports'

/** Tells the owner one thing (see common/notices). */
export type NotifyOwner = (notice: Notice) => void

/** The core's notices: the one way to tell the owner, and those kept until dismissed. */
export interface OwnerNotices {
  readonly notify: NotifyOwner
  /** Kept notices, newest first. */
  readonly recent: () => KeptNotice[]
  /** Forgets a notice (the owner dismissed it in some face); answers those still kept. */
  readonly dismiss: (id: string) => KeptNotice[]
  /** Resolves once the kept notices are written (before the core closes). */
  readonly flush: () => Promise<void>
}

/**
 * How many notices the core keeps: a browser opened on `hush serve` a day later still finds what
 * happened meanwhile (a new destination at night), without a list that grows for ever.
 */
export const keptNoticesMax = 20

/** What the owner notices are made with. */
export interface OwnerNoticesDeps {
  readonly notifier?: Notifier
  readonly events: EventHub<ApiEvents>
  readonly language: () => Language
  /**
   * Where the kept notices outlive the process (`notices.json` of a resident core, so that a
   * `hush serve` restarted overnight still shows them); absent: kept in memory only.
   */
  readonly file?: string
  /** Told when the file could not be written (the notices stay kept in memory). */
  readonly onError?: (error: unknown) => void
}

/**
 * The one way the core tells the owner something: said once in the owner's language, handed to
 * the host's notifier (a desktop notification, a CLI line), kept until dismissed and pushed as
 * `owner.notified` to every face that listens (the dashboard's event stream). The same notice
 * again is counted on the kept one rather than kept twice.
 */
export async function createOwnerNotices(deps: OwnerNoticesDeps): Promise<OwnerNotices> {
  const file = deps.file
  // An unreadable file is moved aside by readJsonFile: the notices start afresh, nothing lost.
  let kept: KeptNotice[] =
    file === undefined
      ? []
      : (await readJsonFile(file, z.array(keptNoticeSchema), [])).value.slice(0, keptNoticesMax)
  // One write at a time, in order: the file always ends as the last list.
  let writing: Promise<void> = Promise.resolve()
  const save = () => {
    if (file !== undefined) {
      const list = kept
      writing = writing.then(() => writeJsonFile(file, list)).catch(deps.onError)
    }
  }
  return {
    notify: notice => {
      const shown = showNotice(notice, deps.language())
      deps.notifier?.notify(shown)
      const same = kept.find(k => k.kind === shown.kind && k.body === shown.body)
      const now: KeptNotice = {
        ...shown,
        id: same?.id ?? randomUUID(),
        at: new Date().toISOString(),
        times: (same?.times ?? 0) + 1,
      }
      kept = [now, ...kept.filter(k => k !== same)].slice(0, keptNoticesMax)
      save()
      deps.events.emit('owner.notified', now)
    },
    recent: () => [...kept],
    dismiss: id => {
      kept = kept.filter(k => k.id !== id)
      save()
      return [...kept]
    },
    flush: () => writing,
  }
}
