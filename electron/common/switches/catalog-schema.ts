import * as z from 'zod'
import { languages } from '../i18n/localized-text'
import { flowIds } from './flows'
import { profileIds, type FlowId, type ProfileId, type SwitchEntry } from './switch-types'

const policyParts = ['collect', 'use', 'security', 'access', 'choices'] as const
const libraryTypes = ['movie', 'show', 'artist', 'photo'] as const
const kebabCase = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

/** A text in every language Hush speaks; none may be blank. */
export const localizedTextSchema = z.object(
  Object.fromEntries(languages.map(language => [language, z.string().trim().min(1)])) as Record<
    (typeof languages)[number],
    z.ZodString
  >,
)

/** What a profile does with one switch. */
export const profileChoiceSchema = z.enum(['on', 'off', 'default', 'keep'])

const settingValue = z.union([z.boolean(), z.number(), z.string()])

/** One way of reading and writing a switch. */
export const switchTargetSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('server-pref'),
      prefId: z.string().min(1),
      aliases: z.array(z.string().min(1)).optional(),
      on: settingValue.nullable(),
      off: settingValue,
    })
    .refine(t => t.on === null || (typeof t.on === typeof t.off && t.on !== t.off), {
      message: 'on and off must be distinct values of the same type',
    })
    .refine(t => t.on !== null || t.off === '', {
      message: 'a pref without a fixed on value must be a text pref whose off value is empty',
    }),
  z
    .object({
      kind: z.literal('library-pref'),
      prefId: z.string().min(1),
      libraryTypes: z.array(z.enum(libraryTypes)).min(1),
      on: settingValue,
      off: settingValue,
    })
    .refine(t => typeof t.on === typeof t.off && t.on !== t.off, {
      message: 'on and off must be distinct values of the same type',
    }),
  z
    .object({
      kind: z.literal('library-agent'),
      libraryTypes: z.array(z.enum(libraryTypes)).min(1),
      localAgents: z.array(z.string().min(1)).min(1),
      offAgent: z.partialRecord(z.enum(libraryTypes), z.string().min(1)),
    })
    .refine(t => t.libraryTypes.every(type => t.offAgent[type] !== undefined), {
      message: 'every library type needs an agent to switch to',
    })
    .refine(t => Object.values(t.offAgent).every(agent => t.localAgents.includes(agent)), {
      message: 'every agent switched to must be a local agent',
    }),
  z.object({
    kind: z.literal('account-privacy'),
    field: z.enum(['optOutPlayback', 'optOutLibraryStats']),
  }),
  z.object({ kind: z.literal('account-opt-out'), key: z.string().min(1) }),
  z.object({ kind: z.literal('account-view-state-sync') }),
])

/** One catalog entry. */
export const switchEntrySchema = z.object({
  id: z.string().regex(kebabCase, 'ids are kebab-case'),
  flow: z.enum(flowIds as readonly [FlowId, ...FlowId[]]),
  title: localizedTextSchema,
  data: localizedTextSchema,
  recipient: localizedTextSchema,
  purpose: localizedTextSchema,
  breaks: localizedTextSchema,
  policyItems: z
    .array(z.object({ part: z.enum(policyParts), item: z.number().int().positive() }))
    .min(1),
  evidence: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('log') }),
    z.object({
      kind: z.literal('not-visible'),
      why: z.enum([
        'lan',
        'router',
        'account',
        'stays-on-server',
        'separate-process',
        'never-logged',
        'inbound',
      ]),
    }),
    z.object({ kind: z.literal('unknown-shape') }),
    z.object({ kind: z.literal('indistinguishable'), from: z.array(z.string()).min(1) }),
  ]),
  targets: z.array(switchTargetSchema).min(1),
  profiles: z.object(
    Object.fromEntries(profileIds.map(profile => [profile, profileChoiceSchema])) as Record<
      ProfileId,
      typeof profileChoiceSchema
    >,
  ),
  quickToggle: z.boolean(),
  caveat: localizedTextSchema.optional(),
}) satisfies z.ZodType<SwitchEntry, unknown>

/** The whole catalog: valid entries with unique ids. */
export const switchCatalogSchema = z.array(switchEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>()
  for (const entry of entries) {
    if (seen.has(entry.id)) {
      ctx.addIssue({ code: 'custom', message: `duplicate switch id ${entry.id}` })
    }
    seen.add(entry.id)
  }
})
