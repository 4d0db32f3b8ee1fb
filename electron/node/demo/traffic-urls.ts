import type { SectionType } from './library-prefs'

/** The metadata service of the `tv.plex.agents.*` agents. */
export const metadataHost = 'https://metadata.provider.plex.tv'

const typeNumber: Readonly<Record<SectionType, number>> = {
  movie: 1,
  show: 2,
  artist: 8,
  photo: 13,
}

/** The hint fields of one item that a metadata match sends. */
export interface MatchHints {
  readonly title: string
  readonly year: number
  readonly guid: string
  readonly file: string
}

/**
 * The request a metadata refresh makes for one item with an online agent.
 *
 * MODELLED, NOT VERIFIED: the host (metadata.provider.plex.tv for the Plex agents, meta.plex.tv for the
 * legacy ones) is real; the path and the parameter names are our model of what the cloud agent sends —
 * the hint fields title, year, guid and the file name — since no real log shows this request.
 */
export function metadataMatchUrl(
  agent: string,
  type: SectionType,
  hints: MatchHints,
  token: string,
): string {
  const query = new URLSearchParams({
    type: String(typeNumber[type]),
    title: hints.title,
    year: String(hints.year),
    guid: hints.guid,
    filename: hints.file,
  })
  const base = agent.startsWith('tv.plex.agents.')
    ? `${metadataHost}/library/metadata/matches`
    : `https://meta.plex.tv/${type}/search`
  return `${base}?${query.toString().replace(/\+/g, '%20')}&X-Plex-Token=${token}`
}

/** The extras (trailers, behind the scenes) lookup of one matched item (MODELLED path). */
export function extrasUrl(guid: string, token: string): string {
  const bare = guid.replace(/\?.*$/, '')
  const id = encodeURIComponent(bare.slice(bare.lastIndexOf('/') + 1))
  return `${metadataHost}/library/metadata/${id}/extras?X-Plex-Token=${token}`
}
