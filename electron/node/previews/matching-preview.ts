import type { AppError } from '../../common/api/errors'
import type { MatchingLibrary, MatchingPreview } from '../../common/api/preview-schemas'
import { agentProfile, matchingHints } from '../../common/previews/metadata-agents'
import { ok, type Result } from '../../common/util/result'
import type { PlexClient } from '../server/plex-client'

/** Options of the matching preview. */
export interface MatchingPreviewOptions {
  readonly libraryId?: string
  /** At most this many items per library in the answer (the count is always complete). */
  readonly itemLimit?: number
}

/**
 * What a metadata refresh of each library would send, and where, built from the server's own
 * library listing. Nothing is sent upstream to build it: only the local server is asked.
 */
export async function buildMatchingPreview(
  client: PlexClient,
  options: MatchingPreviewOptions = {},
): Promise<Result<MatchingPreview, AppError>> {
  const sections = await client.sections()
  if (!sections.ok) {
    return sections
  }
  const agents = await client.agents()
  const unknowns: string[] = []
  if (!agents.ok) {
    unknowns.push('This server did not list its agents; agent names come from Hush’s own table.')
  }
  const chosen = sections.value.filter(
    section => options.libraryId === undefined || section.key === options.libraryId,
  )
  const libraries: MatchingLibrary[] = []
  for (const section of chosen) {
    const items = await client.sectionItems(section.key)
    if (!items.ok) {
      return items
    }
    const profile = agentProfile(section.agent)
    const listedName = agents.ok
      ? (agents.value.find(agent => agent.identifier === section.agent)?.name ?? null)
      : null
    libraries.push({
      id: section.key,
      title: section.title,
      type: section.type,
      agent: section.agent,
      agentName: listedName ?? profile.name,
      contactsInternet: profile.contactsInternet,
      itemCount: items.value.length,
      host: profile.host,
      requestShape: profile.requestShape,
      items: items.value.slice(0, options.itemLimit ?? items.value.length).map(item => {
        const filePath = item.files[0] ?? null
        return {
          title: item.title,
          year: item.year,
          guid: item.guid,
          filePath,
          hints: profile.contactsInternet
            ? matchingHints({
                type: item.type ?? section.type,
                title: item.title,
                year: item.year,
                guid: item.guid,
                filePath,
                libraryRoots: section.locations,
              })
            : {},
        }
      }),
    })
  }
  return ok({ libraries, unknowns })
}
