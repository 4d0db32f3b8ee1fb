import * as z from 'zod'
import type { SettingValue } from '../../common/switches/switch-types'

const trueSpellings = new Set(['1', 'true', 'yes', 'on'])
const falseSpellings = new Set(['0', 'false', 'no', 'off', ''])

/**
 * Reads a boolean in any spelling PMS uses: JSON true/false, XML "1"/"0", "True"/"False"
 * (library prefs), "true"/"false". Returns undefined for anything else.
 */
export function parsePlexBool(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') {
    return raw
  }
  if (typeof raw === 'number') {
    return raw === 1 ? true : raw === 0 ? false : undefined
  }
  if (typeof raw === 'string') {
    const lower = raw.trim().toLowerCase()
    if (trueSpellings.has(lower)) {
      return true
    }
    if (falseSpellings.has(lower)) {
      return false
    }
  }
  return undefined
}

/** A zod boolean that accepts every PMS spelling. */
export const plexBool = z.unknown().transform((raw, ctx) => {
  const value = parsePlexBool(raw)
  if (value === undefined) {
    ctx.addIssue({ code: 'custom', message: `not a boolean: ${String(raw)}` })
    return z.NEVER
  }
  return value
})

/** A zod number that accepts a JSON number or an XML numeric string. */
export const plexNumber = z.union([z.number(), z.string()]).transform((raw, ctx) => {
  const value = typeof raw === 'number' ? raw : Number(raw.trim())
  if (typeof raw === 'string' && raw.trim() === '') {
    ctx.addIssue({ code: 'custom', message: 'empty number' })
    return z.NEVER
  }
  if (!Number.isFinite(value)) {
    ctx.addIssue({ code: 'custom', message: `not a number: ${String(raw)}` })
    return z.NEVER
  }
  return value
})

/** A zod string that also takes a number or boolean (XML and JSON disagree on scalar types). */
export const plexString = z
  .union([z.string(), z.number(), z.boolean()])
  .transform(raw => (typeof raw === 'string' ? raw : String(raw)))

/**
 * Types a raw setting value by its declared `type`: bool → boolean, int → number, double → number,
 * anything else → string. A value that does not fit its type stays a string rather than failing.
 */
export function typeSettingValue(type: string, raw: unknown): SettingValue {
  const text = scalarText(raw)
  if (type === 'bool') {
    return parsePlexBool(raw) ?? text
  }
  if (type === 'int' || type === 'double') {
    const value = typeof raw === 'number' ? raw : Number(text.trim())
    return typeof raw !== 'boolean' && text.trim() !== '' && Number.isFinite(value) ? value : text
  }
  return text
}

// Scalars as text; anything else (absent, an object) as empty text.
function scalarText(raw: unknown): string {
  return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
    ? String(raw)
    : ''
}

/** Whether two setting values mean the same thing (true and "1", 16 and "16"). */
export function sameSettingValue(a: SettingValue, b: SettingValue): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const left = parsePlexBool(a)
    const right = parsePlexBool(b)
    return left !== undefined && left === right
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const left = Number(a)
    const right = Number(b)
    return (
      Number.isFinite(left) && left === right && String(a).trim() !== '' && String(b).trim() !== ''
    )
  }
  return a === b
}

/** The wire form of a value in a query string or form body: booleans as 1/0. */
export function encodeSettingValue(value: SettingValue): string {
  if (typeof value === 'boolean') {
    return value ? '1' : '0'
  }
  return String(value)
}

/** A list that PMS JSON sometimes sends as a single object (`"Player": {…}`): always an array. */
export function plexList<T extends z.ZodType>(item: T) {
  return z.preprocess(raw => (raw === undefined || Array.isArray(raw) ? raw : [raw]), z.array(item))
}
