import type { CommandOptions } from '../command'

/** The options of the commands that use the plex.tv account (login, servers, log pull). */
export const accountOptions: CommandOptions = {
  'state-dir': { type: 'string' },
  'account-url': { type: 'string' },
  timeout: { type: 'string' },
}

/** The usage text of accountOptions. */
export const accountUsage = '[--state-dir DIR] [--account-url URL] [--timeout MS]'
