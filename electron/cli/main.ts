import { createProcessIo } from './process-io'
import { runCli } from './run-cli'

// Entry of the `hush` bundle. Unexpected errors are bugs: one line, exit 1, the stack only with
// HUSH_DEBUG=1 so that an owner never sees a trace for an expected failure.
const io = createProcessIo()
try {
  const code = await runCli(process.argv.slice(2), io)
  // Exit once stdout has drained: an idle keep-alive socket must not hold a finished command.
  process.stdout.write('', () => process.exit(code))
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`hush: internal error: ${message}\n`)
  if (process.env.HUSH_DEBUG === '1' && error instanceof Error) {
    process.stderr.write(`${error.stack ?? ''}\n`)
  }
  process.exitCode = 1
}
