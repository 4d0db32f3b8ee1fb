import { createInterface } from 'node:readline'
import type { CliIo } from './command'

/** The CliIo of the real process: stdout, stderr, stdin and Ctrl-C. */
export function createProcessIo(): CliIo {
  const controller = new AbortController()
  process.once('SIGINT', () => controller.abort())
  process.once('SIGTERM', () => controller.abort())
  let lines: AsyncIterator<string> | undefined
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
      lines ??= createInterface({ input: process.stdin })[Symbol.asyncIterator]()
      const next = await lines.next()
      return next.done ? null : next.value
    },
    env: process.env,
    signal: controller.signal,
  }
}
