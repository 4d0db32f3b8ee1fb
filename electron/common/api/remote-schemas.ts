import * as z from 'zod'

/** A sign-in begun: the page the owner opens to approve it, and the PIN to wait on. No token. */
export const signInStartSchema = z.object({
  pinId: z.number().int(),
  link: z.string().url(),
})

/** Where a sign-in stands: still waiting for the owner, or signed in (the token stays in the core). */
export const signInStateSchema = z.object({ signedIn: z.boolean() })

/** Whether Hush holds a plex.tv account token (never the token itself). */
export const accountStatusSchema = z.object({
  signedIn: z.boolean(),
  /** The account service Hush signs in with (plex.tv, or the demo standing in for it). */
  accountUrl: z.string(),
})

const connectionKindSchema = z.enum(['local', 'remote', 'relay'])

/** One address of a server as plex.tv lists it, and what trying it found. */
export const triedConnectionSchema = z.object({
  uri: z.string(),
  kind: connectionKindSchema,
  secure: z.boolean(),
  outcome: z.enum(['answered', 'skipped', 'failed']),
  /** Why it failed or was skipped; null when it answered. */
  reason: z.string().nullable(),
})

/** One of the owner's servers from plex.tv, the connection Hush chose and why, or why none. */
export const ownerServerSchema = z.object({
  id: z.string(),
  name: z.string(),
  owned: z.boolean(),
  /** The server Hush is using now. */
  active: z.boolean(),
  reachable: z.boolean(),
  connection: z
    .object({ uri: z.string(), kind: connectionKindSchema, secure: z.boolean() })
    .nullable(),
  /** Why this connection was chosen, or why the server is unreachable. */
  reason: z.string(),
  tried: z.array(triedConnectionSchema),
})

/** What one pull of the server's logs did. */
export const logPullSchema = z.object({
  at: z.string(),
  files: z.number(),
  bytes: z.number(),
  inserted: z.number(),
})

/**
 * Where the log screen's events come from: pulled from a server on another machine every N
 * minutes (0: only on demand), read from a Logs folder on this machine, or nowhere yet.
 */
export const logSourceSchema = z.object({
  mode: z.enum(['pulled', 'folder', 'none']),
  serverName: z.string().nullable(),
  /** The folder read: the server's own, or the mirror the pulls fill. */
  logsDir: z.string().nullable(),
  intervalMinutes: z.number().nullable(),
  lastPullAt: z.string().nullable(),
  /** Events the last successful pull stored. */
  lastInserted: z.number().nullable(),
  /** The last pull's failure, in one line; null when it worked. */
  lastError: z.string().nullable(),
  nextPullAt: z.string().nullable(),
})

/** One of the owner's servers from plex.tv. */
export type OwnerServer = z.infer<typeof ownerServerSchema>
/** One address tried. */
export type TriedConnectionView = z.infer<typeof triedConnectionSchema>
/** What one pull did. */
export type LogPull = z.infer<typeof logPullSchema>
/** Where the log's events come from. */
export type LogSource = z.infer<typeof logSourceSchema>
