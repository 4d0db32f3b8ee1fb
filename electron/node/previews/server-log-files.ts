import { join } from 'node:path'
import { serverLogsOldestFirst } from '../outbound/import/log-files'

/** The server's main log and its rotated copies under `<dataDir>/Logs`, oldest first; none when the folder is missing. */
export function serverLogFiles(dataDir: string): Promise<string[]> {
  return serverLogsOldestFirst(join(dataDir, 'Logs')).catch(() => [])
}
