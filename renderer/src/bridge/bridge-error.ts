/**
 * An unexpected failure of a bridge call: the transport broke or the core threw.
 *
 * Expected failures come back as values (`Result`); this is for the rest, normalized to one class
 * whatever the transport, because Electron passes along little more than the message.
 */
export class BridgeError extends Error {
  /** The contract method, or the bridge step, that failed. */
  readonly method: string

  constructor(method: string, message: string) {
    super(`${method}: ${message}`)
    this.name = 'BridgeError'
    this.method = method
  }
}
