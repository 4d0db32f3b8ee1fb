import * as z from 'zod'
import { profileIds } from '../switches/switch-types'
import { serverInfoSchema } from './server-schemas'

/** A raw setting value as the server types it. */
export const settingValueSchema = z.union([z.boolean(), z.number(), z.string()])

/** One profile id. */
export const profileIdSchema = z.enum(profileIds)

/** The live state of one switch. */
export const switchStateSchema = z.enum(['on', 'off', 'mixed', 'unavailable', 'unknown'])

/** What a profile sets one switch to, resolved against the live defaults. */
export const profileValueSchema = z.enum(['on', 'off', 'keep'])

/** One target of a switch as read from the server, e.g. `RelayEnabled` or library 3's agent. */
export const targetReadingSchema = z.object({
  /** A stable key for the target, e.g. `pref:RelayEnabled`, `library:3:agent`, `account:optOutPlayback`. */
  key: z.string(),
  /** Human label of the target, e.g. `RelayEnabled` or `Movies (library 3): agent`. */
  label: z.string(),
  value: settingValueSchema.nullable(),
  defaultValue: settingValueSchema.nullable(),
})

/** The live state of one switch with its raw values and what each profile does with it. */
export const switchStatusSchema = z.object({
  id: z.string(),
  state: switchStateSchema,
  /** Why the state is `unavailable` or `unknown`, in plain words. */
  reason: z.string().nullable(),
  targets: z.array(targetReadingSchema),
  profiles: z.record(profileIdSchema, profileValueSchema),
  /** When a timed exception ends (ISO 8601), if this switch is on temporarily. */
  until: z.string().nullable(),
})

/** The state of every switch of one server. */
export const switchboardSchema = z.object({
  server: serverInfoSchema,
  switches: z.array(switchStatusSchema),
  /** The profile the owner last applied, if any. */
  profile: profileIdSchema.nullable(),
  readAt: z.string(),
  /**
   * The last change Hush made on this server, when Hush stopped in the middle of it (killed, a
   * crash, a power cut): `changed` of its `of` changes landed. Undo restores the values from
   * before it. Absent or null otherwise.
   */
  interrupted: z
    .object({
      title: z.string(),
      command: z.string(),
      startedAt: z.string(),
      changed: z.number(),
      of: z.number(),
    })
    .nullable()
    .optional(),
})

/** One change of a plan: a target, its value now, its value after. */
export const planStepSchema = z.object({
  switchId: z.string(),
  target: z.string(),
  label: z.string(),
  before: settingValueSchema.nullable(),
  after: settingValueSchema.nullable(),
})

/** A change set, ready to apply; `readAt` guards against lost updates. */
export const planSchema = z.object({
  title: z.string(),
  /** The profile this plan applies, when it applies one. */
  profile: profileIdSchema.nullable().optional(),
  steps: z.array(planStepSchema),
  /** Switch ids that change, with what stops working (in the owner's language). */
  breaks: z.array(z.object({ switchId: z.string(), text: z.string() })),
  readAt: z.string(),
  /** Switches the plan leaves alone, and why (e.g. a setting this server does not have). */
  skipped: z.array(z.object({ switchId: z.string(), reason: z.string() })).optional(),
})

/** What an apply, set or undo did. */
export const applyReportSchema = z.object({
  applied: z.array(planStepSchema),
  /** Steps undone again after a later step failed. */
  rolledBack: z.array(planStepSchema),
  snapshotId: z.string().nullable(),
  message: z.string(),
})

/** The state of every switch of one server. */
export type Switchboard = z.infer<typeof switchboardSchema>
/** The live state of one switch. */
export type SwitchStatus = z.infer<typeof switchStatusSchema>
/** A change set, ready to apply. */
export type Plan = z.infer<typeof planSchema>
/** One change of a plan. */
export type PlanStep = z.infer<typeof planStepSchema>
/** What an apply, set or undo did. */
export type ApplyReport = z.infer<typeof applyReportSchema>
