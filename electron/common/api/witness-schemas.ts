import * as z from 'zod'

/** One connection of a Plex process as a short summary (times ISO 8601, UTC). */
export const connectionSummarySchema = z.object({
  process: z.string(),
  /** The remote end's name, or its bare address when nothing names it. */
  host: z.string(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** Null while it is open. */
  closedAt: z.string().nullable(),
  /** Null where the system gives no byte counts. */
  bytesSent: z.number().nullable(),
  bytesReceived: z.number().nullable(),
})

/**
 * The connection witness now: whether it watches, how often, what it cannot see (one line
 * each), the relay's connection and the latest crash-report uploads.
 */
export const witnessStatusSchema = z.object({
  /**
   * `watching`; `off` (the owner's setting); `notLocal` (the server is on another machine: its
   * connections cannot be seen from here); `idle` (no server yet); `unsupported` (this system).
   */
  state: z.enum(['watching', 'off', 'notLocal', 'idle', 'unsupported']),
  intervalSeconds: z.number(),
  /** When the witness began watching this server (null when it is not watching). */
  since: z.string().nullable(),
  /** What the witness cannot see, and what would show it: one line each. */
  notices: z.array(z.string()),
  /** The relay's connection now, or the last one (null: none seen). */
  relay: connectionSummarySchema.nullable(),
  /** The latest crash-report uploads (CrashUploader's connections), newest first. */
  crashUploads: z.array(connectionSummarySchema),
  /** Hush's own outbound calls for names (DNS lookups the owner allowed), one line each. */
  ownCalls: z.array(z.string()),
})

/** One connection as a short summary. */
export type ConnectionSummary = z.infer<typeof connectionSummarySchema>
/** The connection witness now. */
export type WitnessStatus = z.infer<typeof witnessStatusSchema>
