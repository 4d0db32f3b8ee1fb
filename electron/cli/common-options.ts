import type { CommandOptions } from './command'

/** Options every command that talks to a server accepts (docs/architecture.md §4). */
export const connectionOptions: CommandOptions = {
  server: { type: 'string' },
  token: { type: 'string' },
  'token-file': { type: 'string' },
  'data-dir': { type: 'string' },
  'state-dir': { type: 'string' },
  'account-url': { type: 'string' },
  timeout: { type: 'string' },
}

/** Options every command accepts. */
export const globalOptions: CommandOptions = {
  help: { type: 'boolean', short: 'h' },
}

/** The usage text of the connection options. */
export const connectionUsage =
  '[--server URL] [--token-file PATH | --token T] [--data-dir DIR] [--state-dir DIR] [--account-url URL] [--timeout MS]'
