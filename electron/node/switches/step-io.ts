import type { PlanStep } from '../../common/api/switch-schemas'
import type { SettingValue } from '../../common/switches/switch-types'
import { sameSettingValue } from '../server/plex-values'
import type { TargetIo } from './target-io'
import type { TargetRef } from './targets/target-adapters'

/** A value as a message shows it: `nothing`, `""`, or the value. */
export function describeValue(value: SettingValue | null): string {
  return value === null ? 'nothing' : value === '' ? '""' : String(value)
}

/** One line describing a step: `RelayEnabled: true → false`. */
export function describeStep(step: PlanStep): string {
  return `${step.label}: ${describeValue(step.before)} → ${describeValue(step.after)}`
}

/** Writes one value and re-reads it: null when it holds, else why not. */
export async function writeAndVerify(
  io: TargetIo,
  ref: TargetRef,
  value: SettingValue,
  label: string,
): Promise<string | null> {
  const written = await io.write(ref, value)
  if (!written.ok) {
    return written.error.message
  }
  const check = await io.read(ref)
  if (!check.ok) {
    return `could not re-read it: ${check.error.message}`
  }
  return sameSettingValue(check.value, value)
    ? null
    : `the server kept ${describeValue(check.value)} instead of ${describeValue(value)} for ${label}`
}
