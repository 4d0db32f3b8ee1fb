import { backgroundFlows, backgroundMatchOrder, type BackgroundFlow } from './background-flows'
import { requestShape, type RequestShape } from './request-shape'
import { emptySignatureContext, matchesSignature, type SignatureContext } from './request-signature'
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

/** Names a request: the first switch signature it matches, else a background flow, else other. */
export function attributeShape(
  shape: RequestShape,
  context: SignatureContext = emptySignatureContext,
): Attribution {
  for (const signature of switchSignatures) {
    if (matchesSignature(signature, shape, context)) {
      return { kind: 'switch', signature }
    }
  }
  for (const flow of orderedBackground) {
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
