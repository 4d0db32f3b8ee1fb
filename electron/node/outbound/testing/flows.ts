import type { ConnectionFlow } from '../../witness/flow-table'

/** A flow of the demo relay as the witness reports it: Plex Relay to a loopback stand-in. */
export function relayFlow(firstSeen: number, change: Partial<ConnectionFlow> = {}): ConnectionFlow {
  return {
    id: `relay-${firstSeen}`,
    processId: 'relay',
    processLabel: 'Plex Relay',
    attributedBy: 'process',
    pid: 4242,
    protocol: 'tcp',
    local: { address: '127.0.0.1', port: 40_123 },
    remote: { address: '127.0.0.2', port: 443 },
    state: 'ESTABLISHED',
    firstSeen,
    lastSeen: firstSeen,
    bytesSent: 1_024,
    bytesReceived: 2_048,
    ...change,
  }
}

/** A crash upload as the witness reports it: CrashUploader to Sentry's stand-in. */
export function uploadFlow(
  firstSeen: number,
  change: Partial<ConnectionFlow> = {},
): ConnectionFlow {
  return relayFlow(firstSeen, {
    id: `upload-${firstSeen}`,
    processId: 'crash-uploader',
    processLabel: 'CrashUploader',
    pid: 5151,
    local: { address: '127.0.0.1', port: 40_200 },
    remote: { address: '127.0.0.3', port: 443 },
    bytesSent: 48 * 1024,
    bytesReceived: 512,
    ...change,
  })
}
