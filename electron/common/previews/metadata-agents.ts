/**
 * What each metadata agent contacts during a refresh (pms-reference.md §2.6 agent table, §4.4
 * hosts). An agent that is not listed is treated as contacting the internet: better to warn about
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

const cloudShape =
  'GET https://metadata.provider.plex.tv/library/metadata/matches?type=…&title=…&year=…&guid=…&filename=… (modelled: the exact query of the cloud agents is not published)'

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

/** The hint fields a lookup of one item carries: title, year, guid and the file path. */
export function matchingHints(item: {
  readonly title: string
  readonly year: number | null
  readonly guid: string | null
  readonly filePath: string | null
}): Record<string, string> {
  const hints: Record<string, string> = { title: item.title }
  if (item.year !== null) {
    hints.year = String(item.year)
  }
  if (item.guid !== null) {
    hints.guid = item.guid
  }
  if (item.filePath !== null) {
    hints.filename = item.filePath
  }
  return hints
}
