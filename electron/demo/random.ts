/** A small seeded pseudo-random source, so that a demo started with the same seed says the same things. */
export interface Random {
  /** A number in [0, 1). */
  readonly next: () => number
  /** A whole number in [min, max]. */
  readonly int: (min: number, max: number) => number
  /** One element of a non-empty list. */
  readonly pick: <T>(items: readonly T[]) => T
  /** `length` lower-case hex digits. */
  readonly hex: (length: number) => string
  /** A version-4-shaped UUID. */
  readonly uuid: () => string
  /** `length` characters of a Plex-style token alphabet. */
  readonly token: (length: number) => string
}

const tokenAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Creates a seeded source (mulberry32: fast, and good enough for fixture data and log noise). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)]
    if (item === undefined) {
      throw new Error('pick from an empty list')
    }
    return item
  }
  const hex = (length: number): string => {
    let out = ''
    for (let i = 0; i < length; i++) {
      out += Math.floor(next() * 16).toString(16)
    }
    return out
  }
  const uuid = (): string =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`
  const token = (length: number): string => {
    let out = ''
    for (let i = 0; i < length; i++) {
      out += tokenAlphabet[Math.floor(next() * tokenAlphabet.length)]
    }
    return out
  }
  return { next, int, pick, hex, uuid, token }
}
