import { writeFileAtomic } from '../node/files/write-file-atomic'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { err, ok, type Result } from '../common/util/result'
import type { DemoAgent } from './agents'
import { mediaTypeOf } from './agents'
import type { DemoSection } from './library-fixture'
import { libraryPrefsFor } from './library-prefs'
import { parseSettingValue, storedText } from './pref-values'
import type { PrefsWriteError } from './preferences-store'
import type { SettingDefinition, SettingValue } from './setting-types'

/** The agent and library prefs of each section, persisted across restarts. */
export interface LibraryStore {
  readonly file: string
  readonly sections: () => readonly DemoSection[]
  readonly section: (id: number) => DemoSection | undefined
  readonly agent: (id: number) => string
  readonly prefs: (id: number) => readonly SettingDefinition[]
  readonly prefValue: (id: number, prefId: string) => SettingValue
  /** Changes a section's agent and prefs; validates everything first and changes nothing on error. */
  readonly edit: (
    id: number,
    agent: string | undefined,
    pairs: readonly (readonly [string, string])[],
  ) => Promise<Result<string[], PrefsWriteError>>
}

interface StoredSection {
  agent: string
  prefs: Record<string, string>
}

/**
 * Opens the library state of the demo. The real server keeps it in its SQLite database; the demo
 * keeps `Plug-in Support/Databases/demo-libraries.json` so that a restart keeps every change.
 */
export async function openLibraryStore(
  dataDir: string,
  fixture: readonly DemoSection[],
  agents: () => readonly DemoAgent[],
): Promise<Result<LibraryStore, string>> {
  const file = join(dataDir, 'Plug-in Support', 'Databases', 'demo-libraries.json')
  const state = new Map<number, StoredSection>(
    fixture.map(s => [s.id, { agent: s.agent, prefs: { ...s.initialPrefs } }]),
  )
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as Record<string, StoredSection>
    for (const [id, entry] of Object.entries(saved)) {
      if (state.has(Number(id)) && typeof entry.agent === 'string') {
        state.set(Number(id), { agent: entry.agent, prefs: { ...entry.prefs } })
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      return err(`cannot read ${file}: ${(error as Error).message}`)
    }
  }
  const byId = new Map(fixture.map(s => [s.id, s]))
  const entry = (id: number): StoredSection => {
    const found = state.get(id)
    if (found === undefined) {
      throw new Error(`no section ${id}`)
    }
    return found
  }
  const persist = async (): Promise<void> => {
    await writeFileAtomic(file, JSON.stringify(Object.fromEntries(state), null, 2))
  }
  const prefs = (id: number): readonly SettingDefinition[] => {
    const section = byId.get(id)
    return section === undefined ? [] : libraryPrefsFor(section.type)
  }
  const prefValue = (id: number, prefId: string): SettingValue => {
    const definition = prefs(id).find(p => p.id === prefId)
    if (definition === undefined) {
      throw new Error(`no library pref ${prefId}`)
    }
    const stored = entry(id).prefs[prefId]
    const parsed = stored === undefined ? undefined : parseSettingValue(definition, stored)
    return parsed?.ok === true ? parsed.value : definition.default
  }
  const store: LibraryStore = {
    file,
    sections: () => fixture,
    section: id => byId.get(id),
    agent: id => entry(id).agent,
    prefs,
    prefValue,
    edit: async (id, agent, pairs) => {
      const section = byId.get(id)
      if (section === undefined) {
        return err({ status: 404, message: `no library section ${id}` })
      }
      if (agent !== undefined) {
        const known = agents().find(a => a.identifier === agent)
        if (known === undefined || !known.mediaTypes.includes(mediaTypeOf[section.type])) {
          return err({ status: 400, message: `agent ${agent} cannot be used for this library` })
        }
      }
      const parsed: [SettingDefinition, SettingValue][] = []
      for (const [prefId, raw] of pairs) {
        const definition = prefs(id).find(p => p.id === prefId)
        if (definition === undefined) {
          return err({ status: 400, message: `unknown library preference ${prefId}` })
        }
        const result = parseSettingValue(definition, raw)
        if (!result.ok) {
          return err({ status: 400, message: result.error })
        }
        parsed.push([definition, result.value])
      }
      const changed: string[] = []
      const stored = entry(id)
      if (agent !== undefined && agent !== stored.agent) {
        changed.push('agent')
        stored.agent = agent
      }
      for (const [definition, value] of parsed) {
        if (prefValue(id, definition.id) !== value) {
          changed.push(definition.id)
        }
        stored.prefs[definition.id] = storedText(value)
      }
      await persist()
      return ok(changed)
    },
  }
  return ok(store)
}
