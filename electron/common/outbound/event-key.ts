/**
 * A 64-bit hash of a string as 16 hex digits: the stable identity of an exchange.
 *
 * Two 32-bit lanes (FNV-1a, and a multiplicative lane with a final mix) keep it cheap — no BigInt,
 * one pass — while making collisions between distinct log lines negligible for a ledger of a few
 * million rows. It runs once per event of a 256 MiB log.
 */
export function eventKey(text: string): string {
  let a = 0x811c9dc5 | 0
  let b = 0x9747b28c | 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 16777619)
    b = Math.imul(b + c, 0x5bd1e995)
  }
  b ^= b >>> 13
  b = Math.imul(b, 0x5bd1e995)
  b ^= b >>> 15
  return hex8(a) + hex8(b)
}

// Two hex digits per byte value: formatting a key is then four table reads per lane.
const byteHex: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
)

function hex8(value: number): string {
  return (
    (byteHex[(value >>> 24) & 255] as string) +
    (byteHex[(value >>> 16) & 255] as string) +
    (byteHex[(value >>> 8) & 255] as string) +
    (byteHex[value & 255] as string)
  )
}

/** Hex digits of the time prefix of an event key: epoch ms up to the year 2527. */
export const keyTimeDigits = 11

/**
 * The key of an exchange line: its wall-clock time (epoch ms of the time as written, read as UTC)
 * in 11 hex digits, then the line's 64-bit hash. The prefix keeps the store's unique index
 * append-mostly, since logs are written in time order: inserting a key then touches the index's
 * last pages instead of a random page per row. The same line always gets the same key.
 */
export function timedEventKey(wallClockMs: number, line: string): string {
  return (
    Math.max(0, Math.floor(wallClockMs)).toString(16).padStart(keyTimeDigits, '0') + eventKey(line)
  )
}

/** The integers a key is stored as: wall-clock ms and the hash's two lanes as signed 32-bit. */
export interface KeyParts {
  readonly wall: number
  readonly h1: number
  readonly h2: number
}

function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) {
    return code - 48
  }
  return code >= 97 && code <= 102 ? code - 87 : -1
}

/** The parts of a `timedEventKey`, or null when the text is not one. Read digit by digit. */
export function keyParts(key: string): KeyParts | null {
  if (key.length !== keyTimeDigits + 16) {
    return null
  }
  let wall = 0
  let h1 = 0
  let h2 = 0
  for (let i = 0; i < key.length; i++) {
    const d = hexDigit(key.charCodeAt(i))
    if (d < 0) {
      return null
    }
    if (i < keyTimeDigits) {
      wall = wall * 16 + d
    } else if (i < keyTimeDigits + 8) {
      h1 = (h1 << 4) | d | 0
    } else {
      h2 = (h2 << 4) | d | 0
    }
  }
  return { wall, h1, h2 }
}

/** The two 32-bit lanes of `eventKey(text)`, as the signed integers `keyParts` reads back. */
export function keyLanes(text: string): { h1: number; h2: number } {
  let a = 0x811c9dc5 | 0
  let b = 0x9747b28c | 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 16777619)
    b = Math.imul(b + c, 0x5bd1e995)
  }
  b ^= b >>> 13
  b = Math.imul(b, 0x5bd1e995)
  b ^= b >>> 15
  return { h1: a | 0, h2: b | 0 }
}

/** The text of a `timedEventKey` from its parts (`keyParts` read backwards). */
export function keyText(wall: number, h1: number, h2: number): string {
  const ms = Math.max(0, Math.floor(wall))
  // Below 2^44 ms (the year 2527) the time is 3 + 8 hex digits, read from the byte table.
  const time =
    ms < 2 ** 44
      ? (byteHex[Math.floor(ms / 2 ** 40)] as string).slice(1) +
        (byteHex[Math.floor(ms / 2 ** 32) & 255] as string) +
        hex8(ms >>> 0)
      : ms.toString(16).padStart(keyTimeDigits, '0')
  return time + hex8(h1 >>> 0) + hex8(h2 >>> 0)
}
