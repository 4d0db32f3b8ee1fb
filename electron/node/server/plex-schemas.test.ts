import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import { decode } from './plex-client'
import { identitySchema, rootSchema, sectionsSchema, settingsSchema } from './plex-schemas'
import { readCorpus } from './testing/corpus-dir'

function mustDecode<S extends z.ZodType>(
  schema: S,
  text: string,
  contentType: string | null = null,
) {
  const result = decode(schema, text, contentType, '/test')
  if (!result.ok) {
    throw new Error(result.error.message)
  }
  return result.value
}

/** The fenced code blocks of identity_samples.md, as they are. */
function identityBlocks(): string[] {
  const text = readCorpus('api/identity_samples.md')
  return [...text.matchAll(/```\n([\s\S]*?)```/g)].map(match => match[1] ?? '')
}

describe('server response parsers against the real corpus', () => {
  it('reads all 155 settings of a real /:/prefs JSON with typed values', () => {
    const settings = mustDecode(
      settingsSchema,
      readCorpus('api/plexapirs_pms_prefs.json'),
      'application/json',
    )
    expect(settings).toHaveLength(155)
    const crash = settings.find(setting => setting.id === 'sendCrashReports')
    expect(crash).toMatchObject({
      type: 'bool',
      default: true,
      value: true,
      hidden: false,
      group: 'general',
    })
    const secure = settings.find(setting => setting.id === 'secureConnections')
    expect(secure).toMatchObject({ type: 'int', default: 1, enumValues: '1:Preferred|0:Required' })
    const publish = settings.find(setting => setting.id === 'PublishServerOnPlexOnlineKey')
    expect(publish).toMatchObject({ hidden: true, default: false, value: true })
    const crf = settings.find(setting => setting.id === 'TranscoderH264MinimumCRF')
    expect(crf?.type).toBe('double')
    expect(crf?.default).toBe(16)
  })

  it('reads the real XML /:/prefs sample, entities and 0/1 booleans included', () => {
    const block = identityBlocks().find(text => text.includes('<Setting'))
    expect(block).toBeDefined()
    // The sample sits in a Go raw string: strip the author's literal "\n" markers, nothing else.
    const settings = mustDecode(settingsSchema, (block ?? '').replace(/\\n/g, ''))
    expect(settings.map(setting => setting.id)).toEqual([
      'FriendlyName',
      'sendCrashReports',
      'customConnections',
    ])
    expect(settings[0]?.summary).toContain("computer's name")
    expect(settings[1]).toMatchObject({ default: true, value: false, hidden: false })
    expect(settings[2]).toMatchObject({ advanced: true, value: '', group: 'network' })
  })

  it('reads every real /identity sample that is a whole XML document', () => {
    const documents = identityBlocks().filter(
      text => text.trim().startsWith('<?xml') && !text.includes('<Setting'),
    )
    expect(documents.length).toBeGreaterThanOrEqual(3)
    for (const document of documents) {
      // One sample sits in a Go raw string with the author's literal "\n" after the declaration.
      const identity = mustDecode(identitySchema, document.replace(/\\n/g, ''))
      expect(identity.machineIdentifier).toMatch(/^[0-9a-f]{40}$/)
      expect(identity.version).toMatch(/^1\.\d+\.\d+/)
      expect(identity.claimed).toBe(true)
    }
    const withApi = documents
      .map(document => mustDecode(identitySchema, document.replace(/\\n/g, '')))
      .find(id => id.apiVersion)
    expect(withApi?.apiVersion).toBe('1.1.1')
  })

  it('reads the JSON identity shape with a typed boolean', () => {
    const identity = mustDecode(
      identitySchema,
      '{"MediaContainer": {"size": 0, "claimed": true, "machineIdentifier": "623cbfe8a679d4d8c68a6ffe3608aca44e8da703", "version": "1.18.5.2309-f5213a238"}}',
    )
    expect(identity).toEqual({
      machineIdentifier: '623cbfe8a679d4d8c68a6ffe3608aca44e8da703',
      version: '1.18.5.2309-f5213a238',
      claimed: true,
      apiVersion: null,
    })
  })

  it('reads library sections from real XML, with agents and locations', () => {
    const sections = mustDecode(sectionsSchema, readCorpus('api/ha_library_sections.xml'))
    expect(sections.map(section => [section.key, section.type, section.agent])).toEqual([
      ['1', 'movie', 'com.plexapp.agents.imdb'],
      ['2', 'show', 'com.plexapp.agents.thetvdb'],
      ['3', 'artist', 'tv.plex.agents.music'],
    ])
    expect(sections[0]?.locations).toEqual(['/storage/movies'])
  })

  it('reads the server root from real XML', () => {
    const root = mustDecode(rootSchema, readCorpus('api/ha_plex_server_base.xml'))
    expect(root).toMatchObject({
      version: '1.20.4.3517-ab5e1197c',
      platform: 'Linux',
      myPlex: true,
      signInState: 'ok',
      mappingState: 'mapped',
      pushNotifications: false,
      photoAutoTag: true,
    })
  })

  it('turns a body that is not PMS output into a one-line badResponse', () => {
    const html = decode(
      identitySchema,
      '<html><body><h1>It works!</h1></body></html>',
      'text/html',
      '/identity',
    )
    expect(html.ok).toBe(false)
    const broken = decode(settingsSchema, '<MediaContainer><Setting id="a"', null, '/:/prefs')
    expect(broken).toMatchObject({ ok: false, error: { kind: 'badResponse' } })
    expect(broken.ok ? '' : broken.error.message).not.toContain('\n')
  })
})
