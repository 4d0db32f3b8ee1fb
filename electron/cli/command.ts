import type { ParseArgsConfig } from 'node:util'

/** Where a command reads and writes; injected so commands run in tests without a child process. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Reads one line of the owner's answer, or null when there is no interactive input. */
  readonly readLine: () => Promise<string | null>
  readonly env: Readonly<Record<string, string | undefined>>
  /** Aborted when the owner presses Ctrl-C; long-running commands stop cleanly on it. */
  readonly signal: AbortSignal
  /**
   * Whether people other than the current user can log in to this machine (and see another
   * process' command line); absent: not checked.
   */
  readonly otherLoginAccounts?: () => Promise<boolean>
}

/** The parsed command line handed to a command. */
export interface CommandContext {
  readonly positionals: readonly string[]
  readonly options: Readonly<Record<string, string | boolean | undefined>>
  readonly io: CliIo
}

/** The option table of a command, in node:util parseArgs form. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>

/** One `hush` command (or sub-command such as `log parse`). */
export interface Command {
  /** The words that select it, e.g. `demo` or `log parse`. */
  readonly name: string
  readonly summary: string
  /** The argument part of the usage line, e.g. `<profile> [--yes] [--json]`. */
  readonly usage: string
  readonly options: CommandOptions
  /** Whether the command takes the common server options (--server, --token, …). */
  readonly connects?: boolean
  readonly run: (context: CommandContext) => Promise<number>
}

/** A wrong command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** Exit codes of every command. */
export const exitCode = { ok: 0, failure: 1, usage: 2 } as const

/** Prints a one-line failure reason to stderr and returns exit code 1. */
export function fail(io: CliIo, message: string): number {
  io.stderr(`hush: ${message.replace(/\s*\n\s*/g, ' ')}\n`)
  return exitCode.failure
}

/** Prints a value as one JSON document. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`)
}

/** Reads a string option, or undefined. */
export function stringOption(context: CommandContext, name: string): string | undefined {
  const value = context.options[name]
  return typeof value === 'string' ? value : undefined
}

/** Reads a boolean flag. */
export function flagOption(context: CommandContext, name: string): boolean {
  return context.options[name] === true
}

/** Reads a whole-number option, or the fallback; a malformed number is a usage error. */
export function integerOption(context: CommandContext, name: string, fallback: number): number {
  const raw = stringOption(context, name)
  if (raw === undefined) {
    return fallback
  }
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new UsageError(`--${name} takes a whole number, not "${raw}"`)
  }
  return value
}
