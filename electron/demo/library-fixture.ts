import type { DemoEdition } from './settings-catalog'
import type { SectionType } from './library-prefs'
import type { Random } from './random'

/** One item of a library, with the fields a metadata refresh sends as hints. */
export interface DemoItem {
  readonly ratingKey: number
  readonly title: string
  readonly year: number
  readonly guid: string
  /** The media file (movies, home videos, photos) or the item's folder (shows, artists). */
  readonly file: string
  readonly size: number
  readonly duration: number
}

/** One library section of the fixture, with its initial agent and library prefs. */
export interface DemoSection {
  readonly id: number
  readonly title: string
  readonly type: SectionType
  readonly agent: string
  readonly scanner: string
  readonly uuid: string
  readonly location: string
  readonly createdAt: number
  readonly initialPrefs: Readonly<Record<string, string>>
  readonly items: readonly DemoItem[]
}

type Title = readonly [string, number]

const movies: readonly Title[] = [
  ['Night of the Living Dead', 1968],
  ['Metropolis', 1927],
  ['The General', 1926],
  ['Nosferatu', 1922],
  ['His Girl Friday', 1940],
  ['Charade', 1963],
  ['The Kid', 1921],
  ['Sita Sings the Blues', 2008],
  ['Big Buck Bunny', 2008],
  ['Sintel', 2010],
  ['Tears of Steel', 2012],
  ['Cosmos Laundromat', 2015],
  ['Elephants Dream', 2006],
  ['Plan 9 from Outer Space', 1957],
  ['Detour', 1945],
  ['Carnival of Souls', 1962],
]
const shows: readonly Title[] = [
  ['The Lucy Show', 1962],
  ['Bonanza', 1959],
  ['The Cisco Kid', 1950],
  ['Flash Gordon', 1954],
  ['One Step Beyond', 1959],
  ['The Beverly Hillbillies', 1962],
  ['Decoy', 1957],
  ['Topper', 1953],
]
const artists: readonly Title[] = [
  ['Kevin MacLeod', 2005],
  ['Chris Zabriskie', 2011],
  ['Broke For Free', 2010],
  ['Podington Bear', 2009],
  ['Lee Rosevere', 2012],
  ['Jahzzar', 2010],
  ['Blue Dot Sessions', 2014],
]
const homeVideos: readonly Title[] = [
  ['Birthday Party', 2021],
  ['Beach Holiday', 2022],
  ['First Steps', 2019],
  ['Garden Concert', 2023],
]

function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items]
  const out: T[] = []
  while (out.length < count && pool.length > 0) {
    out.push(pool.splice(random.int(0, pool.length - 1), 1)[0] as T)
  }
  return out
}

/** The five libraries of the demo (deterministic from the random source). */
export function createLibraryFixture(random: Random, edition: DemoEdition): DemoSection[] {
  let ratingKey = 100
  const modern = edition === 'modern'
  const plexGuid = (kind: string): string => `plex://${kind}/5d77${random.hex(20)}`
  const item = (
    title: Title,
    guid: string,
    file: string,
    size: number,
    duration: number,
  ): DemoItem => ({
    ratingKey: ratingKey++,
    title: title[0],
    year: title[1],
    guid,
    file,
    size,
    duration,
  })
  const name = (title: Title): string => `${title[0]} (${title[1]})`
  // Legacy agents name items by the service's own id: IMDb `tt…`, TheTVDB numbers, Last.fm names.
  const legacyGuid = (agent: string, name?: string): string => {
    const id = agent.endsWith('imdb')
      ? `tt${String(random.int(1_000_000, 9_999_999))}`
      : agent.endsWith('thetvdb')
        ? String(random.int(70_000, 80_000))
        : encodeURIComponent(name ?? '')
    return `${agent}://${id}?lang=en`
  }
  const created = 1_600_000_000 + random.int(0, 50_000_000)
  const section = (
    id: number,
    title: string,
    type: SectionType,
    agent: string,
    scanner: string,
    location: string,
    initialPrefs: Record<string, string>,
    items: DemoItem[],
  ): DemoSection => ({
    id,
    title,
    type,
    agent,
    scanner,
    uuid: random.uuid(),
    location,
    createdAt: created + id * 3600,
    initialPrefs,
    items,
  })
  const movieAgent = modern ? 'tv.plex.agents.movie' : 'com.plexapp.agents.imdb'
  const showAgent = modern ? 'tv.plex.agents.series' : 'com.plexapp.agents.thetvdb'
  const musicAgent = modern ? 'tv.plex.agents.music' : 'com.plexapp.agents.lastfm'
  return [
    section(
      1,
      'Movies',
      'movie',
      movieAgent,
      modern ? 'Plex Movie' : 'Plex Movie Scanner',
      '/data/movies',
      {},
      sample(random, movies, 12).map(t =>
        item(
          t,
          modern ? plexGuid('movie') : legacyGuid('com.plexapp.agents.imdb'),
          `/data/movies/${name(t)}/${name(t)}.mkv`,
          random.int(700, 9000) * 1_048_576,
          random.int(4800, 9000) * 1000,
        ),
      ),
    ),
    section(
      2,
      'TV Shows',
      'show',
      showAgent,
      modern ? 'Plex TV Series' : 'Plex Series Scanner',
      '/data/tv',
      {},
      sample(random, shows, 6).map(t =>
        item(
          t,
          modern ? plexGuid('show') : legacyGuid('com.plexapp.agents.thetvdb'),
          `/data/tv/${name(t)}`,
          0,
          random.int(1500, 2700) * 1000,
        ),
      ),
    ),
    section(
      3,
      'Music',
      'artist',
      musicAgent,
      modern ? 'Plex Music' : 'Plex Music Scanner',
      '/data/music',
      {},
      sample(random, artists, 6).map(t =>
        item(
          t,
          modern ? plexGuid('artist') : legacyGuid('com.plexapp.agents.lastfm', t[0]),
          `/data/music/${t[0]}`,
          0,
          0,
        ),
      ),
    ),
    section(
      4,
      'Photos',
      'photo',
      'com.plexapp.agents.none',
      'Plex Photo Scanner',
      '/data/photos',
      { enableAutoPhotoTags: '1' },
      Array.from({ length: 8 }, (_, index) => {
        const year = 2018 + (index % 6)
        const file = `/data/photos/${year}/IMG_${String(random.int(1000, 9999))}.jpg`
        return item(
          [file.slice(file.lastIndexOf('/') + 1, -4), year],
          `local://${ratingKey}`,
          file,
          random.int(1_500_000, 6_000_000),
          0,
        )
      }),
    ),
    section(
      5,
      'Home Videos',
      'movie',
      'com.plexapp.agents.none',
      'Plex Video Files Scanner',
      '/data/home-videos',
      { enableCinemaTrailers: '0' },
      sample(random, homeVideos, 4).map(t =>
        item(
          t,
          `local://${ratingKey}`,
          `/data/home-videos/${t[0]} ${t[1]}.mp4`,
          random.int(80, 900) * 1_048_576,
          random.int(60, 900) * 1000,
        ),
      ),
    ),
  ]
}
