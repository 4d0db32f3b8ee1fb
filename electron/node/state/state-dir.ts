import { homedir } from 'node:os'
import { join } from 'node:path'

/** Where Hush keeps its own settings, outbound-log database, snapshots and audit trail. */
export function resolveStateDir(
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (explicit) {
    return explicit
  }
  if (env.HUSH_STATE_DIR) {
    return env.HUSH_STATE_DIR
  }
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Hush')
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Hush')
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'hush')
  }
}
