import { describe, expect, it } from 'vitest'
import { eventKey, keyParts, timedEventKey } from './event-key'

describe('event keys', () => {
  const line =
    'Aug 04, 2025 20:03:01.250 [0x1] DEBUG - [HCl#9] HTTP requesting GET https://plex.tv/x'
  const wall = Date.UTC(2025, 7, 4, 20, 3, 1, 250)

  it('start with the wall-clock time, so keys of later lines sort after earlier ones', () => {
    const key = timedEventKey(wall, line)
    expect(key).toMatch(/^[0-9a-f]{27}$/)
    expect(key.slice(11)).toBe(eventKey(line))
    expect(keyParts(key)?.wall).toBe(wall)
    expect(timedEventKey(wall + 1, line) > key).toBe(true)
    expect(timedEventKey(wall, line)).toBe(key)
    expect(timedEventKey(wall, `${line} `)).not.toBe(key)
  })

  it('split into the integers the store keeps, and back', () => {
    const key = timedEventKey(wall, line)
    const parts = keyParts(key)
    expect(parts?.wall).toBe(wall)
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0')
    expect(
      `${wall.toString(16).padStart(11, '0')}${hex(parts?.h1 ?? 0)}${hex(parts?.h2 ?? 0)}`,
    ).toBe(key)
    expect(Math.abs(parts?.h1 ?? 0)).toBeLessThanOrEqual(2 ** 31)
    expect(keyParts('0123456789abcdef')).toBeNull()
    expect(keyParts('zz'.repeat(13) + 'z')).toBeNull()
  })
})
