import * as z from 'zod'
import { plexBool, plexList, plexNumber, plexString, typeSettingValue } from './plex-values'

const optionalString = plexString.optional()

/** `GET /identity`: the one call a PMS answers without a token. */
export const identitySchema = z
  .object({
    MediaContainer: z.object({
      machineIdentifier: plexString.refine(value => value.length > 0),
      version: plexString,
      claimed: plexBool.optional(),
      apiVersion: optionalString,
    }),
  })
  .transform(body => ({
    machineIdentifier: body.MediaContainer.machineIdentifier,
    version: body.MediaContainer.version,
    claimed: body.MediaContainer.claimed ?? false,
    apiVersion: body.MediaContainer.apiVersion ?? null,
  }))

/** The server identity from `/identity`. */
export type PlexIdentity = z.output<typeof identitySchema>

/** `GET /`: the root MediaContainer (server capabilities). */
export const rootSchema = z
  .object({
    MediaContainer: z.looseObject({
      friendlyName: optionalString,
      machineIdentifier: optionalString,
      version: optionalString,
      platform: optionalString,
      platformVersion: optionalString,
      myPlex: plexBool.optional(),
      myPlexSigninState: optionalString,
      myPlexMappingState: optionalString,
      myPlexUsername: optionalString,
      pushNotifications: plexBool.optional(),
      photoAutoTag: plexBool.optional(),
    }),
  })
  .transform(body => ({
    friendlyName: body.MediaContainer.friendlyName ?? '',
    machineIdentifier: body.MediaContainer.machineIdentifier ?? '',
    version: body.MediaContainer.version ?? '',
    platform: body.MediaContainer.platform ?? null,
    platformVersion: body.MediaContainer.platformVersion ?? null,
    myPlex: body.MediaContainer.myPlex ?? false,
    signInState: body.MediaContainer.myPlexSigninState ?? null,
    mappingState: body.MediaContainer.myPlexMappingState ?? null,
    pushNotifications: body.MediaContainer.pushNotifications ?? null,
    photoAutoTag: body.MediaContainer.photoAutoTag ?? null,
  }))

/** The server root (`GET /`). */
export type PlexRoot = z.output<typeof rootSchema>

const rawSettingSchema = z.object({
  id: plexString,
  label: optionalString,
  summary: optionalString,
  type: plexString,
  default: z.unknown().optional(),
  value: z.unknown().optional(),
  hidden: plexBool.optional(),
  advanced: plexBool.optional(),
  group: optionalString,
  enumValues: optionalString,
  // Older servers name the list `values` (python-plexapi accepts both).
  values: optionalString,
})

/** One `<Setting>` with its value and default typed by its `type`. */
export const settingSchema = rawSettingSchema.transform(raw => ({
  id: raw.id,
  label: raw.label ?? '',
  summary: raw.summary ?? '',
  type: raw.type,
  default: typeSettingValue(raw.type, raw.default),
  value: typeSettingValue(raw.type, raw.value ?? raw.default),
  hidden: raw.hidden ?? false,
  advanced: raw.advanced ?? false,
  group: raw.group ?? '',
  enumValues: raw.enumValues ?? raw.values ?? null,
}))

/** One server or library setting. */
export type PlexSetting = z.output<typeof settingSchema>

/** `GET /:/prefs`, `GET /:/prefs/get?id=`, `GET /library/sections/{id}/prefs`. */
export const settingsSchema = z
  .object({ MediaContainer: z.object({ Setting: plexList(settingSchema).optional() }) })
  .transform(body => body.MediaContainer.Setting ?? [])

const locationSchema = z.object({ id: plexString.optional(), path: plexString })

const sectionSchema = z.object({
  key: plexString,
  type: plexString,
  title: plexString,
  agent: plexString,
  scanner: optionalString,
  language: optionalString,
  uuid: optionalString,
  hidden: plexBool.optional(),
  enableAutoPhotoTags: plexBool.optional(),
  Location: plexList(locationSchema).optional(),
})

/** `GET /library/sections`. */
export const sectionsSchema = z
  .object({ MediaContainer: z.object({ Directory: plexList(sectionSchema).optional() }) })
  .transform(body =>
    (body.MediaContainer.Directory ?? []).map(section => ({
      key: section.key,
      type: section.type,
      title: section.title,
      agent: section.agent,
      scanner: section.scanner ?? null,
      language: section.language ?? null,
      uuid: section.uuid ?? null,
      locations: (section.Location ?? []).map(location => location.path),
    })),
  )

/** One library section. */
export type PlexSection = z.output<typeof sectionsSchema>[number]

const partSchema = z.object({ file: optionalString, size: plexNumber.optional() })
const mediaSchema = z.object({ Part: plexList(partSchema).optional() })
const itemSchema = z.object({
  ratingKey: optionalString,
  title: plexString,
  year: plexNumber.optional(),
  guid: optionalString,
  type: optionalString,
  Media: plexList(mediaSchema).optional(),
  // Shows and artists list their folder instead of files.
  Location: plexList(locationSchema).optional(),
})

/**
 * `GET /library/sections/{id}/all`: items with what a metadata lookup would send. JSON lists them
 * under `Metadata`; XML under their own tags (`Video`, `Directory` for shows and artists, `Photo`,
 * `Track`).
 */
export const itemsSchema = z
  .object({
    MediaContainer: z.object({
      Metadata: plexList(itemSchema).optional(),
      Video: plexList(itemSchema).optional(),
      Directory: plexList(itemSchema).optional(),
      Photo: plexList(itemSchema).optional(),
      Track: plexList(itemSchema).optional(),
    }),
  })
  .transform(body => {
    const { Metadata, Video, Directory, Photo, Track } = body.MediaContainer
    return [Metadata, Video, Directory, Photo, Track]
      .flatMap(list => list ?? [])
      .map(item => ({
        ratingKey: item.ratingKey ?? null,
        title: item.title,
        year: item.year ?? null,
        guid: item.guid ?? null,
        type: item.type ?? null,
        files: [
          ...(item.Media ?? []).flatMap(media =>
            (media.Part ?? []).flatMap(part => (part.file === undefined ? [] : [part.file])),
          ),
          ...(item.Location ?? []).map(location => location.path),
        ],
      }))
  })

/** One library item. */
export type PlexItem = z.output<typeof itemsSchema>[number]

/** `GET /myplex/account` (its `authToken` is dropped: it is a secret). */
export const myplexAccountSchema = z
  .object({
    MyPlex: z.looseObject({
      username: optionalString,
      signInState: optionalString,
      mappingState: optionalString,
      mappingError: optionalString,
      mappingErrorMessage: optionalString,
      publicAddress: optionalString,
      publicPort: plexNumber.optional(),
      privateAddress: optionalString,
      privatePort: plexNumber.optional(),
      subscriptionActive: plexBool.optional(),
      subscriptionState: optionalString,
    }),
  })
  .transform(body => ({
    username: body.MyPlex.username ?? null,
    signInState: body.MyPlex.signInState ?? null,
    mappingState: body.MyPlex.mappingState ?? null,
    mappingError: body.MyPlex.mappingError ?? null,
    mappingErrorMessage: body.MyPlex.mappingErrorMessage ?? null,
    publicAddress: body.MyPlex.publicAddress ?? null,
    publicPort: body.MyPlex.publicPort ?? null,
    privateAddress: body.MyPlex.privateAddress ?? null,
    privatePort: body.MyPlex.privatePort ?? null,
    subscriptionActive: body.MyPlex.subscriptionActive ?? null,
    subscriptionState: body.MyPlex.subscriptionState ?? null,
  }))

/** The server's plex.tv link (`/myplex/account`), without its token. */
export type PlexMyplexAccount = z.output<typeof myplexAccountSchema>

const agentSchema = z.object({
  identifier: plexString,
  name: optionalString,
  primary: plexBool.optional(),
  MediaType: plexList(
    z.object({ mediaType: plexNumber.optional(), name: optionalString }),
  ).optional(),
})

/** `GET /system/agents`. */
export const agentsSchema = z
  .object({ MediaContainer: z.object({ Agent: plexList(agentSchema).optional() }) })
  .transform(body =>
    (body.MediaContainer.Agent ?? []).map(agent => ({
      identifier: agent.identifier,
      name: agent.name ?? agent.identifier,
      primary: agent.primary ?? false,
      mediaTypes: (agent.MediaType ?? []).flatMap(type => (type.name ? [type.name] : [])),
    })),
  )

/** One metadata agent. */
export type PlexAgent = z.output<typeof agentsSchema>[number]

const sessionSchema = z.object({
  title: optionalString,
  type: optionalString,
  Player: z
    .array(
      z.object({
        address: optionalString,
        local: plexBool.optional(),
        relayed: plexBool.optional(),
        secure: plexBool.optional(),
        product: optionalString,
      }),
    )
    .optional(),
  Session: plexList(z.object({ location: optionalString })).optional(),
})

/** `GET /status/sessions`. */
export const sessionsSchema = z
  .object({
    MediaContainer: z.object({
      Metadata: plexList(sessionSchema).optional(),
      Video: plexList(sessionSchema).optional(),
      Track: plexList(sessionSchema).optional(),
    }),
  })
  .transform(body =>
    [
      ...(body.MediaContainer.Metadata ?? []),
      ...(body.MediaContainer.Video ?? []),
      ...(body.MediaContainer.Track ?? []),
    ].map(session => {
      const player = session.Player?.[0]
      return {
        title: session.title ?? '',
        type: session.type ?? null,
        playerAddress: player?.address ?? null,
        local: player?.local ?? null,
        relayed: player?.relayed ?? null,
        secure: player?.secure ?? null,
        location: session.Session?.[0]?.location ?? null,
      }
    }),
  )

/** One playback session. */
export type PlexSession = z.output<typeof sessionsSchema>[number]
