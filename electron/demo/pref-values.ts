import { err, ok, type Result } from '../common/util/result'
import type { SettingDefinition, SettingValue } from './setting-types'

const trueWords = new Set(['1', 'true'])
const falseWords = new Set(['0', 'false'])

/** The keys an `enumValues` attribute allows (`1:Preferred|0:Required` or bare `A|B|C`). */
export function enumKeys(enumValues: string): string[] {
  return enumValues.split('|').map(entry => {
    const colon = entry.indexOf(':')
    return colon === -1 ? entry : entry.slice(0, colon)
  })
}

/**
 * Reads a value sent in a `PUT` (or stored in Preferences.xml) for one setting.
 *
 * Booleans take 1/0/true/false in any case; numbers must be numbers; a value outside `enumValues` is
 * refused unless it is the default (the real dump has `ButlerUpdateChannel` default "16" outside its enum).
 */
export function parseSettingValue(
  setting: SettingDefinition,
  raw: string,
): Result<SettingValue, string> {
  let value: SettingValue
  switch (setting.type) {
    case 'bool': {
      const word = raw.trim().toLowerCase()
      if (trueWords.has(word)) {
        value = true
      } else if (falseWords.has(word)) {
        value = false
      } else {
        return err(`${setting.id} takes 1, 0, true or false, not "${raw}"`)
      }
      break
    }
    case 'int': {
      const number = Number(raw)
      if (raw.trim() === '' || !Number.isInteger(number)) {
        return err(`${setting.id} takes a whole number, not "${raw}"`)
      }
      value = number
      break
    }
    case 'double': {
      const number = Number(raw)
      if (raw.trim() === '' || !Number.isFinite(number)) {
        return err(`${setting.id} takes a number, not "${raw}"`)
      }
      value = number
      break
    }
    case 'text':
      value = raw
      break
  }
  if (setting.enumValues !== undefined && value !== setting.default) {
    const allowed = enumKeys(setting.enumValues)
    if (!allowed.includes(String(value))) {
      return err(`${setting.id} takes one of ${allowed.join(', ')}, not "${raw}"`)
    }
  }
  return ok(value)
}

/** How Preferences.xml spells a value: booleans as 1/0, like the real file. */
export function storedText(value: SettingValue): string {
  if (typeof value === 'boolean') {
    return value ? '1' : '0'
  }
  return String(value)
}
