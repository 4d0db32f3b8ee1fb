import type { SectionType } from './library-prefs'

/** The metadata service of the `tv.plex.agents.*` agents (reference §4.4). */
export const metadataHost = 'https://metadata.provider.plex.tv'

/** The provider's locale parameters, as the published media-provider API shows them (§9.1). */
const locale = 'X-Plex-Country=US&X-Plex-Language=en-US'

const typeNumber: Readonly<Record<SectionType, number>> = {
  movie: 1,
  show: 2,
  artist: 8,
  photo: 13,
}

/** One library item as a match sees it. */
export interface MatchItem {
  readonly title: string
  readonly year: number
  readonly guid: string
  /** The media file, or the item's folder for shows and artists. */
  readonly file: string
}

/** The file a match names: the item's own file, or for a show or an artist the first file in its folder. */
function firstFile(type: SectionType, item: MatchItem): string {
  const folder = item.file.slice(item.file.lastIndexOf('/') + 1)
  if (type === 'show') {
    return `${item.file}/Season 01/${folder} - S01E01.mkv`
  }
  if (type === 'artist') {
    return `${item.file}/${folder}/01 - ${folder}.flac`
  }
  return item.file
}

/**
 * The JSON body of a match (reference §9.1): the numeric type, the title, the year, and the file's
 * path relative to the library's folder. The guid is sent only once an item has one from a match.
 */
export function matchBody(type: SectionType, location: string, item: MatchItem): string {
  const file = firstFile(type, item)
  const relative = file.startsWith(`${location}/`) ? file.slice(location.length) : file
  return JSON.stringify({
    type: typeNumber[type],
    title: item.title,
    year: item.year,
    filename: relative,
  })
}

/** The match request of the Plex agents: a POST whose hints travel in the body (reference §9.1). */
export function matchUrl(): string {
  return `${metadataHost}/library/metadata/matches?${locale}`
}

/** The provider's id of an item: the last part of its `plex://movie/<id>` guid. */
function providerId(guid: string): string {
  const bare = guid.replace(/\?.*$/, '')
  return encodeURIComponent(bare.slice(bare.lastIndexOf('/') + 1))
}

/** The metadata of one matched item (reference §9.1: GET <provider>/library/metadata/<id>). */
export function metadataUrl(guid: string): string {
  return `${metadataHost}/library/metadata/${providerId(guid)}?${locale}`
}

/**
 * The requests of a legacy agent for one item (MODELLED on the Plex Movie (Legacy) bundle, reference
 * §4.4: a lookup by the file's hash, then by the id found).
 */
export function legacyAgentUrls(type: SectionType, item: MatchItem, hash: string): string[] {
  return [
    `https://meta.plex.tv/${type}/hash/${hash.slice(0, 2)}/${hash}.xml`,
    `https://meta.plex.tv/${type}/guid/${providerId(item.guid)}.xml`,
  ]
}

/** The extras (trailers, behind the scenes) lookup of one matched item (MODELLED path). */
export function extrasUrl(guid: string, token: string): string {
  return `${metadataHost}/library/metadata/${providerId(guid)}/extras?X-Plex-Token=${token}`
}
