import type { Command } from './command'
import { demoCommand } from './commands/demo'
import { logParseCommand } from './commands/log-parse'
import { logImportCommand } from './commands/log-import'
import { logListCommand } from './commands/log-list'
import { logStatsCommand } from './commands/log-stats'
import { logExportCommand } from './commands/log-export'
import { discoverCommand } from './commands/discover'
import { statusCommand } from './commands/status'
import { planCommand } from './commands/plan'
import { applyCommand } from './commands/apply'
import { setCommand } from './commands/set'
import { undoCommand } from './commands/undo'
import { previewMatchingCommand } from './commands/preview-matching'
import { previewCrashReportsCommand } from './commands/preview-crash-reports'
import { previewRemoteAccessCommand } from './commands/preview-remote-access'
import { previewAccountCommand } from './commands/preview-account'
import { verifyCommand } from './commands/verify'
import { serveCommand } from './commands/serve'
import { driftCommand } from './commands/drift'
import { watchCommand } from './commands/watch'
import { overridesCommand } from './commands/overrides'
import { loginCommand, logoutCommand } from './commands/login'
import { serversCommand, serversUseCommand } from './commands/servers'
import { logPullCommand } from './commands/log-pull'

/**
 * Every `hush` command, in the order `hush --help` lists them.
 *
 * Each command lives in its own file under commands/; add it here to make it reachable.
 */
export const commandTable: readonly Command[] = [
  demoCommand,
  discoverCommand,
  loginCommand,
  logoutCommand,
  serversCommand,
  serversUseCommand,
  statusCommand,
  planCommand,
  applyCommand,
  setCommand,
  undoCommand,
  driftCommand,
  watchCommand,
  overridesCommand,
  logParseCommand,
  logImportCommand,
  logPullCommand,
  logListCommand,
  logStatsCommand,
  logExportCommand,
  previewMatchingCommand,
  previewRemoteAccessCommand,
  previewCrashReportsCommand,
  previewAccountCommand,
  verifyCommand,
  serveCommand,
]
