/**
 * What the connection witness could not see, said once in one line: the owner learns why a
 * connection may be missing and what would show it, and the collector keeps going.
 */

/** The kinds of trouble a collector reports. */
export type WitnessNoticeCode =
  | 'owner-hidden' // a process's open files are closed to Hush: attributed by uid
  | 'processes-hidden' // /proc hides other users' processes (hidepid)
  | 'table-unreadable' // a socket table could not be read
  | 'output-unreadable' // lines of a tool's output could not be read (cut short, garbled)
  | 'state-language' // a tool printed states in a language Hush does not know
  | 'tool-missing' // ss, lsof, netstat or nettop is not installed
  | 'tool-failed' // it ran and failed, or took too long, or printed too much
  | 'no-bytes' // this system gives no byte counts per connection
  | 'collector-failed' // a sample failed as a whole (the next one is tried)
  | 'unsupported' // no reader for this operating system

/** One thing the witness could not see, and what would show it. */
export interface WitnessNotice {
  readonly code: WitnessNoticeCode
  /** What it is about (a pid, a file, a tool), so that each is said once. */
  readonly subject: string
  /** One line for the owner. */
  readonly message: string
}

/** Builds a notice. */
export function notice(code: WitnessNoticeCode, subject: string, message: string): WitnessNotice {
  return { code, subject, message }
}

/** The key a notice is said once by. */
export function noticeKey(n: WitnessNotice): string {
  return `${n.code}:${n.subject}`
}
