import { exitCode, fail, type Command } from '../command'
import { withCommandCore } from '../command-core'
import { accountOptions, accountUsage } from './account-options'

/** How long one wait asks plex.tv before the command asks again (Ctrl-C ends it at any time). */
const waitMs = 20_000

/** `hush login`: sign in with Plex; prints the link, waits for the approval, keeps the token. */
export const loginCommand: Command = {
  name: 'login',
  summary: 'Sign in with Plex: open the link it prints and allow Hush',
  usage: accountUsage,
  options: accountOptions,
  run: context =>
    withCommandCore(context, {}, async ({ bridge }) => {
      const { io } = context
      const started = await bridge.call('account.signIn', {})
      if (!started.ok) {
        return fail(io, started.error.message)
      }
      io.stdout(
        `Open this page in a browser and allow Hush to use your Plex account:\n  ${started.value.link}\nWaiting for you to allow it (Ctrl-C cancels)…\n`,
      )
      for (;;) {
        const waited = await bridge.call('account.signInWait', {
          pinId: started.value.pinId,
          waitMs,
        })
        if (!waited.ok) {
          return fail(io, waited.error.message)
        }
        if (waited.value.signedIn) {
          io.stdout(
            'Signed in. The token is kept in Hush’s state folder (owner-only); run `hush servers` to pick a server.\n',
          )
          return exitCode.ok
        }
      }
    }),
}

/** `hush logout`: forgets the plex.tv account token. */
export const logoutCommand: Command = {
  name: 'logout',
  summary: 'Forget the plex.tv sign-in',
  usage: '[--state-dir DIR]',
  options: { 'state-dir': { type: 'string' } },
  run: context =>
    withCommandCore(context, {}, async ({ bridge }) => {
      const before = await bridge.call('account.status', {})
      await bridge.call('account.signOut', {})
      context.io.stdout(
        before.signedIn
          ? 'Signed out: Hush forgot the plex.tv token.\n'
          : 'Hush was not signed in.\n',
      )
      return exitCode.ok
    }),
}
