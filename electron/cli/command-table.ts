import type { Command } from './command'
import { logParseCommand } from './commands/log-parse'
import { discoverCommand } from './commands/discover'

/**
 * Every `hush` command, in the order `hush --help` lists them.
 *
 * Each command lives in its own file under commands/; add it here to make it reachable.
 */
export const commandTable: readonly Command[] = [discoverCommand, logParseCommand]
