import { join, win32 } from 'node:path'

/** The name of the server's data folder inside its application-support parent. */
export const pmsFolderName = 'Plex Media Server'

/** What the data-folder search depends on; injected so every platform is testable on Linux. */
export interface DiscoveryPlatform {
  readonly platform: NodeJS.Platform
  readonly env: Readonly<Record<string, string | undefined>>
  readonly home: string
}

/**
 * The folders where a PMS data folder may be, most specific first (reference §3.1):
 * `PLEX_MEDIA_SERVER_APPLICATION_SUPPORT_DIR`, then the platform's defaults (Linux packages and
 * both Docker images on Linux; `~/Library/Application Support` on macOS; `%LOCALAPPDATA%` on
 * Windows, or the registry's `LocalAppDataPath` when it moved the folder).
 */
export function dataDirCandidates(
  host: DiscoveryPlatform,
  localAppDataPath: string | null = null,
): string[] {
  const candidates: string[] = []
  const override = host.env.PLEX_MEDIA_SERVER_APPLICATION_SUPPORT_DIR
  if (override) {
    candidates.push(
      host.platform === 'win32'
        ? win32.join(override, pmsFolderName)
        : join(override, pmsFolderName),
    )
  }
  switch (host.platform) {
    case 'win32': {
      const local = host.env.LOCALAPPDATA ?? win32.join(host.home, 'AppData', 'Local')
      if (localAppDataPath) {
        candidates.push(win32.join(localAppDataPath, pmsFolderName))
      }
      candidates.push(win32.join(local, pmsFolderName))
      break
    }
    case 'darwin':
      candidates.push(join(host.home, 'Library', 'Application Support', pmsFolderName))
      break
    default:
      candidates.push(
        join('/var/lib/plexmediaserver/Library/Application Support', pmsFolderName),
        join('/config/Library/Application Support', pmsFolderName),
        join(host.home, 'Library', 'Application Support', pmsFolderName),
      )
  }
  return [...new Set(candidates)]
}
