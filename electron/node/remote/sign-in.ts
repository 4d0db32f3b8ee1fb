import { appError, type AppError } from '../../common/api/errors'
import { err, ok, type Result } from '../../common/util/result'
import type { PlexPins } from './plex-pins'

/** Plex's own sign-in page, where the owner approves a PIN (reference §5.5). */
export const plexAuthPage = 'https://app.plex.tv/auth'

/**
 * The page the owner opens to approve a PIN: Plex's auth page with the client id and code in the
 * fragment, as Plex's own apps send them. For a stand-in account service (the demo) its own page.
 */
export function authLink(accountUrl: string, clientIdentifier: string, code: string): string {
  const page = /^https:\/\/(?:[a-z0-9-]+\.)?plex\.tv\/?$/i.test(accountUrl)
    ? plexAuthPage
    : `${accountUrl.replace(/\/+$/, '')}/auth`
  const fragment = new URLSearchParams({
    clientID: clientIdentifier,
    code,
    'context[device][product]': 'Hush',
  })
  return `${page}#?${fragment.toString()}`
}

/** Options of signInWithPlex. */
export interface SignInOptions {
  readonly pins: PlexPins
  readonly accountUrl: string
  readonly clientIdentifier: string
  /** Told the link to open once the PIN exists (the CLI prints it, the desktop opens a browser). */
  readonly onLink: (link: string) => void
  /** How often to ask plex.tv whether the owner approved (plex.tv's own clients ask every second). */
  readonly pollMs?: number
  readonly signal?: AbortSignal
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true },
    )
  })
}

/** Options of waitForApproval. */
export interface ApprovalWait {
  readonly pollMs?: number
  readonly signal?: AbortSignal
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Stop asking at this time (ms since the epoch) and answer null: the owner has not approved yet. */
  readonly until?: number
}

/**
 * Asks plex.tv about a PIN until it carries the account's token (resolves to it), expires (or the
 * owner refused, which leaves it to expire), the owner gives up, or `until` passes (null).
 */
export async function waitForApproval(
  pins: PlexPins,
  pinId: number,
  options: ApprovalWait = {},
): Promise<Result<string | null, AppError>> {
  const sleep = options.sleep ?? wait
  const pollMs = options.pollMs ?? 1000
  for (;;) {
    if (options.signal?.aborted) {
      return err(appError('signInFailed', 'sign-in cancelled'))
    }
    const now = await pins.check(pinId)
    if (!now.ok) {
      return now
    }
    if (now.value === 'expired') {
      return err(
        appError(
          'signInFailed',
          'the sign-in code expired before it was approved (plex.tv keeps one for 15 minutes); start again',
        ),
      )
    }
    if (now.value.authToken !== null) {
      return ok(now.value.authToken)
    }
    if (now.value.expiresAt !== null && Date.now() >= now.value.expiresAt) {
      return err(
        appError('signInFailed', 'the sign-in code expired before it was approved; start again'),
      )
    }
    if (options.until !== undefined && Date.now() + pollMs > options.until) {
      return ok(null)
    }
    await sleep(pollMs, options.signal)
  }
}

/**
 * Sign in with Plex: a strong PIN, the owner approves it in the browser, and Hush asks until the
 * PIN carries the account's token (or it expires, or the owner gives up). Resolves to the token,
 * which the caller keeps as it keeps any token (keychain, or a 0600 file) and never shows.
 */
export async function signInWithPlex(options: SignInOptions): Promise<Result<string, AppError>> {
  const created = await options.pins.create()
  if (!created.ok) {
    return created
  }
  options.onLink(authLink(options.accountUrl, options.clientIdentifier, created.value.code))
  const token = await waitForApproval(options.pins, created.value.id, options)
  return token.ok && token.value === null
    ? err(appError('signInFailed', 'sign-in cancelled'))
    : (token as Result<string, AppError>)
}
