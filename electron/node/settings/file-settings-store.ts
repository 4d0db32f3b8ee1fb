import { join } from 'node:path'
import * as z from 'zod'
import { appSettingsSchema, defaultAppSettings } from '../../common/api/settings-schemas'
import { readJsonFile, writeJsonFile } from '../files/json-file'
import type { SettingsStore } from '../service/ports'

// Settings an older file did not have yet are filled in from the defaults before validation.
const storedSettingsSchema = z.preprocess(
  raw => ({ ...defaultAppSettings, ...(typeof raw === 'object' ? raw : {}) }),
  appSettingsSchema,
)

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
      const read = await readJsonFile(path, storedSettingsSchema, defaultAppSettings)
      if (read.status === 'repaired') {
        onRepair(read.movedTo)
      }
      return read.value
    },
    write: settings => writeJsonFile(path, appSettingsSchema.parse(settings)),
  }
}
