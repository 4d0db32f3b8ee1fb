import * as z from 'zod'
import { profileIdSchema, settingValueSchema, switchStateSchema } from './switch-schemas'

/** One change Hush made on a server, as its audit trail keeps it. */
export const auditEntryViewSchema = z.object({
  at: z.string(),
  command: z.string(),
  switchId: z.string(),
  target: z.string(),
  before: settingValueSchema.nullable(),
  after: settingValueSchema.nullable(),
  outcome: z.enum(['applied', 'failed', 'rolled-back', 'rollback-failed']),
  detail: z.string().nullable(),
})

/** Why a switch no longer is what the owner chose. */
export const driftCauseSchema = z.enum(['server-update', 'someone-else', 'unknown'])

/** One switch that drifted: the owner wanted `before`, the server now says `after`. */
export const driftChangeSchema = z.object({
  switchId: z.string(),
  /** What the owner chose: `on` or `off`. */
  before: z.enum(['on', 'off']),
  /** The live state now. */
  after: switchStateSchema,
  why: driftCauseSchema,
  /** The raw targets of the switch as read now. */
  targets: z.array(z.object({ key: z.string(), value: settingValueSchema.nullable() })),
})

/** The live state compared with what the owner chose (the last profile, then later `set`s). */
export const driftReportSchema = z.object({
  serverId: z.string(),
  serverVersion: z.string(),
  /** The server version Hush saw before, when it differs from the one now (an update). */
  previousVersion: z.string().nullable(),
  profile: profileIdSchema.nullable(),
  /** How many switches have a choice of the owner's to compare with. */
  watched: z.number(),
  changes: z.array(driftChangeSchema),
  checkedAt: z.string(),
})

/** One value that differs from Plex's default, with who set it and since when. */
export const overrideSchema = z.object({
  switchId: z.string(),
  target: z.string(),
  label: z.string(),
  value: settingValueSchema.nullable(),
  defaultValue: settingValueSchema.nullable(),
  /** `hush` when Hush's audit trail wrote this value last, else `someone-else`. */
  by: z.enum(['hush', 'someone-else']),
  /** When Hush set it (from the audit trail); null when someone else did. */
  since: z.string().nullable(),
  /** The audit entries behind this target, oldest first. */
  audit: z.array(auditEntryViewSchema),
})

/** Every override of one server. */
export const overridesReportSchema = z.object({
  serverId: z.string(),
  overrides: z.array(overrideSchema),
  readAt: z.string(),
})

/** The drift report. */
export type DriftReport = z.infer<typeof driftReportSchema>
/** One switch that drifted. */
export type DriftChange = z.infer<typeof driftChangeSchema>
/** Why a switch drifted. */
export type DriftCause = z.infer<typeof driftCauseSchema>
/** One override. */
export type Override = z.infer<typeof overrideSchema>
/** Every override of one server. */
export type OverridesReport = z.infer<typeof overridesReportSchema>
