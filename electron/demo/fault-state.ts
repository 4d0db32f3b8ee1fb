import type { LogsZipMode } from './routes-remote'
import type { DemoFlow } from './sent-record'

/** The faults and simulated conditions currently in force; read by the HTTP layer and the traffic. */
export interface FaultState {
  /** PUTs left before the one that fails (1 = the next PUT fails), or undefined. */
  putCountdown: number | undefined
  /** The path prefix of the next request that hangs, or undefined. */
  hangPrefix: string | undefined
  /** Flows sent even when a setting that should stop them is off. */
  readonly leaks: Set<DemoFlow>
  /** plex.tv answers 503 and the server's calls to it fail. */
  plexTvDown: boolean
  /** Remote access is on but plex.tv cannot reach the server (relay is then used). */
  remoteUnreachable: boolean
  /** Milliseconds a write (PUT, POST, DELETE) waits before it is handled (0: none). */
  writeDelayMs: number
  /** Writes still let through at once before the delay starts. */
  writeDelaySkip: number
  /** Writes received and answered since the start (tests watch an apply's steps with them). */
  writesReceived: number
  writesAnswered: number
  /** How `/diagnostics/logs` answers. */
  logsZipMode: LogsZipMode
}

/** A fault state with nothing in force. */
export function createFaultState(): FaultState {
  return {
    putCountdown: undefined,
    hangPrefix: undefined,
    leaks: new Set(),
    plexTvDown: false,
    remoteUnreachable: false,
    writeDelayMs: 0,
    writeDelaySkip: 0,
    writesReceived: 0,
    writesAnswered: 0,
    logsZipMode: 'zip',
  }
}
