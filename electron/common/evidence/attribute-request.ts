import { backgroundFlows, backgroundMatchOrder, type BackgroundFlow } from './background-flows'
import { requestShape, type RequestShape } from './request-shape'
import {
  emptySignatureContext,
  matchesSignature,
  mayMatchHost,
  type SignatureContext,
} from './request-signature'
import { switchSignatures, type SwitchSignature } from './switch-signatures'

/** What a request is, as far as the switches are concerned. */
export type Attribution =
  /** A request one or more switches control (see SwitchSignature.sentBy). */
  | { readonly kind: 'switch'; readonly signature: SwitchSignature }
  /** Traffic that flows whatever the switches say. */
  | { readonly kind: 'background'; readonly flow: BackgroundFlow }
  /** Neither: a request Hush cannot tie to a switch or to known background traffic. */
  | { readonly kind: 'other' }

const orderedBackground = backgroundMatchOrder.map(id => {
  const flow = backgroundFlows.find(candidate => candidate.id === id)
  if (flow === undefined) {
    throw new Error(`background flow ${id} is listed for matching but not defined`)
  }
  return flow
})

/** The signatures and flows that could match requests to one host, in matching order. */
interface HostCandidates {
  readonly switches: readonly SwitchSignature[]
  readonly background: readonly BackgroundFlow[]
}

// A log names a few dozen hosts and tens of thousands of distinct URLs: trying only the
// signatures of a request's host makes naming each URL a handful of tests instead of a hundred.
// Bounded, as a hostile log could name any number of hosts.
const candidatesByHost = new Map<string, HostCandidates>()
const maxCachedHosts = 4096

function candidatesFor(host: string): HostCandidates {
  let candidates = candidatesByHost.get(host)
  if (candidates === undefined) {
    candidates = {
      switches: switchSignatures.filter(signature => mayMatchHost(signature, host)),
      background: orderedBackground.filter(flow =>
        flow.signatures.some(signature => mayMatchHost(signature, host)),
      ),
    }
    if (candidatesByHost.size >= maxCachedHosts) {
      candidatesByHost.clear()
    }
    candidatesByHost.set(host, candidates)
  }
  return candidates
}

/** Names a request: the first switch signature it matches, else a background flow, else other. */
export function attributeShape(
  shape: RequestShape,
  context: SignatureContext = emptySignatureContext,
): Attribution {
  const candidates = candidatesFor(shape.host)
  for (const signature of candidates.switches) {
    if (matchesSignature(signature, shape, context)) {
      return { kind: 'switch', signature }
    }
  }
  for (const flow of candidates.background) {
    if (flow.signatures.some(signature => matchesSignature(signature, shape, context))) {
      return { kind: 'background', flow }
    }
  }
  return { kind: 'other' }
}

/** Names a request from its method and (redacted) URL as the log shows it. */
export function attributeRequest(
  method: string,
  url: string,
  context: SignatureContext = emptySignatureContext,
): Attribution {
  return attributeShape(requestShape(method, url), context)
}

/** The switch ids that can send requests of a signature (each appears once). */
export function signatureSwitches(signature: SwitchSignature): readonly string[] {
  return [...new Set(signature.sentBy.flat())]
}

/** The signatures a switch appears in: what its own requests look like. */
export function signaturesOf(switchId: string): readonly SwitchSignature[] {
  return switchSignatures.filter(signature => signature.sentBy.some(way => way.includes(switchId)))
}
