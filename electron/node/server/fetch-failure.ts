import type { AppErrorKind } from '../../common/api/errors'

const tlsCodes = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
])

const reasons: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused (nothing listens there)',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve (DNS lookup failed)',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  UND_ERR_SOCKET: 'the connection closed unexpectedly',
}

/**
 * Classifies an error thrown by fetch (undici puts the system error in `cause`): a TLS problem,
 * or the server being unreachable, with a short reason.
 */
export function describeFetchFailure(error: unknown): { kind: AppErrorKind; reason: string } {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : ''
  const message = cause instanceof Error ? cause.message : String(cause)
  if (
    tlsCodes.has(code) ||
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    /certificate|ssl|tls/i.test(message)
  ) {
    return { kind: 'tls', reason: `TLS failed (${code || message})` }
  }
  if (
    error instanceof TypeError &&
    /invalid url|failed to parse url/i.test(message + String(error.message))
  ) {
    return { kind: 'unreachable', reason: 'the server URL is not valid' }
  }
  return { kind: 'unreachable', reason: reasons[code] ?? `cannot connect (${code || message})` }
}
