import type { DemoEdition } from './settings-catalog'

/** One metadata agent of `/system/agents`. */
export interface DemoAgent {
  readonly identifier: string
  readonly name: string
  /** PMS media type numbers: 1 movie, 2 show, 8 artist, 9 album, 13 photo. */
  readonly mediaTypes: readonly number[]
  /** Whether matching with this agent asks an internet service (not part of the real response). */
  readonly online: boolean
  readonly primary: boolean
}

const modernOnly = new Set([
  'tv.plex.agents.movie',
  'tv.plex.agents.series',
  'tv.plex.agents.music',
  'tv.plex.agents.none',
])

const allAgents: readonly DemoAgent[] = [
  {
    identifier: 'tv.plex.agents.movie',
    name: 'Plex Movie',
    mediaTypes: [1],
    online: true,
    primary: true,
  },
  {
    identifier: 'tv.plex.agents.series',
    name: 'Plex Series',
    mediaTypes: [2],
    online: true,
    primary: true,
  },
  {
    identifier: 'tv.plex.agents.music',
    name: 'Plex Music',
    mediaTypes: [8, 9],
    online: true,
    primary: true,
  },
  {
    identifier: 'tv.plex.agents.none',
    name: 'Plex Personal Media',
    mediaTypes: [1, 2, 8, 13],
    online: false,
    primary: true,
  },
  {
    identifier: 'com.plexapp.agents.none',
    name: 'Personal Media',
    mediaTypes: [1, 2, 8, 13],
    online: false,
    primary: true,
  },
  {
    identifier: 'com.plexapp.agents.localmedia',
    name: 'Local Media Assets',
    mediaTypes: [1, 2, 8, 9],
    online: false,
    primary: false,
  },
  {
    identifier: 'com.plexapp.agents.imdb',
    name: 'Plex Movie (Legacy)',
    mediaTypes: [1],
    online: true,
    primary: true,
  },
  {
    identifier: 'com.plexapp.agents.themoviedb',
    name: 'The Movie Database',
    mediaTypes: [1, 2],
    online: true,
    primary: true,
  },
  {
    identifier: 'com.plexapp.agents.thetvdb',
    name: 'TheTVDB',
    mediaTypes: [2],
    online: true,
    primary: true,
  },
  {
    identifier: 'com.plexapp.agents.lastfm',
    name: 'Last.fm',
    mediaTypes: [8, 9],
    online: true,
    primary: true,
  },
  {
    identifier: 'org.musicbrainz.agents.music',
    name: 'MusicBrainz',
    mediaTypes: [8, 9],
    online: true,
    primary: false,
  },
]

/** The agents a server of this edition lists (legacy servers predate the `tv.plex.agents.*` family). */
export function agentsFor(edition: DemoEdition): readonly DemoAgent[] {
  return edition === 'modern' ? allAgents : allAgents.filter(a => !modernOnly.has(a.identifier))
}

/** The media type number of a section type. */
export const mediaTypeOf = { movie: 1, show: 2, artist: 8, photo: 13 } as const
