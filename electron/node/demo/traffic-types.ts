import type { OutboundCategory } from '../../common/outbound/categories'
import type { LogFormat } from './log-line'
import type { SectionType } from './library-prefs'
import type { SettingValue } from './setting-types'

/** One library as the traffic sees it. */
export interface TrafficLibrary {
  readonly id: number
  readonly type: SectionType
  readonly agent: string
  /** Whether the agent asks an internet service when matching. */
  readonly online: boolean
  readonly pref: (id: string) => SettingValue | undefined
  readonly items: readonly {
    readonly ratingKey: number
    readonly title: string
    readonly year: number
    readonly guid: string
    readonly file: string
  }[]
}

/**
 * What the traffic reads when it decides what to send: the live server for the demo, a fixed
 * snapshot for a benchmark. Read at every decision, so a switch turned off stops its traffic.
 */
export interface TrafficWorld {
  /** A setting's value, or undefined when this server version lacks it. */
  readonly setting: (id: string) => SettingValue | undefined
  readonly libraries: () => readonly TrafficLibrary[]
  readonly account: () => {
    readonly optOutPlayback: boolean
    readonly optOutLibraryStats: boolean
    readonly viewStateSync: boolean
    readonly webhooks: readonly string[]
  }
  /** Version folders of `Crash Reports/` that hold dumps not uploaded yet. */
  readonly pendingCrashVersions: () => readonly string[]
  /** Called when the CrashUploader job for a version folder succeeded. */
  readonly crashUploaded: (version: string) => void
  readonly leaks: () => ReadonlySet<OutboundCategory>
  readonly plexTvDown: () => boolean
  readonly remoteUnreachable: () => boolean
}

/** Options of createTrafficGenerator. */
export interface TrafficOptions {
  readonly seed: number
  /** Simulated time (ms since the epoch) of the start-up banner. */
  readonly startTime: number
  readonly format: LogFormat
  /** The server's UTC offset in minutes (its log prints local time); default 0. */
  readonly utcOffsetMinutes?: number
  readonly machineIdentifier: string
  readonly version: string
  /** The server's own port, for loopback lines. */
  readonly port: number
  readonly dataDir: string
  /** The token, printed only while `LogTokensForDebug`/`logTokens` is on; masked otherwise. */
  readonly token?: string
  readonly world: TrafficWorld
}

/** One line of the log, with what the generator knows about it (for tests and benchmarks). */
export interface TrafficEvent {
  readonly time: number
  readonly line: string
  /** The category of an outbound request line (its response and error lines carry it too). */
  readonly category?: OutboundCategory
  /** The URL of an outbound request, response or error line. */
  readonly url?: string
}
