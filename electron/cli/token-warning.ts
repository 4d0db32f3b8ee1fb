import type { CliIo } from './command'

/** How to give a token without showing it to the machine's other users (each command's --help). */
export const tokenHelp = [
  'The token: --token-file PATH (a file holding it, chmod 600), or the HUSH_TOKEN variable;',
  '--token T also works, but other users of this machine can see it in ps.',
].join('\n')

/** The warning printed when `--token` is used on a machine where others can log in. */
export const tokenOptionWarning =
  'hush: warning: --token shows the token to the other users of this machine (ps, /proc); use --token-file PATH or the HUSH_TOKEN variable instead\n'

/** Prints tokenOptionWarning when people other than the current user can log in here. */
export async function warnAboutTokenOption(io: CliIo): Promise<void> {
  if ((await io.otherLoginAccounts?.()) === true) {
    io.stderr(tokenOptionWarning)
  }
}
