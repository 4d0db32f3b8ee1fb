import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

/** The server's main log and its rotated copies, oldest first (`.5.log` … `.1.log`, then the live one). */
export async function serverLogFiles(dataDir: string): Promise<string[]> {
  const logs = join(dataDir, 'Logs')
  let names: string[]
  try {
    names = await readdir(logs)
  } catch {
    return []
  }
  const rotated = names
    .map(name => /^Plex Media Server\.(\d+)\.log$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]))
    .map(match => join(logs, match[0]))
  return names.includes('Plex Media Server.log')
    ? [...rotated, join(logs, 'Plex Media Server.log')]
    : rotated
}
