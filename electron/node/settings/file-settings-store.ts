import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import {
  appSettingsSchema,
  defaultAppSettings,
  type AppSettings,
} from '../../common/api/settings-schemas'
import { writeFileAtomic } from '../files/write-file-atomic'
import type { SettingsStore } from '../service/ports'

/** What happened when the settings file was read. */
export type SettingsReadNote = 'fresh' | 'loaded' | 'repaired'

/**
 * The owner's Hush settings in `<stateDir>/settings.json`.
 *
 * A corrupt or invalid file is moved aside as `settings.corrupt-<time>.json` (nothing is lost) and
 * Hush starts from defaults; `onRepair` is told so that the owner can be warned.
 */
export function createFileSettingsStore(
  stateDir: string,
  onRepair: (movedTo: string) => void = () => {},
): SettingsStore {
  const path = join(stateDir, 'settings.json')
  return {
    async read() {
      let raw: string
      try {
        raw = await readFile(path, 'utf8')
      } catch {
        return defaultAppSettings
      }
      const parsed = safeParse(raw)
      if (parsed) {
        return parsed
      }
      const movedTo = join(stateDir, `settings.corrupt-${Date.now()}.json`)
      await rename(path, movedTo)
      onRepair(movedTo)
      return defaultAppSettings
    },
    write: (settings: AppSettings) =>
      writeFileAtomic(path, `${JSON.stringify(appSettingsSchema.parse(settings), null, 2)}\n`),
  }
}

function safeParse(raw: string): AppSettings | undefined {
  try {
    const result = appSettingsSchema.safeParse({
      ...defaultAppSettings,
      ...(JSON.parse(raw) as object),
    })
    return result.success ? result.data : undefined
  } catch {
    return undefined
  }
}
