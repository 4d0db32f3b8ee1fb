import * as z from 'zod'
import { keptNoticeSchema, type KeptNotice } from './notice-schemas'
import type { apiEventNames } from './contract-names'
import { resultSchema, type AppError } from './errors'
import type { Result } from '../util/result'
import {
  evidenceSummarySchema,
  logExportQuerySchema,
  logExportSchema,
  logFilterSchema,
  logImportQuerySchema,
  logImportSchema,
  logPageQuerySchema,
  logPageSchema,
  logStatsSchema,
  storedEventSchema,
  tailStatusSchema,
} from './log-schemas'
import { witnessStatusSchema } from './witness-schemas'
import {
  accountPreviewSchema,
  crashReportsPreviewSchema,
  matchingPreviewSchema,
  remoteAccessPreviewSchema,
} from './preview-schemas'
import { verifyReportSchema } from './verify-schemas'
import {
  accountStatusSchema,
  logPullSchema,
  logSourceSchema,
  ownerServerSchema,
  signInStartSchema,
  signInStateSchema,
} from './remote-schemas'
import { connectedServerSchema, discoveryReportSchema, serverInfoSchema } from './server-schemas'
import { appSettingsPatchSchema, appSettingsSchema, knownServerSchema } from './settings-schemas'
import {
  applyReportSchema,
  planSchema,
  profileIdSchema,
  switchboardSchema,
  type ApplyReport,
} from './switch-schemas'
import type { driftCauseSchema } from './watch-schemas'
import { driftReportSchema, overridesReportSchema, type DriftReport } from './watch-schemas'

const none = z.object({})
const onOff = z.enum(['on', 'off'])

/**
 * The one contract between the core and its faces (window, tray, CLI, web mode).
 *
 * Keys are `namespace.verb`; each method takes one object and returns a promise. The zod schemas
 * validate input at every trust boundary (IPC, HTTP). Expected failures are values (`Result`).
 */
export const apiMethods = {
  'server.discover': {
    input: z.object({ dataDir: z.string().optional() }),
    output: resultSchema(discoveryReportSchema),
  },
  'server.check': { input: none, output: resultSchema(serverInfoSchema) },
  'server.list': { input: none, output: z.array(knownServerSchema) },
  'server.connect': {
    input: z.object({ url: z.string().url(), token: z.string().min(1).max(200) }),
    output: resultSchema(serverInfoSchema),
  },
  /**
   * The server the host names (its environment: HUSH_SERVER, HUSH_TOKEN; the CLI: its options),
   * else the one on this machine, with the token from its preferences. With `remember: false` it
   * is used until the core stops and not kept in the list of servers (the CLI: one command).
   */
  'server.connectLocal': {
    input: z.object({ dataDir: z.string().optional(), remember: z.boolean().default(true) }),
    output: resultSchema(connectedServerSchema),
  },
  'server.connectDemo': { input: none, output: resultSchema(serverInfoSchema) },
  'server.select': {
    input: z.object({ id: z.string().min(1) }),
    output: resultSchema(serverInfoSchema),
  },

  'switches.status': { input: none, output: resultSchema(switchboardSchema) },
  'switches.planProfile': {
    input: z.object({ profile: profileIdSchema }),
    output: resultSchema(planSchema),
  },
  'switches.planSet': {
    input: z.object({ switchId: z.string(), value: onOff }),
    output: resultSchema(planSchema),
  },
  'switches.apply': {
    input: z.object({ plan: planSchema, force: z.boolean().default(false) }),
    output: resultSchema(applyReportSchema),
  },
  'switches.set': {
    input: z.object({
      switchId: z.string(),
      value: onOff,
      /** A timed exception: revert after this many seconds. */
      forSeconds: z.number().int().positive().optional(),
      force: z.boolean().default(false),
      /** The plan `switches.planSet` showed: applied as it is (its `readAt` guards it). */
      plan: planSchema.optional(),
    }),
    output: resultSchema(applyReportSchema),
  },
  'switches.undo': {
    input: z.object({ force: z.boolean().default(false) }),
    output: resultSchema(applyReportSchema),
  },

  'log.page': { input: logPageQuerySchema, output: logPageSchema },
  'log.count': { input: logFilterSchema, output: z.object({ total: z.number() }) },
  'log.stats': { input: logFilterSchema, output: logStatsSchema },
  'log.event': {
    input: z.object({ id: z.number().int() }),
    output: storedEventSchema.nullable(),
  },
  'log.export': { input: logExportQuerySchema, output: logExportSchema },
  /** Stores the outbound exchanges of log files, resumably (a Logs folder: oldest first). */
  'log.import': { input: logImportQuerySchema, output: resultSchema(logImportSchema) },
  'log.tailStatus': { input: none, output: tailStatusSchema },
  'log.evidence': { input: none, output: evidenceSummarySchema },
  /** The connection witness now: watching or why not, the relay, the latest crash uploads. */
  'log.witness': { input: none, output: witnessStatusSchema },

  'preview.matching': {
    input: z.object({
      libraryId: z.string().optional(),
      itemLimit: z.number().int().max(1000).optional(),
    }),
    output: resultSchema(matchingPreviewSchema),
  },
  'preview.remoteAccess': { input: none, output: resultSchema(remoteAccessPreviewSchema) },
  'preview.crashReports': { input: none, output: resultSchema(crashReportsPreviewSchema) },
  'preview.deleteCrashDumps': {
    input: z.object({ paths: z.array(z.string()).max(1000) }),
    output: resultSchema(
      z.object({
        deleted: z.array(z.string()),
        /** Set when the server runs on another machine: deleting its dumps needs its files. */
        needsServerFiles: z.string().optional(),
      }),
    ),
  },
  'preview.account': { input: none, output: resultSchema(accountPreviewSchema) },

  'verify.run': { input: none, output: resultSchema(verifyReportSchema) },
  'verify.report': {
    input: z.object({
      format: z.enum(['markdown', 'html']),
      /** Keep titles, file paths and addresses; by default they are masked for sharing. */
      unmasked: z.boolean().optional(),
    }),
    output: resultSchema(
      z.object({ fileName: z.string(), content: z.string(), sha256: z.string() }),
    ),
  },

  /** The live switches compared once with the owner's profile and later choices. */
  'watch.drift': { input: none, output: resultSchema(driftReportSchema) },
  /** Every value that differs from Plex's default, who set it and since when. */
  'watch.overrides': { input: none, output: resultSchema(overridesReportSchema) },

  /** Sign in with Plex: a PIN the owner approves at the link (opened in their browser). */
  'account.signIn': { input: none, output: resultSchema(signInStartSchema) },
  /** Waits up to `waitMs` for the owner's approval; the token stays in the core. */
  'account.signInWait': {
    input: z.object({
      pinId: z.number().int(),
      waitMs: z.number().int().min(0).max(60_000).default(20_000),
    }),
    output: resultSchema(signInStateSchema),
  },
  /** Forgets the plex.tv account token. */
  'account.signOut': { input: none, output: accountStatusSchema },
  'account.status': { input: none, output: accountStatusSchema },

  /** The owner's servers from plex.tv, each with the connection Hush chose and why. */
  'remote.servers': { input: none, output: resultSchema(z.array(ownerServerSchema)) },
  /** Makes one of the owner's servers the active one (by its id or name). */
  'remote.use': {
    input: z.object({ server: z.string().min(1).max(200) }),
    output: resultSchema(serverInfoSchema),
  },
  /** Pulls the active remote server's logs now and stores what is new. */
  'remote.pull': { input: none, output: resultSchema(logPullSchema) },
  /** Where the log's events come from, the last pull and the next. */
  'remote.logSource': { input: none, output: logSourceSchema },

  /** What Hush told the owner of its own accord and they have not dismissed, newest first. */
  'notices.recent': { input: none, output: z.array(keptNoticeSchema) },
  /** Dismisses a notice in every face; answers the notices still kept. */
  'notices.dismiss': {
    input: z.object({ id: z.string().min(1).max(100) }),
    output: z.array(keptNoticeSchema),
  },

  'settings.get': { input: none, output: appSettingsSchema },
  'settings.update': { input: appSettingsPatchSchema, output: appSettingsSchema },
} as const

/** A method name of the contract. */
export type ApiMethod = keyof typeof apiMethods

/** The input a method takes, before parsing. */
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiMethods)[M]['input']>

/** The input a method receives, after parsing (defaults filled in). */
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof apiMethods)[M]['input']>

/** The output a method returns. */
export type ApiOutput<M extends ApiMethod> = z.output<(typeof apiMethods)[M]['output']>

/** What the core implements: one handler per method; it receives parsed input. */
export type PrivacyApi = {
  [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>>
}

/** Push events, core → faces. Past-tense names: something happened. */
export interface ApiEvents extends Record<(typeof apiEventNames)[number], unknown> {
  'server.checked': { readonly reachable: boolean; readonly message: string | null }
  'switches.changed': {
    readonly reason: 'apply' | 'set' | 'undo' | 'revert' | 'drift'
    /** What the change did, when the core made it by itself (a revert, enforcement). */
    readonly report?: ApplyReport
  }
  'log.recorded': { readonly count: number; readonly newest: string | null }
  'destination.discovered': { readonly host: string; readonly category: string }
  'drift.detected': {
    readonly changes: readonly {
      switchId: string
      before: string
      after: string
      why: z.infer<typeof driftCauseSchema>
    }[]
    /** Whether enforcement put the switches back (false when it is off or failed). */
    readonly enforced: boolean
    /** The whole drift report, as `watch.drift` answers it. */
    readonly report: DriftReport
    /** What enforcement did (null: it was off; a null value: nothing to put back). */
    readonly enforcement: Result<ApplyReport | null, AppError> | null
  }
  'settings.changed': z.infer<typeof appSettingsSchema>
  /** The core told the owner something (a desktop notification; see common/notices). */
  'owner.notified': KeptNotice
  /** A pull of a remote server's logs ended (on demand or on the schedule), well or not. */
  'remote.pulled': { readonly serverId: string; readonly ok: boolean }
}

/** A push event name. */
export type ApiEvent = keyof ApiEvents

/** What every face holds, whatever the transport. */
export interface PrivacyBridge {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
}

export { apiEventNames, apiMethodNames } from './contract-names'
