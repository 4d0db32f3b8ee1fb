import { execFile } from 'node:child_process'
import { err, ok, type Result } from '../../../common/util/result'

/** Runs a program with arguments and resolves to its stdout, or a short reason it failed. */
export type CommandRunner = (
  file: string,
  args: readonly string[],
) => Promise<Result<string, string>>

/** The real runner (execFile, no shell, 5 s limit). Tests inject their own. */
export const runCommand: CommandRunner = (file, args) =>
  new Promise(resolve => {
    execFile(
      file,
      [...args],
      { timeout: 5000, windowsHide: true, encoding: 'utf8' },
      (error, stdout) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code
          resolve(
            err(
              code === 'ENOENT'
                ? `${file} is not installed`
                : `${file} failed (${String(code ?? error.message)})`,
            ),
          )
          return
        }
        resolve(ok(stdout))
      },
    )
  })
