import * as z from 'zod'

/** One item of a library and the hints a metadata refresh would send for it. */
export const matchingItemSchema = z.object({
  title: z.string(),
  year: z.number().nullable(),
  guid: z.string().nullable(),
  filePath: z.string().nullable(),
  /** Exactly the fields a refresh sends, by name. */
  hints: z.record(z.string(), z.string()),
})

/** What a metadata refresh of one library would send, and where. */
export const matchingLibrarySchema = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string(),
  agent: z.string(),
  agentName: z.string().nullable(),
  contactsInternet: z.boolean(),
  itemCount: z.number(),
  host: z.string().nullable(),
  requestShape: z.string().nullable(),
  items: z.array(matchingItemSchema),
})

/** The metadata-matching preview. Nothing is sent to build it. */
export const matchingPreviewSchema = z.object({
  libraries: z.array(matchingLibrarySchema),
  /** What this server version does not let Hush know. */
  unknowns: z.array(z.string()),
})

/** The remote-access preview: what the server publishes about itself and how it is reached. */
export const remoteAccessPreviewSchema = z.object({
  remoteAccess: z.enum(['on', 'off', 'unavailable']),
  mappingState: z.string().nullable(),
  mappingError: z.string().nullable(),
  /** The mapping state and error in plain words. */
  mappingSummary: z.string(),
  publicAddress: z.string().nullable(),
  publicPort: z.number().nullable(),
  relayEnabled: z.boolean().nullable(),
  /** Whether a relay connection is in use, from plex.tv resources; null when plex.tv cannot be asked. */
  relayInUse: z.boolean().nullable(),
  customUrls: z.array(z.string()),
  certificateDomain: z.string().nullable(),
  /** LAN and public addresses the server registered with plex.tv, from settings and the outbound log. */
  publishedAddresses: z.array(z.string()),
  unknowns: z.array(z.string()),
})

/** One crash dump in the server's Crash Reports folder. */
export const crashDumpSchema = z.object({
  version: z.string(),
  path: z.string(),
  sizeBytes: z.number(),
  modifiedAt: z.string(),
  status: z.enum(['pending', 'uploaded']),
})

/** What one argument of the CrashUploader job tells Sentry (reference §3.4, §9.2). */
export const crashUploadArgumentSchema = z.object({
  /** As on the job's command line, e.g. `--userId`. */
  name: z.string(),
  /** Its value on this server (an e-mail address masked), or null when only the upload knows it. */
  value: z.string().nullable(),
  meaning: z.enum([
    'serverId',
    'accountEmail',
    'noUser',
    'version',
    'platform',
    'device',
    'session',
    'destination',
    'retries',
  ]),
})

/** The crash-reports preview. */
export const crashReportsPreviewSchema = z.object({
  uploadEnabled: z.boolean().nullable(),
  /** What each upload's command line tells Sentry, from this server's own values. */
  uploadArguments: z.array(crashUploadArgumentSchema),
  dumps: z.array(crashDumpSchema),
  /** What a dump and its upload carry, in plain words. */
  contents: z.array(z.string()),
  unknowns: z.array(z.string()),
  /** Set when the server runs on another machine: listing its dumps needs its files. */
  needsServerFiles: z.string().optional(),
})

/** One account-level setting as read from plex.tv. */
export const accountSettingSchema = z.object({
  switchId: z.string(),
  label: z.string(),
  value: z.string().nullable(),
})

/** The account preview: opt-outs and online media sources, or why they cannot be checked. */
export const accountPreviewSchema = z.object({
  reachable: z.boolean(),
  reason: z.string().nullable(),
  settings: z.array(accountSettingSchema),
  caveats: z.array(z.string()),
})

/** The matching preview. */
export type MatchingPreview = z.infer<typeof matchingPreviewSchema>
/** The remote-access preview. */
export type RemoteAccessPreview = z.infer<typeof remoteAccessPreviewSchema>
/** The crash-reports preview. */
export type CrashReportsPreview = z.infer<typeof crashReportsPreviewSchema>
/** The account preview. */
export type AccountPreview = z.infer<typeof accountPreviewSchema>
/** One library of the matching preview. */
export type MatchingLibrary = z.infer<typeof matchingLibrarySchema>
/** One argument of a crash upload. */
export type CrashUploadArgument = z.infer<typeof crashUploadArgumentSchema>
/** One crash dump. */
export type CrashDump = z.infer<typeof crashDumpSchema>
