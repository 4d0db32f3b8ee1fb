import type { Command } from './command'

/**
 * Every `hush` command, in the order `hush --help` lists them.
 *
 * Each command lives in its own file under commands/; add it here to make it reachable.
 */
export const commandTable: readonly Command[] = []
