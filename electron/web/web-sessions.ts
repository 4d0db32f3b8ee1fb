import { randomBytes } from 'node:crypto'
import { secretsEqual } from './http-security'

/** A signed-in browser session: its cookie value and the CSRF token its calls must carry. */
export interface WebSession {
  readonly id: string
  readonly csrf: string
}

/** The sessions of web mode, created by exchanging the launch token (or the password). */
export interface WebSessions {
  /** Exchanges the launch secret for a session; undefined when the secret is wrong or rate-limited. */
  signIn(secret: string, now: number): WebSession | 'wrong' | 'throttled'
  find(id: string | undefined): WebSession | undefined
}

const maxFailuresPerMinute = 10

/** Creates the session table; `secret` is the launch token or the LAN password. */
export function createWebSessions(secret: string): WebSessions {
  const sessions = new Map<string, WebSession>()
  let failures: number[] = []
  return {
    signIn(given, now) {
      failures = failures.filter(time => now - time < 60_000)
      if (failures.length >= maxFailuresPerMinute) {
        return 'throttled'
      }
      if (!secretsEqual(given, secret)) {
        failures.push(now)
        return 'wrong'
      }
      const session = { id: randomSecret(), csrf: randomSecret() }
      sessions.set(session.id, session)
      return session
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
