import { randomBytes, randomInt } from 'node:crypto'

/** A sign-in PIN of plex.tv's PIN flow (reference §5.5). */
export interface DemoPin {
  readonly id: number
  readonly code: string
  readonly clientIdentifier: string
  readonly product: string
  readonly createdAt: number
  readonly expiresAt: number
  /** Set once the owner approved the PIN at the auth page. */
  authToken: string | null
}

/** The PINs handed out, and the faults that expire or refuse them. */
export interface PinStore {
  create(clientIdentifier: string, product: string, now: number): DemoPin
  find(id: number, now: number): DemoPin | undefined
  /** The owner approves a PIN by its code; false when no live PIN has it or approvals are refused. */
  approve(code: string, token: string, now: number): boolean
  /** Approvals are refused (the owner says no), or allowed again. */
  refuse(refused: boolean): void
  /** Every PIN expires now. */
  expireAll(): void
}

/** How long a PIN lives: plex.tv answers `expiresIn: 900` (reference §5.5). */
export const pinLifetimeMs = 900_000

/** Creates the PIN store of a demo. */
export function createPinStore(): PinStore {
  const pins = new Map<number, DemoPin>()
  let refused = false
  const live = (pin: DemoPin, now: number): boolean => now < pin.expiresAt
  return {
    create(clientIdentifier, product, now) {
      // A strong PIN's code is long and random (`strong=true`), not the 4 characters of plex.tv/link.
      const pin: DemoPin = {
        id: randomInt(100_000_000, 999_999_999),
        code: randomBytes(19).toString('base64url').slice(0, 25),
        clientIdentifier,
        product,
        createdAt: now,
        expiresAt: now + pinLifetimeMs,
        authToken: null,
      }
      pins.set(pin.id, pin)
      return pin
    },
    find(id, now) {
      const pin = pins.get(id)
      return pin !== undefined && live(pin, now) ? pin : undefined
    },
    approve(code, token, now) {
      const pin = [...pins.values()].find(candidate => candidate.code === code)
      if (pin === undefined || !live(pin, now) || refused) {
        return false
      }
      pin.authToken = token
      return true
    },
    refuse(value) {
      refused = value
    },
    expireAll() {
      for (const [id, pin] of pins) {
        pins.set(id, { ...pin, expiresAt: 0 })
      }
    },
  }
}

/** A PIN as plex.tv's JSON shows it. */
export function pinJson(pin: DemoPin): Record<string, unknown> {
  return {
    id: pin.id,
    code: pin.code,
    product: pin.product,
    trusted: false,
    qr: `https://plex.tv/api/v2/pins/qr/${pin.code}`,
    clientIdentifier: pin.clientIdentifier,
    expiresIn: Math.max(0, Math.round((pin.expiresAt - Date.now()) / 1000)),
    createdAt: new Date(pin.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    expiresAt: new Date(pin.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    authToken: pin.authToken,
    newRegistration: pin.authToken === null ? null : false,
  }
}
