import { writeFileAtomic } from '../node/files/write-file-atomic'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** The value of one Online Media Sources opt-out. */
export type OptOutValue = 'opt_in' | 'opt_out' | 'opt_out_managed'

/** The plex.tv account-level settings the demo serves (reference §5). */
export interface AccountSettings {
  uuid: string
  optOutPlayback: boolean
  optOutLibraryStats: boolean
  viewStateSync: boolean
  optOuts: Record<string, OptOutValue>
  webhooks: string[]
}

/** The account state and its persistence (`<dataDir>/Plug-in Support/Databases/demo-account.json`). */
export interface AccountState {
  readonly settings: () => Readonly<AccountSettings>
  readonly update: (change: (settings: AccountSettings) => void) => Promise<void>
}

/** The Online Media Sources keys the demo knows (reference §5.2; only music and news are verified). */
export const optOutKeys: readonly string[] = [
  'tv.plex.provider.podcasts',
  'tv.plex.provider.music',
  'tv.plex.provider.vod',
  'tv.plex.provider.webshows',
  'tv.plex.provider.news',
  'tv.plex.provider.epg',
  'tv.plex.provider.discover',
]

/** Opens (or creates) the demo account. */
export async function openAccountState(dataDir: string, uuid: string): Promise<AccountState> {
  const file = join(dataDir, 'Plug-in Support', 'Databases', 'demo-account.json')
  let settings: AccountSettings = {
    uuid,
    optOutPlayback: false,
    optOutLibraryStats: false,
    viewStateSync: true,
    optOuts: Object.fromEntries(optOutKeys.map(key => [key, 'opt_in'])),
    webhooks: ['https://hooks.example.net/plex'],
  }
  try {
    settings = { ...settings, ...(JSON.parse(await readFile(file, 'utf8')) as AccountSettings) }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`cannot read ${file}: ${(error as Error).message}`)
    }
  }
  const persist = async (): Promise<void> => {
    await writeFileAtomic(file, JSON.stringify(settings, null, 2))
  }
  return {
    settings: () => settings,
    update: async change => {
      change(settings)
      await persist()
    },
  }
}
