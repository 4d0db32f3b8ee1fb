import { describe, expect, it } from 'vitest'
import {
  encodeSettingValue,
  parsePlexBool,
  sameSettingValue,
  typeSettingValue,
} from './plex-values'

describe('PMS scalar values', () => {
  it('reads booleans in every spelling the server uses', () => {
    for (const yes of [true, 1, '1', 'true', 'True', 'TRUE']) {
      expect(parsePlexBool(yes)).toBe(true)
    }
    for (const no of [false, 0, '0', 'false', 'False']) {
      expect(parsePlexBool(no)).toBe(false)
    }
    expect(parsePlexBool('maybe')).toBeUndefined()
  })

  it('types a setting value by its declared type', () => {
    expect(typeSettingValue('bool', 'True')).toBe(true)
    expect(typeSettingValue('int', '32400')).toBe(32400)
    expect(typeSettingValue('double', '16')).toBe(16)
    expect(typeSettingValue('text', '0')).toBe('0')
    expect(typeSettingValue('int', 'askme')).toBe('askme')
  })

  it('compares values across spellings and encodes booleans as 1/0', () => {
    expect(sameSettingValue(true, '1')).toBe(true)
    expect(sameSettingValue(16, '16')).toBe(true)
    expect(sameSettingValue('', 0)).toBe(false)
    expect(sameSettingValue('a', 'b')).toBe(false)
    expect(encodeSettingValue(false)).toBe('0')
    expect(encodeSettingValue(32400)).toBe('32400')
  })
})
