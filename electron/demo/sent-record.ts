/**
 * The demo's own record of what it sent and why: its ground truth, kept apart from Hush's model.
 *
 * Each outbound request (or connection) of the simulated server is recorded with the flow that sent
 * it and the settings that had to allow it. Tests judge Hush's verdicts against this record; the
 * record is written where the demo decides to send, from the reference's facts, and never from
 * Hush's signature table.
 */

/** What the simulated server does that reaches out: named by the demo, not by Hush. */
export const demoFlows = [
  // Background: sent whatever the settings say (docs/privacy-map.md "Background").
  'registration',
  'account',
  'media-providers',
  'update-check',
  'certificates',
  'plug-in-host',
  // Gated by settings.
  'matching',
  'periodic-refresh',
  'music-enrichment',
  'extras',
  'cinema-trailers',
  'reachability',
  'custom-addresses',
  'relay',
  'port-mapping',
  'crash-upload',
  'crash-retries',
  'webhooks',
  'playback-statistics',
  'library-statistics',
  'watch-state',
  'update-download',
  'push',
  'gdm',
  'dlna',
] as const

/** One flow of the simulated server. */
export type DemoFlow = (typeof demoFlows)[number]

/**
 * Whether the server's own log shows a flow (reference §4, §9): as HTTP request lines, as a job line
 * (CrashUploader, §9.2), or not at all (LAN multicast, the router, a separate relay process, push
 * notifications — §9.5).
 */
export const flowInLog: Readonly<Record<DemoFlow, 'request-line' | 'job-line' | 'never'>> = {
  registration: 'request-line',
  account: 'request-line',
  'media-providers': 'request-line',
  'update-check': 'request-line',
  certificates: 'request-line',
  'plug-in-host': 'request-line',
  matching: 'request-line',
  'periodic-refresh': 'request-line',
  'music-enrichment': 'request-line',
  extras: 'request-line',
  'cinema-trailers': 'request-line',
  reachability: 'request-line',
  'custom-addresses': 'request-line',
  relay: 'never',
  'port-mapping': 'never',
  'crash-upload': 'job-line',
  'crash-retries': 'job-line',
  webhooks: 'request-line',
  'playback-statistics': 'request-line',
  'library-statistics': 'request-line',
  'watch-state': 'request-line',
  'update-download': 'request-line',
  push: 'never',
  gdm: 'never',
  dlna: 'never',
}

/** Whether a text names a demo flow. */
export function isDemoFlow(text: string): text is DemoFlow {
  return (demoFlows as readonly string[]).includes(text)
}

/**
 * A setting that had to allow a request, named as Hush names targets (`pref:RelayEnabled`,
 * `library:3:agent`, `library:3:pref:useExternalExtras`, `account:privacy:optOutPlayback`,
 * `account:view-state-sync`), and whether it did at the time.
 */
export interface Gate {
  readonly setting: string
  readonly open: boolean
}

/**
 * A real TCP connection a helper process made for a record (a demo started with `connections`):
 * what the operating system can witness. Filled in as it happens: `pid` is -1 until the helper
 * has started, the local end and `openedAt` come when it has connected, `closedAt` when it has
 * closed. Times are Hush's wall clock (the record's `time` is the server's simulated clock).
 * Bytes are what the stand-in host counted on it; a keep-alive connection carries several
 * records, so they are the connection's, not one request's.
 */
export interface DemoConnection {
  /** The helper's name, as the operating system shows it: "Plex Relay", "CrashUploader", … */
  readonly process: string
  readonly pid: number
  /** The host the stand-in plays (`o17675.ingest.sentry.io`, a relay's `*.plex.direct` name). */
  readonly host: string
  /** The stand-in's loopback address and port. */
  readonly remoteAddress: string
  readonly remotePort: number
  readonly localAddress?: string
  readonly localPort?: number
  readonly openedAt?: number
  readonly closedAt?: number
  /** What the helper sent and received on it so far. */
  readonly bytesSent: number
  readonly bytesReceived: number
  /** Why it could not connect, if it could not. */
  readonly error?: string
}

/** One request (or connection) the simulated server made. */
export interface SentRecord {
  /** Simulated time (ms since the epoch), on the server's clock. */
  readonly time: number
  readonly flow: DemoFlow
  readonly method: string
  /** As requested, before the log masks anything. */
  readonly url: string
  /** The body of a POST, when it has one (the log never shows it). */
  readonly body?: string
  /** Every setting that had to allow it; empty for background traffic. */
  readonly gates: readonly Gate[]
  /** Sent although a gate was closed (the demo was told to leak this flow). */
  readonly leaked: boolean
  /** Whether a line of it was written to the log (debug logging on, and a flow the log shows). */
  readonly logged: boolean
  /** The real connection it went over, when the demo makes them (`connections` on). */
  readonly connection?: DemoConnection
}
