import type { LogFormat } from './log-line'
import type { DemoFlow, SentRecord } from './sent-record'
import type { SectionType } from './library-prefs'
import type { SettingValue } from './setting-types'

/** One library as the traffic sees it. */
export interface TrafficLibrary {
  readonly id: number
  readonly type: SectionType
  readonly agent: string
  /** The library's folder: a match sends file paths relative to it. */
  readonly location: string
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
    /** The owner's e-mail address while the server is signed in (CrashUploader's `--userId`), else null. */
    readonly email: string | null
  }
  /** Version folders of `Crash Reports/` that hold dumps not uploaded yet. */
  readonly pendingCrashVersions: () => readonly string[]
  /** Called when the CrashUploader job for a version folder succeeded. */
  readonly crashUploaded: (version: string) => void
  /** The server crashed: a new dump of this version waits in `Crash Reports/`. */
  readonly crashed: (version: string) => void
  /** Flows sent even when a setting that should stop them is off. */
  readonly leaks: () => ReadonlySet<DemoFlow>
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
  /** Told of every request or connection the server made, once its fate in the log is known. */
  readonly onSent?: (record: SentRecord) => void
}

/** One line of the log. What the server sent, and why, goes to `TrafficOptions.onSent`. */
export interface TrafficEvent {
  readonly time: number
  readonly line: string
}
