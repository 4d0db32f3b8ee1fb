import * as z from 'zod'
import { backgroundFlowIds } from '../evidence/background-flows'
import { outboundEventSchema } from './log-schemas'
import { connectionSummarySchema } from './witness-schemas'

/**
 * What the server's log says of a switch that is off:
 * - `verified`: an hour or more of debug log since it went off, and none of its requests;
 * - `leaking`: requests that only this switch could have stopped were sent while it was off;
 * - `ambiguous`: requests were sent that one of several switches, all off, should have stopped;
 * - `no-evidence`: the log cannot settle it (`reason` says why);
 * - `not-visible`: this flow never shows in the server's log (`reason` says where it goes).
 */
export const verdictSchema = z.enum([
  'verified',
  'leaking',
  'ambiguous',
  'no-evidence',
  'not-visible',
])

/** Why a verdict is `no-evidence` or `not-visible`. */
export const verdictReasonSchema = z.enum([
  // no-evidence
  'no-log',
  'debug-off',
  'too-short',
  'state-unknown',
  'off-time-unknown',
  'unknown-shape',
  'indistinguishable',
  'webhooks-unknown',
  // not-visible
  'lan',
  'router',
  'account',
  'stays-on-server',
  'separate-process',
  'never-logged',
  'inbound',
])

/** How Hush knows since when a switch is off. */
export const offBasisSchema = z.enum([
  /** The server logged the request that turned it off. */
  'server-log',
  /** Hush read it off (or turned it off), and the log shows no change since. */
  'hush',
])

/** The two witnesses a verdict can rest on: the server's log, and the connections Hush saw. */
export const witnessNameSchema = z.enum(['log', 'connections'])

/**
 * What the connection witness says of one switch whose flow is a process's connection (the
 * relay, the crash uploader), on Hush's clock: since when it watched while the switch was off,
 * and the connections of that process it saw in that time.
 */
export const connectionFindingSchema = z.object({
  /** The process whose connections are this switch's flow (`Plex Relay`, `CrashUploader`). */
  process: z.string(),
  /**
   * `history`: what the witness stored while it watched; `now`: one look at verification time (no
   * witness ran before), which can only tell whether a connection is open now.
   */
  scope: z.enum(['history', 'now']),
  /** Since when the witness watched while the switch was off (Hush's clock). */
  since: z.string(),
  coveredMinutes: z.number(),
  /** Connections of the process seen while the switch was off (the first few), and how many. */
  connections: z.array(connectionSummarySchema),
  count: z.number(),
  /** The last connection before the switch went off, if the witness saw one. */
  lastBefore: connectionSummarySchema.nullable(),
})

/** Both witnesses of one verdict: what it rests on, and where they disagree. */
export const witnessesSchema = z.object({
  /** The witnesses the verdict rests on (empty: neither could see the flow). */
  restsOn: z.array(witnessNameSchema),
  /** Null when no Plex process's connection is this switch's flow, or Hush could not watch. */
  connections: connectionFindingSchema.nullable(),
  /**
   * A finding of its own: `connection-while-off` (the log shows nothing, the system showed a
   * connection), `log-without-connection` (the log shows a request, the witness watched and saw
   * no connection of its process).
   */
  disagreement: z.enum(['connection-while-off', 'log-without-connection']).nullable(),
})

/** The evidence for one switch that is off. */
export const verificationSchema = z.object({
  switchId: z.string(),
  verdict: verdictSchema,
  reason: verdictReasonSchema.nullable(),
  /** Since when it has been off without a break, on the server's log clock. */
  offSince: z.string().nullable(),
  offBasis: offBasisSchema.nullable(),
  /** Minutes of debug log since `offSince` (time with debug logging off left out). */
  coveredMinutes: z.number().nullable(),
  /** The last request of its kind before `offSince`, if the log holds one. */
  lastBefore: outboundEventSchema.nullable(),
  /** How many requests of its kind the log holds from before `offSince`. */
  countBefore: z.number(),
  /** Requests sent while it was off that it alone should have stopped (the first ones). */
  leaks: z.array(outboundEventSchema),
  leakCount: z.number(),
  /** Requests sent while it was off that it or another switch that was off should have stopped. */
  ambiguous: z.array(outboundEventSchema),
  ambiguousCount: z.number(),
  /** The switches that could have sent the ambiguous requests (this one included). */
  candidates: z.array(z.string()),
  /** For `indistinguishable`: the switches whose requests look the same. */
  alike: z.array(z.string()),
  /** One sentence in English (for the command line and JSON readers). */
  note: z.string(),
  /** Both witnesses (absent in reports of Hush versions without the connection witness). */
  witnesses: witnessesSchema.optional(),
})

/** Traffic no switch stops, counted in the log. */
export const backgroundSummarySchema = z.object({
  flowId: z.enum(backgroundFlowIds),
  count: z.number(),
  latest: outboundEventSchema.nullable(),
})

/** The verification of every switch that is off, with what it was judged on. */
export const verifyReportSchema = z.object({
  generatedAt: z.string(),
  hushVersion: z.string(),
  debugLogging: z.boolean().nullable(),
  server: z.object({ name: z.string(), machineIdentifier: z.string(), version: z.string() }),
  log: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    files: z.number(),
    /** Whether every line's time zone was known from a start-up banner. */
    zoneKnown: z.boolean(),
  }),
  /**
   * The three clocks: the server's log clock (every comparison uses it), the server's own clock (its
   * `Date` header) and Hush's, with the measured offset of the server's to Hush's.
   */
  clock: z.object({
    hushNow: z.string(),
    serverNow: z.string().nullable(),
    /** Server clock minus Hush's clock, in ms; null when the server said no time. */
    offsetMs: z.number().nullable(),
  }),
  results: z.array(verificationSchema),
  background: z.array(backgroundSummarySchema),
  /** How the connection witness looked (null: it could not, e.g. a server on another machine). */
  connectionWitness: z
    .object({
      scope: z.enum(['history', 'now']),
      since: z.string(),
      intervalSeconds: z.number(),
      notices: z.array(z.string()),
    })
    .nullable()
    .optional(),
  /** Upstream requests that are neither a switch's nor known background traffic. */
  other: z.object({ count: z.number(), hosts: z.array(z.string()) }),
})

/** What the connection witness says of one switch. */
export type ConnectionFinding = z.infer<typeof connectionFindingSchema>
/** Both witnesses of one verdict. */
export type Witnesses = z.infer<typeof witnessesSchema>
/** One verdict. */
export type Verdict = z.infer<typeof verdictSchema>
/** Why a verdict has no evidence, or why the flow is not visible. */
export type VerdictReason = z.infer<typeof verdictReasonSchema>
/** The evidence for one switch. */
export type Verification = z.infer<typeof verificationSchema>
/** The verification report. */
export type VerifyReport = z.infer<typeof verifyReportSchema>
/** Background traffic counted in the log. */
export type BackgroundSummary = z.infer<typeof backgroundSummarySchema>
