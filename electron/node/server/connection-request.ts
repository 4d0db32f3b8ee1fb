import { resolveStateDir } from '../state/state-dir'
import type { ConnectionRequest } from './resolve-connection'

/** Parsed command-line options, as a face hands them over. */
export type OptionValues = Readonly<Record<string, string | boolean | undefined>>

function text(options: OptionValues, name: string): string | undefined {
  const value = options[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

/**
 * Builds a ConnectionRequest from the common options (`--server`, `--token`, `--token-file`,
 * `--data-dir`, `--state-dir`); the caller parses `--timeout` (a malformed number is its usage error).
 */
export function connectionRequestFrom(
  options: OptionValues,
  env: Readonly<Record<string, string | undefined>>,
  extras: { readonly timeoutMs?: number; readonly signal?: AbortSignal } = {},
): ConnectionRequest {
  return {
    server: text(options, 'server'),
    token: text(options, 'token'),
    tokenFile: text(options, 'token-file'),
    dataDir: text(options, 'data-dir'),
    stateDir: resolveStateDir(text(options, 'state-dir'), env),
    env,
    timeoutMs: extras.timeoutMs,
    signal: extras.signal,
  }
}
