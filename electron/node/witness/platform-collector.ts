import type { Collector } from './collector'
import { createDarwinCollector } from './darwin-collector'
import { createLinuxCollector } from './linux-collector'
import { createWindowsCollector } from './windows-collector'
import { notice } from './witness-notice'

/** The collector of this operating system (Linux, macOS, Windows); elsewhere one that says so. */
export function createPlatformCollector(platform: NodeJS.Platform = process.platform): Collector {
  switch (platform) {
    case 'linux':
      return createLinuxCollector()
    case 'darwin':
      return createDarwinCollector()
    case 'win32':
      return createWindowsCollector()
    default:
      return () =>
        Promise.resolve({
          sockets: [],
          notices: [
            notice('unsupported', platform, `Hush cannot watch connections on ${platform} yet`),
          ],
        })
  }
}
