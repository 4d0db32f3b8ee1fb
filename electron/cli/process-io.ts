import { createInterface } from 'node:readline'
import { runCommand } from '../node/server/discovery/command-runner'
import { hasOtherLoginAccounts } from '../node/state/other-accounts'
import type { CliIo } from './command'

/** The CliIo of the real process: stdout, stderr, stdin and Ctrl-C. */
export function createProcessIo(): CliIo {
  const controller = new AbortController()
  process.once('SIGINT', () => controller.abort())
  process.once('SIGTERM', () => controller.abort())
  let lines: AsyncIterator<string> | undefined
  let prompt: ReturnType<typeof createInterface> | undefined
  return {
    stdout: text => {
      process.stdout.write(text)
    },
    stderr: text => {
      process.stderr.write(text)
    },
    readLine: async () => {
      if (!process.stdin.isTTY && process.stdin.readableEnded) {
        return null
      }
      if (controller.signal.aborted) {
        return null
      }
      if (!prompt) {
        prompt = createInterface({ input: process.stdin })
        // In a terminal readline takes Ctrl-C itself: it cancels the question like a SIGINT.
        prompt.on('SIGINT', () => controller.abort())
        lines = prompt[Symbol.asyncIterator]()
      }
      const cancelled = new Promise<null>(resolve =>
        controller.signal.addEventListener('abort', () => resolve(null), { once: true }),
      )
      const next = await Promise.race([(lines as AsyncIterator<string>).next(), cancelled])
      return next === null || next.done ? null : next.value
    },
    env: process.env,
    signal: controller.signal,
    otherLoginAccounts: () => hasOtherLoginAccounts(runCommand),
  }
}
