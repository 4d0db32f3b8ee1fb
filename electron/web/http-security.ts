import { timingSafeEqual } from 'node:crypto'
import { dashboardCsp } from '../common/security/dashboard-csp'

/** Headers sent with every response of web mode. No CORS header is ever sent. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': dashboardCsp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/** Whether an address is loopback, so binding to it needs no password. */
export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost'
}

/**
 * The Host header values web mode answers to. Checking Host defeats DNS rebinding: a rebound
 * request still names the attacker's domain in Host.
 */
export function allowedHostValues(
  port: number,
  extraHosts: readonly string[],
): ReadonlySet<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]', ...extraHosts]
  return new Set(names.map(name => `${name.toLowerCase()}:${port}`))
}

/** Whether a request's Origin is one of our own origins. */
export function isAllowedOrigin(origin: string | undefined, hosts: ReadonlySet<string>): boolean {
  if (!origin) {
    return false
  }
  try {
    const url = new URL(origin)
    return url.protocol === 'http:' && hosts.has(url.host.toLowerCase())
  } catch {
    return false
  }
}

/** Compares two secrets in constant time. */
export function secretsEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) {
      return rest.join('=')
    }
  }
  return undefined
}
