/**
 * What each metadata agent contacts during a refresh (reference §2.6 agent table, §4.4 hosts,
 * §9.1 the match request of the Plex agents). An agent that is not listed is treated as contacting the internet: better to warn about
 * a local agent than to hide an online one.
 */
export interface AgentProfile {
  readonly name: string
  readonly contactsInternet: boolean
  /** The host a refresh sends to, when known. */
  readonly host: string | null
  /** The shape of one lookup request. */
  readonly requestShape: string | null
}

// Plex's published media-provider API (reference §9.1): the hints travel in a JSON body, which
// the server's log never shows — only this preview can.
const cloudShape =
  'POST https://metadata.provider.plex.tv/library/metadata/matches?X-Plex-Country=…&X-Plex-Language=… with a JSON body of the hints below; then GET …/library/metadata/<id> for the match'

const agents: Readonly<Record<string, AgentProfile>> = {
  'tv.plex.agents.movie': {
    name: 'Plex Movie',
    contactsInternet: true,
    host: 'metadata.provider.plex.tv',
    requestShape: cloudShape,
  },
  'tv.plex.agents.series': {
    name: 'Plex TV Series',
    contactsInternet: true,
    host: 'metadata.provider.plex.tv',
    requestShape: cloudShape,
  },
  'tv.plex.agents.music': {
    name: 'Plex Music',
    contactsInternet: true,
    host: 'metadata.provider.plex.tv',
    requestShape: cloudShape,
  },
  'com.plexapp.agents.imdb': {
    name: 'Plex Movie (Legacy)',
    contactsInternet: true,
    host: 'meta.plex.tv',
    requestShape:
      'GET https://meta.plex.tv/movie/hash/<h0h1>/<file hash>.xml, then /movie/guid/… (sends a hash of each file)',
  },
  'com.plexapp.agents.themoviedb': {
    name: 'The Movie Database',
    contactsInternet: true,
    host: 'api.themoviedb.org (through the server)',
    requestShape: null,
  },
  'com.plexapp.agents.thetvdb': {
    name: 'TheTVDB',
    contactsInternet: true,
    host: 'api4.thetvdb.com',
    requestShape: null,
  },
  'com.plexapp.agents.lastfm': {
    name: 'Last.fm',
    contactsInternet: true,
    host: null,
    requestShape: null,
  },
  'org.musicbrainz.agents.music': {
    name: 'MusicBrainz',
    contactsInternet: true,
    host: null,
    requestShape: null,
  },
  'com.plexapp.agents.none': {
    name: 'Personal Media',
    contactsInternet: false,
    host: null,
    requestShape: null,
  },
  'tv.plex.agents.none': {
    name: 'Plex Personal Media',
    contactsInternet: false,
    host: null,
    requestShape: null,
  },
  'com.plexapp.agents.localmedia': {
    name: 'Local Media Assets',
    contactsInternet: false,
    host: null,
    requestShape: null,
  },
}

/** What a metadata agent contacts; unknown agents are assumed to go online. */
export function agentProfile(identifier: string): AgentProfile {
  return (
    agents[identifier] ?? {
      name: identifier,
      contactsInternet: true,
      host: null,
      requestShape: null,
    }
  )
}

/** The numeric metadata types of the media-provider API (reference §9.1). */
const metadataTypes: Readonly<Record<string, number>> = {
  movie: 1,
  show: 2,
  season: 3,
  episode: 4,
  artist: 8,
  album: 9,
  track: 10,
  photo: 13,
}

/** An external id a match may carry (`imdb://…`, `tmdb://…`, `tvdb://…`); the provider's own `plex://` ids are not hints. */
function externalGuid(guid: string | null): string | null {
  return guid !== null && /^(?:imdb|tmdb|tvdb):\/\//.test(guid) ? guid : null
}

/**
 * The JSON body of the match request for one item (reference §9.1): the numeric type, the title,
 * the year, an external guid when the item has one, and `filename`, the file's path relative to
 * the library's folder — for a show or an artist, the first file found in its folder.
 */
export function matchingHints(item: {
  readonly type: string
  readonly title: string
  readonly year: number | null
  readonly guid: string | null
  readonly filePath: string | null
  /** The library folder the file lies in. */
  readonly libraryRoots: readonly string[]
}): Record<string, string> {
  const hints: Record<string, string> = {}
  const type = metadataTypes[item.type]
  if (type !== undefined) {
    hints.type = String(type)
  }
  hints.title = item.title
  if (item.year !== null) {
    hints.year = String(item.year)
  }
  const guid = externalGuid(item.guid)
  if (guid !== null) {
    hints.guid = guid
  }
  if (item.filePath !== null) {
    const root = item.libraryRoots.find(candidate => item.filePath?.startsWith(`${candidate}/`))
    const relative = root === undefined ? item.filePath : item.filePath.slice(root.length)
    hints.filename =
      item.type === 'show' || item.type === 'artist'
        ? `${relative}/… (the first file found in this folder)`
        : relative
  }
  return hints
}
