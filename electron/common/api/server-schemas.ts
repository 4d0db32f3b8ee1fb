import * as z from 'zod'

/** What `hush discover` reports about the local server; never the token itself. */
export const discoveryReportSchema = z.object({
  dataDir: z.string().nullable(),
  preferencesFile: z.string().nullable(),
  machineIdentifier: z.string().nullable(),
  tokenFound: z.boolean(),
  serverUrl: z.string(),
  reachable: z.boolean(),
  friendlyName: z.string().nullable(),
  version: z.string().nullable(),
  /** Why the server could not be reached or checked, when it could not. */
  problem: z.string().nullable(),
  /** Set when the active server runs on another machine: its data folder is there, not here. */
  needsServerFiles: z.string().optional(),
})

/** What `hush discover` reports about the local server; never the token itself. */
export type DiscoveryReport = z.infer<typeof discoveryReportSchema>

/** The identity of a connected server, from `/identity` and `/`. */
export const serverInfoSchema = z.object({
  url: z.string(),
  machineIdentifier: z.string(),
  version: z.string(),
  friendlyName: z.string(),
  claimed: z.boolean(),
  platform: z.string().nullable(),
})

/** The identity of a connected server, from `/identity` and `/`. */
export type ServerInfo = z.infer<typeof serverInfoSchema>

/** A server Hush connected to, with its data folder when Hush can read it (Logs/, Crash Reports/). */
export const connectedServerSchema = serverInfoSchema.extend({ dataDir: z.string().nullable() })

/** A server Hush connected to, with its data folder when Hush can read it. */
export type ConnectedServer = z.infer<typeof connectedServerSchema>
