import type { PrivacyBridge } from '../../../../electron/common/api/contract'
import type { AppError } from '../../../../electron/common/api/errors'
import type { LogSource, OwnerServer } from '../../../../electron/common/api/remote-schemas'
import type { SliceCreator } from '../app-state'
import { idle, load, loading, unexpected, type Loadable } from '../loadable'

/** Signing in with Plex, the owner's servers from plex.tv, and where the log comes from. */
export interface RemoteSlice {
  /** Whether Hush holds a plex.tv token; null before it was asked. */
  readonly plexSignedIn: boolean | null
  /** The page the owner opens to allow Hush, while a sign-in waits for it. */
  readonly plexSignInLink: string | null
  readonly plexError: AppError | null
  readonly ownerServers: Loadable<readonly OwnerServer[]>
  readonly logSource: LogSource | null
  readonly plexAccountRequested: () => Promise<void>
  readonly plexSignInRequested: () => Promise<void>
  readonly plexSignOutRequested: () => Promise<void>
  readonly ownerServersRequested: () => Promise<void>
  /** Makes one of the owner's servers the active one. */
  readonly ownerServerChosen: (id: string) => Promise<void>
  readonly logSourceRequested: () => Promise<void>
  readonly logPullRequested: () => Promise<void>
}

/** Creates the remote slice. */
export function createRemoteSlice(bridge: PrivacyBridge): SliceCreator<RemoteSlice> {
  return (set, get) => {
    const failed = (error: unknown) => set({ plexError: unexpected(error) })
    return {
      plexSignedIn: null,
      plexSignInLink: null,
      plexError: null,
      ownerServers: idle,
      logSource: null,
      plexAccountRequested: async () => {
        try {
          const status = await bridge.call('account.status', {})
          set({ plexSignedIn: status.signedIn })
          if (status.signedIn) {
            await get().ownerServersRequested()
          }
        } catch (error) {
          failed(error)
        }
      },
      plexSignInRequested: async () => {
        set({ plexError: null })
        try {
          const started = await bridge.call('account.signIn', {})
          if (!started.ok) {
            set({ plexError: started.error })
            return
          }
          set({ plexSignInLink: started.value.link })
          // Ask again until the owner allows Hush at the link (each wait lasts up to 20 s).
          for (;;) {
            const waited = await bridge.call('account.signInWait', { pinId: started.value.pinId })
            if (!waited.ok) {
              set({ plexSignInLink: null, plexError: waited.error })
              return
            }
            if (waited.value.signedIn) {
              set({ plexSignInLink: null, plexSignedIn: true })
              await get().ownerServersRequested()
              return
            }
          }
        } catch (error) {
          set({ plexSignInLink: null })
          failed(error)
        }
      },
      plexSignOutRequested: async () => {
        try {
          const status = await bridge.call('account.signOut', {})
          set({ plexSignedIn: status.signedIn, ownerServers: idle, plexError: null })
        } catch (error) {
          failed(error)
        }
      },
      ownerServersRequested: async () => {
        set({ ownerServers: loading(get().ownerServers) })
        set({ ownerServers: await load(() => bridge.call('remote.servers', {})) })
      },
      ownerServerChosen: async id => {
        set({ plexError: null })
        try {
          const used = await bridge.call('remote.use', { server: id })
          if (!used.ok) {
            set({ plexError: used.error })
            return
          }
          await get().serverConnected(used.value)
          await Promise.all([get().serversRequested(), get().ownerServersRequested()])
        } catch (error) {
          failed(error)
        }
      },
      logSourceRequested: async () => {
        try {
          set({ logSource: await bridge.call('remote.logSource', {}) })
        } catch {
          set({ logSource: null })
        }
      },
      logPullRequested: async () => {
        try {
          await bridge.call('remote.pull', {})
        } finally {
          await get().logSourceRequested()
          await get().logRefreshed()
        }
      },
    }
  }
}
