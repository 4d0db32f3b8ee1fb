import type { DemoWorld } from './demo-world'
import { status, type DemoRequest, type DemoResponse, type DemoRoute } from './http-types'
import type { DemoItem, DemoSection } from './library-fixture'
import type { ResponseElement } from './render'
import { settingsContainer } from './setting-element'

const art: Readonly<Record<string, string>> = {
  movie: 'movie',
  show: 'show',
  artist: 'artist',
  photo: 'photo',
}

function sectionElement(world: DemoWorld, section: DemoSection): ResponseElement {
  const store = world.libraries
  const photoTags =
    section.type === 'photo' ? store.prefValue(section.id, 'enableAutoPhotoTags') : undefined
  return {
    tag: 'Directory',
    attributes: {
      allowSync: true,
      art: `/:/resources/${art[section.type] ?? 'movie'}-fanart.jpg`,
      composite: `/library/sections/${section.id}/composite/${section.createdAt + 86400}`,
      filters: true,
      refreshing: false,
      thumb: `/:/resources/${art[section.type] ?? 'movie'}.png`,
      key: String(section.id),
      type: section.type,
      title: section.title,
      agent: store.agent(section.id),
      scanner: section.scanner,
      language: 'en-US',
      uuid: section.uuid,
      updatedAt: section.createdAt + 86400,
      createdAt: section.createdAt,
      scannedAt: section.createdAt + 86400,
      content: true,
      directory: true,
      contentChangedAt: section.createdAt + 1234,
      hidden: Number(store.prefValue(section.id, 'hidden')),
      enableAutoPhotoTags: photoTags === undefined ? undefined : photoTags === true,
    },
    children: [{ tag: 'Location', attributes: { id: section.id, path: section.location } }],
  }
}

function itemElement(section: DemoSection, item: DemoItem): ResponseElement {
  const common = {
    ratingKey: String(item.ratingKey),
    key: `/library/metadata/${item.ratingKey}`,
    guid: item.guid,
    librarySectionID: section.id,
    title: item.title,
    year: item.year,
    addedAt: section.createdAt + item.ratingKey * 600,
  }
  if (section.type === 'show' || section.type === 'artist') {
    return {
      tag: 'Directory',
      jsonTag: 'Metadata',
      attributes: { ...common, type: section.type },
      children: [{ tag: 'Location', attributes: { path: item.file } }],
    }
  }
  const container = item.file.slice(item.file.lastIndexOf('.') + 1)
  const part: ResponseElement = {
    tag: 'Part',
    attributes: {
      id: item.ratingKey * 10,
      key: `/library/parts/${item.ratingKey * 10}/file.${container}`,
      duration: section.type === 'photo' ? undefined : item.duration,
      file: item.file,
      size: item.size,
      container,
    },
  }
  return {
    tag: section.type === 'photo' ? 'Photo' : 'Video',
    jsonTag: 'Metadata',
    attributes: {
      ...common,
      type: section.type === 'photo' ? 'photo' : 'movie',
      duration: section.type === 'photo' ? undefined : item.duration,
    },
    children: [
      {
        tag: 'Media',
        attributes: {
          id: item.ratingKey * 10,
          duration: section.type === 'photo' ? undefined : item.duration,
          container,
        },
        children: [part],
      },
    ],
  }
}

function libraryPairs(url: URL): [string, string][] {
  const pairs: [string, string][] = []
  for (const [name, value] of url.searchParams) {
    const match = /^prefs\[(.+)\]$/.exec(name)
    if (match?.[1] !== undefined) {
      pairs.push([match[1], value])
    }
  }
  return pairs
}

async function editSection(
  world: DemoWorld,
  request: DemoRequest,
  id: number,
  agentRequired: boolean,
): Promise<DemoResponse> {
  const agent = request.url.searchParams.get('agent') ?? undefined
  if (agentRequired && agent === undefined) {
    return status(400, 'agent is required')
  }
  const edited = await world.libraries.edit(id, agent, libraryPairs(request.url))
  return edited.ok ? status(200) : status(edited.error.status, edited.error.message)
}

/** The library routes: sections, one section (read and edit), its prefs and its items. */
export function libraryRoutes(world: DemoWorld): DemoRoute[] {
  const find = (match: RegExpMatchArray): DemoSection | undefined =>
    world.libraries.section(Number(match[1]))
  return [
    {
      methods: ['GET'],
      pattern: /^\/library\/sections\/?$/,
      auth: 'token',
      handle: () => {
        const sections = world.libraries.sections()
        return {
          status: 200,
          element: {
            tag: 'MediaContainer',
            attributes: { size: sections.length, allowSync: false, title1: 'Plex Library' },
            children: sections.map(section => sectionElement(world, section)),
          },
        }
      },
    },
    {
      methods: ['GET', 'PUT'],
      pattern: /^\/library\/sections\/(\d+)\/?$/,
      auth: 'token',
      handle: (request, match) => {
        const section = find(match)
        if (section === undefined) {
          return status(404)
        }
        if (request.method === 'PUT') {
          return editSection(world, request, section.id, true)
        }
        return {
          status: 200,
          element: {
            tag: 'MediaContainer',
            attributes: { size: 1, allowSync: false, title1: 'Plex Library' },
            children: [sectionElement(world, section)],
          },
        }
      },
    },
    {
      methods: ['GET', 'PUT'],
      pattern: /^\/library\/sections\/(\d+)\/prefs\/?$/,
      auth: 'token',
      handle: (request, match) => {
        const section = find(match)
        if (section === undefined) {
          return status(404)
        }
        if (request.method === 'PUT') {
          return editSection(world, request, section.id, false)
        }
        return {
          status: 200,
          element: settingsContainer(world.libraries.prefs(section.id), id =>
            world.libraries.prefValue(section.id, id),
          ),
        }
      },
    },
    {
      // Plex's URL command for a library scan and refresh (support article 201638786).
      methods: ['GET', 'PUT', 'POST'],
      pattern: /^\/library\/sections\/(\d+|all)\/refresh\/?$/,
      auth: 'token',
      handle: (_request, match) => {
        if (match[1] === 'all') {
          world.refresh()
          return status(200)
        }
        const section = find(match)
        if (section === undefined) {
          return status(404)
        }
        world.refresh(section.id)
        return status(200)
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/library\/sections\/(\d+)\/all\/?$/,
      auth: 'token',
      handle: (_request, match) => {
        const section = find(match)
        if (section === undefined) {
          return status(404)
        }
        return {
          status: 200,
          element: {
            tag: 'MediaContainer',
            attributes: {
              size: section.items.length,
              allowSync: true,
              identifier: 'com.plexapp.plugins.library',
              librarySectionID: section.id,
              librarySectionTitle: section.title,
              librarySectionUUID: section.uuid,
              viewGroup: section.type === 'photo' ? 'photo' : section.type,
            },
            children: section.items.map(item => itemElement(section, item)),
          },
        }
      },
    },
  ]
}
