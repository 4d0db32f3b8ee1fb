import * as z from 'zod'
import { languages } from '../i18n/localized-text'

/** The owner's preferences for Hush itself; the core owns them, the faces mirror them. */
export const appSettingsSchema = z.object({
  language: z.enum(languages),
  theme: z.enum(['system', 'light', 'dark']),
  highContrast: z.boolean(),
  colourBlindSafe: z.boolean(),
  /** Days of outbound events kept; older ones are deleted. */
  retentionDays: z.number().int().min(1).max(3650),
  /** 0 everything, 1 no query strings, 2 hosts only, 3 counts only. */
  privacyLevel: z.number().int().min(0).max(3),
  /** Start Hush (in the tray) when the owner logs in; the desktop app only. */
  startAtLogin: z.boolean(),
  /** Re-apply the owner's choices when the drift watch finds a switch changed behind their back. */
  enforce: z.boolean(),
  /** How often the drift watch reads the server's settings when it gets no notifications. */
  driftPollSeconds: z.number().int().min(5).max(86_400),
  /** Minutes between pulls of a remote server's logs; 0 pulls only on demand. */
  logPullMinutes: z.number().int().min(0).max(1440),
  /** Watch the connections of the Plex processes while Hush is connected to a server on this machine. */
  witnessEnabled: z.boolean(),
  /** Seconds between two samples of those connections: one shorter than this can be missed. */
  witnessIntervalSeconds: z.number().int().min(1).max(60),
  /** Hush looks up the Plex hosts in the DNS to name connections (one of Hush's own outbound calls). */
  resolvePlexHosts: z.boolean(),
})

/** A partial update of the settings. */
export const appSettingsPatchSchema = appSettingsSchema.partial()

/** The settings a fresh install starts with. */
export const defaultAppSettings: AppSettings = {
  language: 'en',
  theme: 'system',
  highContrast: false,
  colourBlindSafe: false,
  retentionDays: 90,
  privacyLevel: 1,
  startAtLogin: false,
  enforce: false,
  driftPollSeconds: 60,
  logPullMinutes: 5,
  witnessEnabled: true,
  witnessIntervalSeconds: 2,
  resolvePlexHosts: false,
}

/** A server Hush knows (the token stays in the core and is never part of this). */
export const knownServerSchema = z.object({
  id: z.string(),
  url: z.string(),
  name: z.string(),
  active: z.boolean(),
  demo: z.boolean(),
  /** The server Hush used last, which it connects to again when it starts. */
  last: z.boolean(),
  /** A server on another machine, picked through plex.tv, whose logs Hush pulls. */
  remote: z.boolean(),
})

/** The owner's preferences for Hush itself. */
export type AppSettings = z.infer<typeof appSettingsSchema>
/** A server Hush knows. */
export type KnownServer = z.infer<typeof knownServerSchema>
