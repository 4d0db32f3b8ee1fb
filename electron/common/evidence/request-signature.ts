import type { RequestShape } from './request-shape'
import { isLocalHost, urlParts } from '../outbound/url-parts'

/** A test on one query parameter of a request (names compare without case). */
export type ParamTest =
  /** Some value of the parameter matches the pattern. */
  | { readonly name: string; readonly pattern: RegExp }
  /** Some value is a URL whose host is neither private nor a `*.plex.direct` name of a private address. */
  | { readonly name: string; readonly publicUrl: true }

/**
 * What a kind of request looks like in the server's log: where it goes, how, and the parameters
 * that tell it apart from other requests to the same place. `ref` cites the evidence
 * (docs/server-reference.md sections as `ref §…`; MODELLED marks a shape no real log shows yet).
 */
export interface RequestSignature {
  readonly id: string
  /** Exact hosts, or suffixes starting with `.`; `@webhooks` stands for the owner's webhook hosts. */
  readonly hosts: readonly string[]
  readonly methods?: readonly string[]
  readonly pathPrefix?: string
  readonly pathPattern?: RegExp
  /** Every test must pass. */
  readonly params?: readonly ParamTest[]
  readonly ref: string
}

/** What matching needs besides the request: facts about this owner's setup. */
export interface SignatureContext {
  /** Hosts of the webhooks listed on the owner's account; null when Hush could not read them. */
  readonly webhookHosts: readonly string[] | null
}

/** No owner facts known. */
export const emptySignatureContext: SignatureContext = { webhookHosts: null }

function hostMatches(pattern: string, host: string, context: SignatureContext): boolean {
  if (pattern === '@webhooks') {
    return context.webhookHosts?.includes(host) ?? false
  }
  return pattern.startsWith('.')
    ? host.endsWith(pattern) || host === pattern.slice(1)
    : host === pattern
}

/**
 * Whether a signature could match a request to this host, whatever the owner's setup: the owner's
 * webhook hosts are only known with a context, so a signature naming them always could.
 */
export function mayMatchHost(signature: RequestSignature, host: string): boolean {
  return signature.hosts.some(
    pattern => pattern === '@webhooks' || hostMatches(pattern, host, emptySignatureContext),
  )
}

function paramPasses(test: ParamTest, shape: RequestShape): boolean {
  const values = shape.params.get(test.name.toLowerCase()) ?? []
  if ('pattern' in test) {
    return values.some(value => test.pattern.test(value))
  }
  return values.some(value => {
    const host = urlParts(value).host
    return host !== '' && !isLocalHost(host)
  })
}

/** Whether a request has this signature. */
export function matchesSignature(
  signature: RequestSignature,
  shape: RequestShape,
  context: SignatureContext = emptySignatureContext,
): boolean {
  return (
    signature.hosts.some(pattern => hostMatches(pattern, shape.host, context)) &&
    (signature.methods === undefined || signature.methods.includes(shape.method)) &&
    (signature.pathPrefix === undefined || shape.path.startsWith(signature.pathPrefix)) &&
    (signature.pathPattern === undefined || signature.pathPattern.test(shape.path)) &&
    (signature.params ?? []).every(test => paramPasses(test, shape))
  )
}
