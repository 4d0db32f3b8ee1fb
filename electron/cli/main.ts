import { environmentMessage } from '../node/files/system-error'
import { missingBuildMessage } from './missing-build'
import { createProcessIo } from './process-io'
import { runCli } from './run-cli'

// Entry of the `hush` bundle. Unexpected errors are bugs: one line, exit 1, the stack only with
// HUSH_DEBUG=1 so that an owner never sees a trace for an expected failure. The system refusing a
// file operation (no permission, a full disk, a file where a folder should be) is no bug, nor is
// a part of the installation gone missing: each is said as such.
const io = createProcessIo()
try {
  const code = await runCli(process.argv.slice(2), io)
  // Exit once stdout has drained: an idle keep-alive socket must not hold a finished command.
  process.stdout.write('', () => process.exit(code))
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  const expected = environmentMessage(error) ?? missingBuildMessage(error)
  process.stderr.write(
    expected !== null
      ? `hush: ${expected}\n`
      : `hush: internal error: ${message.replace(/\s*\n\s*/g, ' ')}\n`,
  )
  if (process.env.HUSH_DEBUG === '1' && error instanceof Error) {
    process.stderr.write(`${error.stack ?? ''}\n`)
  }
  process.exitCode = 1
}
