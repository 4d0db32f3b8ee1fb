import type { Command } from './command'

/**
 * A command as the table knows it before it is needed: the words that select it, and how to load
 * the rest. Loading only the command that runs keeps every `hush` start short: the whole command
 * line is 1.8 MB of bundle to compile, one command a fraction of it (scripts/build.mjs splits the
 * bundle at these imports).
 */
export interface CommandEntry {
  readonly name: string
  readonly load: () => Promise<Command>
}

/**
 * Every `hush` command, in the order `hush --help` lists them.
 *
 * Each command lives in its own file under commands/; add it here, under the name it declares, to
 * make it reachable (command-table.test.ts checks that the two names agree).
 */
export const commandTable: readonly CommandEntry[] = [
  { name: 'demo', load: async () => (await import('./commands/demo')).demoCommand },
  { name: 'discover', load: async () => (await import('./commands/discover')).discoverCommand },
  { name: 'login', load: async () => (await import('./commands/login')).loginCommand },
  { name: 'logout', load: async () => (await import('./commands/login')).logoutCommand },
  { name: 'servers', load: async () => (await import('./commands/servers')).serversCommand },
  { name: 'servers use', load: async () => (await import('./commands/servers')).serversUseCommand },
  { name: 'status', load: async () => (await import('./commands/status')).statusCommand },
  { name: 'plan', load: async () => (await import('./commands/plan')).planCommand },
  { name: 'apply', load: async () => (await import('./commands/apply')).applyCommand },
  { name: 'set', load: async () => (await import('./commands/set')).setCommand },
  { name: 'undo', load: async () => (await import('./commands/undo')).undoCommand },
  { name: 'drift', load: async () => (await import('./commands/drift')).driftCommand },
  { name: 'watch', load: async () => (await import('./commands/watch')).watchCommand },
  { name: 'overrides', load: async () => (await import('./commands/overrides')).overridesCommand },
  { name: 'log parse', load: async () => (await import('./commands/log-parse')).logParseCommand },
  {
    name: 'log import',
    load: async () => (await import('./commands/log-import')).logImportCommand,
  },
  { name: 'log pull', load: async () => (await import('./commands/log-pull')).logPullCommand },
  { name: 'log list', load: async () => (await import('./commands/log-list')).logListCommand },
  { name: 'log stats', load: async () => (await import('./commands/log-stats')).logStatsCommand },
  {
    name: 'log export',
    load: async () => (await import('./commands/log-export')).logExportCommand,
  },
  {
    name: 'preview matching',
    load: async () => (await import('./commands/preview-matching')).previewMatchingCommand,
  },
  {
    name: 'preview remote-access',
    load: async () => (await import('./commands/preview-remote-access')).previewRemoteAccessCommand,
  },
  {
    name: 'preview crash-reports',
    load: async () => (await import('./commands/preview-crash-reports')).previewCrashReportsCommand,
  },
  {
    name: 'preview account',
    load: async () => (await import('./commands/preview-account')).previewAccountCommand,
  },
  { name: 'verify', load: async () => (await import('./commands/verify')).verifyCommand },
  { name: 'serve', load: async () => (await import('./commands/serve')).serveCommand },
]
