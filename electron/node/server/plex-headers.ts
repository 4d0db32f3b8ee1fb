import { randomUUID } from 'node:crypto'
import { hushVersion } from '../../common/hush-version'
import { securePrivateTreeSync } from '../files/private-files'
import { readRegularFile } from '../files/regular-file'
import { writeFileAtomic } from '../files/write-file-atomic'
import { arch, platform, release } from 'node:os'
import { join } from 'node:path'

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
 * server sees one device, not a new one per run. Created on first use. Every command that talks
 * to a server passes here first, so this is also where the state folder is made private.
 */
export async function loadClientIdentifier(stateDir: string): Promise<string> {
  securePrivateTreeSync(stateDir)
  const file = join(stateDir, fileName)
  const read = await readRegularFile(file, 1024)
  const stored = read.ok ? read.value.trim() : ''
  if (/^[A-Za-z0-9-]{8,64}$/.test(stored)) {
    return stored
  }
  const created = `hush-${randomUUID()}`
  await writeFileAtomic(file, `${created}\n`)
  return created
}
