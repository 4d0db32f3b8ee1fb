import * as z from 'zod'
import { backgroundFlowIds } from '../evidence/background-flows'
import { outboundCategories } from '../outbound/categories'
import { isFilterTime } from '../outbound/filter-time'

/** One outbound category. */
export const outboundCategorySchema = z.enum(outboundCategories)

/** One outbound HTTP exchange, redacted (docs/architecture.md §4). */
export const outboundEventSchema = z.object({
  id: z.number(),
  time: z.string(),
  method: z.string(),
  url: z.string(),
  host: z.string(),
  upstream: z.boolean(),
  status: z.number().nullable(),
  error: z.string().nullable(),
  service: z.string(),
  category: outboundCategorySchema,
  policyItem: z.string().nullable(),
  source: z.object({ file: z.string(), line: z.number() }),
})

/** The two witnesses: the server's debug log, and the connections the operating system shows. */
export const witnesses = ['log', 'network'] as const

/** Which witness saw an event. */
export const witnessSchema = z.enum(witnesses)

/** A connection of a Plex process as the connection witness last saw it (times ISO 8601, UTC). */
export const storedConnectionSchema = z.object({
  /** The process, as Plex names it (`Plex Relay`, `CrashUploader`). */
  process: z.string(),
  pid: z.number().nullable(),
  protocol: z.enum(['tcp', 'udp']),
  /** Empty (and the port 0) at the privacy level "counts only". */
  remoteAddress: z.string(),
  remotePort: z.number(),
  state: z.string(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** Null while the connection is open. */
  closedAt: z.string().nullable(),
  /** Null where the system gives no byte counts (Windows, or without `ss`). */
  bytesSent: z.number().nullable(),
  bytesReceived: z.number().nullable(),
})

/** An outbound exchange as the store keeps it: with whether its time has a zone. */
export const storedEventSchema = outboundEventSchema.extend({
  /** The time has no zone: the log had no start-up banner to read its offset from. */
  localTime: z.boolean(),
  /** `network`: a connection the operating system showed (`source` is then empty). */
  witness: witnessSchema,
  connection: storedConnectionSchema.optional(),
})

/** A filter time: an ISO 8601 date or time (`2025-08-04`, `2025-08-04T20:03Z`). */
const filterTimeSchema = z.string().max(64).refine(isFilterTime, {
  message: 'takes an ISO 8601 date or time, such as 2025-08-04 or 2025-08-04T20:03Z',
})

/** A filter over the outbound log. */
export const logFilterSchema = z.object({
  category: outboundCategorySchema.optional(),
  host: z.string().optional(),
  since: filterTimeSchema.optional(),
  until: filterTimeSchema.optional(),
  search: z.string().max(200).optional(),
  upstreamOnly: z.boolean().optional(),
  /** Only the events of one witness. */
  witness: witnessSchema.optional(),
})

/** A page request: newest first, `before` is the id cursor of the last row of the previous page. */
export const logPageQuerySchema = logFilterSchema.extend({
  limit: z.number().int().min(1).max(500).default(200),
  before: z.number().int().optional(),
  /** Skip this many rows from the newest (for a virtualized table that jumps). */
  offset: z.number().int().min(0).optional(),
})

/** One page of events. */
export const logPageSchema = z.object({
  events: z.array(storedEventSchema),
  /** The cursor for the next (older) page, or null at the end. */
  nextBefore: z.number().nullable(),
})

/** Counts over the (filtered) log. */
export const logStatsSchema = z.object({
  total: z.number(),
  byCategory: z.array(z.object({ category: outboundCategorySchema, count: z.number() })),
  byHost: z.array(
    z.object({ host: z.string(), category: outboundCategorySchema, count: z.number() }),
  ),
  /** Per category per day (YYYY-MM-DD). */
  byDay: z.array(
    z.object({ day: z.string(), category: outboundCategorySchema, count: z.number() }),
  ),
  /** Per witness per day (YYYY-MM-DD), for a chart of both witnesses. */
  byWitnessDay: z
    .array(z.object({ day: z.string(), witness: witnessSchema, count: z.number() }))
    .optional(),
  /** Lines skipped as malformed or too long, and events dropped by the flood cap. */
  skippedLines: z.number(),
  droppedEvents: z.number(),
})

/** What `log.export` is asked: a format, a filter, and optionally one part of the export. */
export const logExportQuerySchema = z.object({
  format: z.enum(['csv', 'json', 'ndjson']),
  filter: logFilterSchema,
  /** Continue after this event id (the `next` of the previous part). */
  after: z.number().int().optional(),
  /** At most this many events in this part; absent: the whole export at once. */
  limit: z.number().int().min(1).max(10_000).optional(),
})

/**
 * An export of the (filtered) log, or one part of it: the first part holds the CSV header or the
 * opening bracket, the last (`next` null) the closing one, so the parts joined are the whole.
 */
export const logExportSchema = z.object({
  format: z.enum(['csv', 'json', 'ndjson']),
  fileName: z.string(),
  content: z.string(),
  /** Events in this part. */
  count: z.number(),
  /** The `after` of the next part, or null when this part is the last. */
  next: z.number().nullable(),
})

/** What `log.import` is asked: log files or Logs folders (oldest first), and how much to keep. */
export const logImportQuerySchema = z.object({
  paths: z.array(z.string().min(1)).min(1).max(1000),
  /** Overrides the owner's privacy level for this import. */
  privacyLevel: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
})

/** What an import stored, and what it skipped. */
export const logImportSchema = z.object({
  files: z.number(),
  inserted: z.number(),
  answered: z.number(),
  duplicates: z.number(),
  dropped: z.number(),
  skipped: z.object({
    malformed: z.number(),
    tooLong: z.number(),
    invalidUtf8: z.number(),
    notLogLine: z.number(),
  }),
})

/** The state of live collection from the server's Logs folder. */
export const tailStatusSchema = z.object({
  state: z.enum(['idle', 'following', 'logMissing', 'stopped']),
  logsDir: z.string().nullable(),
  lastEventAt: z.string().nullable(),
  debugLogging: z.boolean().nullable(),
})

/** One outbound HTTP exchange, redacted. */
export type OutboundEventView = z.infer<typeof outboundEventSchema>
/** One outbound HTTP exchange as the store keeps it. */
export type StoredEventView = z.infer<typeof storedEventSchema>
/** Which witness saw an event. */
export type Witness = z.infer<typeof witnessSchema>
/** A connection of a Plex process as the connection witness last saw it. */
export type StoredConnection = z.infer<typeof storedConnectionSchema>
/** A filter over the outbound log. */
export type LogFilter = z.infer<typeof logFilterSchema>
/** A page request over the outbound log. */
export type LogPageQuery = z.input<typeof logPageQuerySchema>
/** One page of events. */
export type LogPage = z.infer<typeof logPageSchema>
/** Counts over the log. */
export type LogStats = z.infer<typeof logStatsSchema>

/**
 * What the stored log holds of each switch's own requests (by signature) and of each kind of
 * background traffic: how many, and the newest.
 */
export const evidenceSummarySchema = z.object({
  switches: z.array(
    z.object({ switchId: z.string(), count: z.number(), latest: outboundEventSchema.nullable() }),
  ),
  background: z.array(
    z.object({
      flowId: z.enum(backgroundFlowIds),
      count: z.number(),
      latest: outboundEventSchema.nullable(),
    }),
  ),
})

/** What the stored log holds of each switch's requests and each background flow. */
export type EvidenceSummary = z.infer<typeof evidenceSummarySchema>
