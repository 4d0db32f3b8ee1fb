import type { SettingDefinition } from './setting-types'

/** A library's type, as `/library/sections` names it. */
export type SectionType = 'movie' | 'show' | 'artist' | 'photo'

const bool = (
  id: string,
  label: string,
  summary: string,
  fallback: boolean,
  advanced = false,
): SettingDefinition => ({
  id,
  label,
  summary,
  type: 'bool',
  default: fallback,
  hidden: false,
  advanced,
  group: '',
})

// Texts and defaults from the real library prefs of PMS 1.27 (reference §2.6) where known.
const visibility: SettingDefinition = {
  id: 'hidden',
  label: 'Visibility',
  summary: 'Restrict where content from this library should appear.',
  type: 'int',
  default: 0,
  hidden: false,
  advanced: false,
  group: '',
  enumValues:
    '0:Include in home screen and global search|1:Exclude from home screen|2:Exclude from home screen and global search',
}
const useLocalAssets = bool(
  'useLocalAssets',
  'Use local assets',
  'When scanning this library, use local posters and artwork if present.',
  true,
)
const respectTags = bool(
  'respectTags',
  'Prefer local metadata',
  'When scanning this library, prefer embedded tags and local files if present.',
  false,
)
const useExternalExtras = bool(
  'useExternalExtras',
  'Find extras',
  'Find trailers and extras automatically (Plex Pass required)',
  true,
)
const enableBIFGeneration = bool(
  'enableBIFGeneration',
  'Enable video preview thumbnails',
  'Generate video preview thumbnails for items in this library when enabled in server settings.',
  true,
)
const augment = bool(
  'augmentWithProviderContent',
  'Include related external content',
  'Include content from online media providers alongside items in this library.',
  true,
)
const localizedArtwork = bool(
  'localizedArtwork',
  'Prefer artwork based on library language',
  'Use localized posters when available.',
  true,
)

const movie: readonly SettingDefinition[] = [
  visibility,
  bool(
    'enableCinemaTrailers',
    'Enable Cinema Trailers',
    'Allow Cinema Trailers to play before items in this library.',
    true,
  ),
  {
    id: 'country',
    label: 'Certification Country',
    summary: 'Used to fetch the appropriate content rating for items in this library.',
    type: 'text',
    default: 'US',
    hidden: false,
    advanced: false,
    group: '',
  },
  bool('originalTitles', 'Use original titles', 'Use the original titles for all items.', false),
  localizedArtwork,
  useLocalAssets,
  respectTags,
  useExternalExtras,
  bool('skipNonTrailerExtras', 'Only show trailers', 'Skip extras which are not trailers.', false),
  bool('useRedbandTrailers', 'Allow red band trailers', 'Allow mature trailers.', false),
  bool(
    'includeExtrasWithLocalizedSubtitles',
    'Localized subtitles',
    'Include extras with subtitles in the library language.',
    false,
  ),
  bool('includeAdultContent', 'Include adult content', 'Allow matching adult titles.', false),
  {
    id: 'ratingsSource',
    label: 'Ratings Source',
    summary: 'Select a primary source for ratings.',
    type: 'text',
    default: 'rottentomatoes',
    hidden: false,
    advanced: false,
    group: '',
    enumValues: 'rottentomatoes:Rotten Tomatoes|imdb:IMDb|themoviedb:The Movie Database',
  },
  enableBIFGeneration,
  augment,
  bool(
    'enableCreditsMarkerGeneration',
    'Enable credits detection',
    'Detect the start of credits in videos.',
    true,
  ),
]

const show: readonly SettingDefinition[] = [
  visibility,
  {
    id: 'showOrdering',
    label: 'Episode ordering',
    summary: 'Select the order in which episodes are listed.',
    type: 'text',
    default: 'aired',
    hidden: false,
    advanced: false,
    group: '',
    enumValues: 'aired:Aired|tmdbAiring:The Movie Database (Aired)',
  },
  bool('useSeasonTitles', 'Use season titles', 'Use season titles when available.', false),
  localizedArtwork,
  useLocalAssets,
  respectTags,
  useExternalExtras,
  enableBIFGeneration,
  bool(
    'enableIntroMarkerGeneration',
    'Enable intro detection',
    'Detect the intro of episodes.',
    true,
  ),
  augment,
]

const artist: readonly SettingDefinition[] = [
  visibility,
  respectTags,
  useLocalAssets,
  bool(
    'enableTrackOffsets',
    'Enable track offsets',
    'Use loudness data for gapless playback.',
    false,
  ),
  bool('artistBios', 'Artist bios', 'Fetch artist biographies from Plex Music.', true),
  bool('albumReviews', 'Album reviews and critic ratings', 'Fetch album reviews.', true),
  bool('popularTracks', 'Popular tracks', 'Fetch popular tracks from Plex Music.', true),
  {
    id: 'albumPosters',
    label: 'Album art',
    summary: 'Where album art comes from.',
    type: 'int',
    default: 1,
    hidden: false,
    advanced: false,
    group: '',
    enumValues: '1:Both Plex Music and Local Files|2:Plex Music Only|3:Local Files Only',
  },
  augment,
]

const photo: readonly SettingDefinition[] = [
  visibility,
  bool('enableAutoPhotoTags', 'Tag photos', 'Analyze photos and tag them automatically.', false),
]

/** The library settings of one section type. */
export function libraryPrefsFor(type: SectionType): readonly SettingDefinition[] {
  switch (type) {
    case 'movie':
      return movie
    case 'show':
      return show
    case 'artist':
      return artist
    case 'photo':
      return photo
  }
}
