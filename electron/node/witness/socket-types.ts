/**
 * The connection witness's vocabulary: a socket as the operating system shows it, whoever showed it
 * (/proc, ss, lsof, netstat, PowerShell). Every platform reader turns its tool's output into these.
 */

/** One end of a socket: a numeric address (IPv4 dotted, IPv6 compressed, lower case) and a port. */
export interface Endpoint {
  readonly address: string
  readonly port: number
}

/** The transport of a socket. */
export type Protocol = 'tcp' | 'udp'

/**
 * A socket's state by its Linux name (every tool's word is mapped to one of these); `UNCONN` is an
 * unconnected UDP socket, `UNKNOWN` a word no table knows (the reader keeps going).
 */
export type SocketState =
  | 'ESTABLISHED'
  | 'SYN_SENT'
  | 'SYN_RECV'
  | 'FIN_WAIT1'
  | 'FIN_WAIT2'
  | 'TIME_WAIT'
  | 'CLOSE'
  | 'CLOSE_WAIT'
  | 'LAST_ACK'
  | 'LISTEN'
  | 'CLOSING'
  | 'UNCONN'
  | 'UNKNOWN'

/** One socket as a tool or the kernel shows it, with whatever it says about the owner. */
export interface SocketRow {
  readonly protocol: Protocol
  readonly local: Endpoint
  /** The peer; absent for a listening or unconnected socket. */
  readonly remote?: Endpoint
  readonly state: SocketState
  /** The owning process, when the tool could see it. */
  readonly pid?: number
  /** The socket's owner (Linux /proc, lsof), when shown. */
  readonly uid?: number
  /** The process name as the tool printed it: possibly cut short (comm has 15 characters). */
  readonly command?: string
  /** The socket's inode (Linux), which links it to a process's open files. */
  readonly inode?: number
  readonly bytesSent?: number
  readonly bytesReceived?: number
}

/** What a parser read, and how many lines it could not read (cut short, garbled, unknown). */
export interface ParsedRows<T> {
  readonly rows: T[]
  /** Lines that looked like data but could not be read. */
  readonly skipped: number
  /** The first such line, cut to 120 characters, for the one line that says so. */
  readonly firstSkipped?: string
}

/** Keeps the first unreadable line of a parse, cut short for a message. */
export function sampleLine(line: string): string {
  return line.length > 120 ? `${line.slice(0, 117)}...` : line
}
