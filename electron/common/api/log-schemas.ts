import { z } from 'zod'
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
  events: z.array(outboundEventSchema),
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
  /** Lines skipped as malformed or too long, and events dropped by the flood cap. */
  skippedLines: z.number(),
  droppedEvents: z.number(),
})

/** An export of the (filtered) log. */
export const logExportSchema = z.object({
  format: z.enum(['csv', 'json', 'ndjson']),
  fileName: z.string(),
  content: z.string(),
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
