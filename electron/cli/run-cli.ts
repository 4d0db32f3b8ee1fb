import { parseArgs } from 'node:util'
import { hushVersion } from '../common/hush-version'
import { commandTable, type CommandEntry } from './command-table'
import { connectionOptions, connectionUsage, globalOptions } from './common-options'
import { exitCode, UsageError, type CliIo, type Command } from './command'
import { tokenHelp, warnAboutTokenOption } from './token-warning'

/** Finds the command selected by the leading words of argv (longest name wins). */
function findCommand(argv: readonly string[]): { entry: CommandEntry; rest: string[] } | undefined {
  let best: { entry: CommandEntry; rest: string[] } | undefined
  for (const entry of commandTable) {
    const words = entry.name.split(' ')
    const matches = words.every((word, index) => argv[index] === word)
    if (matches && (!best || words.length > best.entry.name.split(' ').length)) {
      best = { entry, rest: argv.slice(words.length) }
    }
  }
  return best
}

/** The usage line of one command. */
export function usageLine(command: Command): string {
  const common = command.connects ? ` ${connectionUsage}` : ''
  return `hush ${command.name} ${command.usage}${common}`.replace(/\s+/g, ' ').trim()
}

/** The help text that lists every command (which loads them all, for their summaries). */
export async function helpText(): Promise<string> {
  const commands = await Promise.all(commandTable.map(entry => entry.load()))
  const width = Math.max(...commands.map(c => c.name.length))
  const lines = commands.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`)
  return [
    'Hush: see what your Plex Media Server sends upstream, and turn it off in one place.',
    '',
    'Usage: hush <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options for commands that talk to a server:',
    '  --server URL             a server to use instead of discovering the local one',
    '  --token-file PATH        a file holding its token (keep it private: chmod 600)',
    '  --token T                the token itself: other users of this machine can see it in ps;',
    '                           prefer --token-file, or the HUSH_TOKEN variable',
    "  --data-dir DIR           the server's data folder (Preferences.xml, Logs/, Crash Reports/)",
    "  --state-dir DIR          Hush's own settings, database and snapshots",
    '  --account-url URL        the plex.tv API to use for account-level switches',
    '',
    'Run `hush <command> --help` for one command. Exit codes: 0 ok, 1 failure, 2 usage error.',
    '',
  ].join('\n')
}

/** Runs the `hush` command line and resolves to its exit code; never throws for a usage error. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(await helpText())
    return argv.length === 0 ? exitCode.usage : exitCode.ok
  }
  if (argv[0] === '--version') {
    io.stdout(`hush ${hushVersion}\n`)
    return exitCode.ok
  }
  const found = findCommand(argv)
  if (!found) {
    io.stderr(`hush: unknown command "${argv.join(' ')}"; run \`hush --help\`\n`)
    return exitCode.usage
  }
  const { rest } = found
  const command = await found.entry.load()
  try {
    const parsed = parseArgs({
      args: rest,
      options: {
        ...globalOptions,
        ...(command.connects ? connectionOptions : {}),
        ...command.options,
      },
      allowPositionals: true,
      strict: true,
    })
    if (parsed.values.help === true) {
      const tokens = command.connects ? `\n${tokenHelp}\n` : ''
      io.stdout(`Usage: ${usageLine(command)}\n\n${command.summary}\n${tokens}`)
      return exitCode.ok
    }
    if (command.connects && typeof parsed.values.token === 'string') {
      await warnAboutTokenOption(io)
    }
    return await command.run({
      positionals: parsed.positionals,
      options: parsed.values as Record<string, string | boolean | undefined>,
      io,
    })
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`hush: ${(error as Error).message}\nUsage: ${usageLine(command)}\n`)
      return exitCode.usage
    }
    throw error
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}
