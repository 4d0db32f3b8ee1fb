import type { LibraryType } from '../../../common/switches/switch-types'
import type { LiveLibrary, LiveState } from '../live-state'

/** One library a library target applies to, with how its instances are labelled. */
export interface TargetLibrary {
  readonly library: LiveLibrary
  readonly libraryType: LibraryType | null
  /** `Movies (library 1)` */
  readonly where: string
}

const libraryTypes: readonly string[] = ['movie', 'show', 'artist', 'photo']

/** The libraries of the given types in the live state, in the server's order. */
export function targetLibraries(
  types: readonly LibraryType[],
  live: LiveState,
): readonly TargetLibrary[] {
  return live.libraries
    .filter(library => (types as readonly string[]).includes(library.section.type))
    .map(library => {
      const { section } = library
      return {
        library,
        libraryType: libraryTypes.includes(section.type) ? (section.type as LibraryType) : null,
        where: `${section.title} (library ${section.key})`,
      }
    })
}
