import { randomBytes } from 'node:crypto'
import { secretsEqual } from './http-security'

/** A signed-in browser session: its cookie value and the CSRF token its calls must carry. */
export interface WebSession {
  readonly id: string
  readonly csrf: string
}

/**
 * What a sign-in attempt got: a session; `wrong` secret; `used`, the launch token that already
 * signed a browser in; `throttled`, too many failures from this client in the last minute.
 */
export type SignInOutcome = WebSession | 'wrong' | 'used' | 'throttled'

/** The sessions of web mode, created by exchanging the launch token (or the password). */
export interface WebSessions {
  /** Exchanges the secret for a session; `client` is the remote address the attempt came from. */
  signIn(secret: string, client: string, now: number): SignInOutcome
  find(id: string | undefined): WebSession | undefined
}

/** Failed sign-ins a client may make in a minute before its attempts are refused. */
export const maxFailuresPerMinute = 10

/** Clients whose failures are remembered at once; beyond it the oldest are forgotten. */
const maxClientsTracked = 10_000

/**
 * Creates the session table. A `launchToken` (the address `hush serve` prints) signs in one
 * browser, once: later uses are refused, so an address left in a terminal or a journal is no
 * password. A `password` (LAN mode) may be used again.
 *
 * Failures are counted per client (remote address), so another machine's guessing never locks
 * the owner out. The launch token is 256 random bits, out of reach of guessing, so its one
 * correct use is accepted even from a throttled client (the owner's browser on 127.0.0.1 shares
 * that address with any local process that guesses); a password is not, since a throttle that
 * let a right guess through would not slow guessing at all.
 */
export function createWebSessions(secret: string, kind: 'launchToken' | 'password'): WebSessions {
  const sessions = new Map<string, WebSession>()
  const failures = new Map<string, number[]>()
  let launchTokenUsed = false

  const recentFailures = (client: string, now: number): number[] => {
    const recent = (failures.get(client) ?? []).filter(time => now - time < 60_000)
    if (recent.length === 0) {
      failures.delete(client)
    } else {
      failures.set(client, recent)
    }
    return recent
  }
  const fail = (client: string, now: number): void => {
    const recent = recentFailures(client, now)
    failures.delete(client)
    failures.set(client, [...recent, now])
    if (failures.size > maxClientsTracked) {
      const oldest = failures.keys().next().value
      if (oldest !== undefined) {
        failures.delete(oldest)
      }
    }
  }
  const open = (): WebSession => {
    const session = { id: randomSecret(), csrf: randomSecret() }
    sessions.set(session.id, session)
    return session
  }

  return {
    signIn(given, client, now) {
      const right = secretsEqual(given, secret)
      if (kind === 'launchToken' && right) {
        if (launchTokenUsed) {
          fail(client, now)
          return 'used'
        }
        launchTokenUsed = true
        return open()
      }
      if (recentFailures(client, now).length >= maxFailuresPerMinute) {
        return 'throttled'
      }
      if (!right) {
        fail(client, now)
        return 'wrong'
      }
      return open()
    },
    find(id) {
      return id === undefined ? undefined : sessions.get(id)
    },
  }
}

/** A random 256-bit secret, URL-safe. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url')
}
