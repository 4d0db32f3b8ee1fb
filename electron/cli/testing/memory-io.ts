import type { CliIo } from '../command'

/** A CliIo that records output, for running commands in-process in tests. */
export interface MemoryIo extends CliIo {
  readonly out: () => string
  readonly errText: () => string
  readonly abort: () => void
}

/** Creates a MemoryIo; `answers` are returned one by one from readLine (then null). */
export function createMemoryIo(
  options: {
    answers?: readonly string[]
    env?: Record<string, string | undefined>
    /** Whether the machine has other login accounts (see CliIo); not checked when absent. */
    otherLoginAccounts?: boolean
  } = {},
): MemoryIo {
  let stdout = ''
  let stderr = ''
  const answers = [...(options.answers ?? [])]
  const controller = new AbortController()
  return {
    stdout: text => {
      stdout += text
    },
    stderr: text => {
      stderr += text
    },
    readLine: () => Promise.resolve(answers.shift() ?? null),
    env: options.env ?? {},
    signal: controller.signal,
    ...(options.otherLoginAccounts === undefined
      ? {}
      : { otherLoginAccounts: () => Promise.resolve(options.otherLoginAccounts === true) }),
    out: () => stdout,
    errText: () => stderr,
    abort: () => controller.abort(),
  }
}
