import { writeFileAtomic } from '../files/write-file-atomic'
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { arch, platform, release } from 'node:os'
import { join } from 'node:path'

/** The product version sent in `X-Plex-Version`. */
export const hushVersion = '0.1.0'

/** The `X-Plex-*` headers that identify Hush to a server and to plex.tv. */
export function plexIdentificationHeaders(clientIdentifier: string): Record<string, string> {
  return {
    'X-Plex-Product': 'Hush',
    'X-Plex-Version': hushVersion,
    'X-Plex-Client-Identifier': clientIdentifier,
    'X-Plex-Platform': 'Node.js',
    'X-Plex-Platform-Version': process.versions.node,
    'X-Plex-Device': `${platform()} ${release()}`,
    'X-Plex-Device-Name': 'Hush',
    'X-Plex-Model': arch(),
    'X-Plex-Provides': 'controller',
  }
}

const fileName = 'client-identifier'

/**
 * The stable client identifier of this Hush install, kept in Hush's state folder so that the
 * server sees one device, not a new one per run. Created on first use.
 */
export async function loadClientIdentifier(stateDir: string): Promise<string> {
  const file = join(stateDir, fileName)
  try {
    const stored = (await readFile(file, 'utf8')).trim()
    if (/^[A-Za-z0-9-]{8,64}$/.test(stored)) {
      return stored
    }
  } catch {
    // Not there yet (or unreadable): make a new one below.
  }
  const created = `hush-${randomUUID()}`
  await writeFileAtomic(file, `${created}\n`)
  return created
}
