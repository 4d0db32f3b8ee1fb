/** How a smoke run was asked for: where its JSON line and screenshot go, and its time limit. */
export interface SmokeOptions {
  /** A file that receives the JSON line too (a Windows GUI app may have no stdout). */
  readonly outFile: string | null
  /** A PNG of the window once the Overview shows live values. */
  readonly screenshot: string | null
  readonly timeoutMs: number
}

/** The whole run's limit when none is given: generous for a cold CI runner. */
export const defaultSmokeTimeoutMs = 120_000

/** The value of `--name=value` in argv, if present. */
function flag(argv: readonly string[], name: string): string | null {
  const prefix = `--${name}=`
  const found = argv.find(arg => arg.startsWith(prefix))
  return found === undefined ? null : found.slice(prefix.length)
}

/**
 * The smoke options when `--smoke` or `HUSH_SMOKE=1` asks for a smoke run, else null. Files come
 * from `--smoke-out=` / `HUSH_SMOKE_OUT` and `--smoke-screenshot=` / `HUSH_SMOKE_SCREENSHOT`.
 */
export function smokeOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): SmokeOptions | null {
  if (!argv.includes('--smoke') && env.HUSH_SMOKE !== '1') {
    return null
  }
  const timeout = Number(flag(argv, 'smoke-timeout-ms') ?? env.HUSH_SMOKE_TIMEOUT_MS)
  return {
    outFile: flag(argv, 'smoke-out') ?? env.HUSH_SMOKE_OUT ?? null,
    screenshot: flag(argv, 'smoke-screenshot') ?? env.HUSH_SMOKE_SCREENSHOT ?? null,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : defaultSmokeTimeoutMs,
  }
}
