import type { CommandRunner } from './command-runner'
import { storedPreferencesFrom, type StoredPreferences } from './read-preferences-xml'

/** Where PMS keeps its preferences on Windows. */
export const windowsRegistryKey = 'HKCU\\Software\\Plex, Inc.\\Plex Media Server'

/** Parses `reg query` output: `    Name    REG_SZ    Value` lines (names may hold spaces). */
export function parseRegQuery(output: string): Record<string, string> {
  const values: Record<string, string> = {}
  for (const line of output.split(/\r?\n/)) {
    const match = /^\s+(.+?)\s{2,}(REG_[A-Z_]+)(?:\s{2,}(.*))?$/.exec(line)
    if (!match) {
      continue
    }
    const [, name = '', type, raw = ''] = match
    values[name] =
      type === 'REG_DWORD' || type === 'REG_QWORD' ? String(Number.parseInt(raw, 16)) : raw.trim()
  }
  return values
}

/** Reads the PMS preferences from the Windows registry; null when the key is not there. */
export async function readWindowsRegistry(run: CommandRunner): Promise<StoredPreferences | null> {
  const output = await run('reg', ['query', windowsRegistryKey])
  if (!output.ok) {
    return null
  }
  const values = parseRegQuery(output.value)
  if (Object.keys(values).length === 0) {
    return null
  }
  return storedPreferencesFrom(values, `registry ${windowsRegistryKey}`, 'registry')
}
