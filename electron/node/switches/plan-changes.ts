import type { Plan, PlanStep } from '../../common/api/switch-schemas'
import type { Language } from '../../common/i18n/localized-text'
import type { SettingValue } from '../../common/switches/switch-types'
import { sameSettingValue } from '../server/plex-values'
import type { ResolvedSwitch, TargetInstance } from './resolve-targets'

/** What the owner wants of one switch. */
export type SwitchWish = 'on' | 'off' | 'default'

/** A plan, plus the targets it had to leave alone and why. */
export type SwitchPlan = Plan & { readonly skipped: NonNullable<Plan['skipped']> }

/** Values Hush saw before turning something off, by target key (previous agents, free-text prefs). */
export type RememberedValues = Readonly<Record<string, SettingValue>>

type Desired = { readonly value: SettingValue } | { readonly skip: string } | null

// Step order: server prefs, library prefs, library agents, then the account.
const kindOrder: Readonly<Record<string, number>> = {
  'server-pref': 0,
  'library-pref': 1,
  'library-agent': 2,
  'account-privacy': 3,
  'account-opt-out': 3,
  'account-view-state-sync': 3,
}

/** The value a target should take for a wish; null when it already fits or has nothing to do. */
export function desiredValue(
  instance: TargetInstance,
  wish: SwitchWish,
  remembered: RememberedValues,
): Desired {
  const target = instance.target
  if (wish === 'default') {
    return target.kind === 'server-pref' || target.kind === 'library-pref'
      ? instance.defaultValue === null
        ? null
        : { value: instance.defaultValue }
      : null
  }
  const off = wish === 'off'
  switch (target.kind) {
    case 'server-pref':
    case 'library-pref': {
      if (off) {
        return { value: target.off }
      }
      if (target.on !== null) {
        return { value: target.on }
      }
      if (instance.position === 'on') {
        return null
      }
      const earlier = remembered[instance.key]
      return earlier === undefined
        ? { skip: `${instance.label} has no earlier value to restore; set it on the server itself` }
        : { value: earlier }
    }
    case 'library-agent': {
      if (off) {
        if (instance.position === 'off') {
          return null
        }
        const agent =
          instance.libraryType === null ? undefined : target.offAgent[instance.libraryType]
        return agent === undefined
          ? { skip: `no local agent is known for ${instance.label}` }
          : { value: agent }
      }
      if (instance.position === 'on') {
        return null
      }
      // A library that was always local (photos, home videos) has no internet agent to go back to.
      const earlier = remembered[instance.key]
      return earlier === undefined ? null : { value: earlier }
    }
    case 'account-privacy':
      return { value: off }
    case 'account-opt-out':
      return { value: off ? 'opt_out' : 'opt_in' }
    case 'account-view-state-sync':
      return { value: !off }
  }
}

/** Builds a plan: one step per target whose value differs from what the wish asks. */
export function buildPlan(
  title: string,
  wishes: ReadonlyArray<{ readonly resolved: ResolvedSwitch; readonly wish: SwitchWish }>,
  readAt: string,
  remembered: RememberedValues,
  language: Language,
): SwitchPlan {
  const steps: Array<PlanStep & { order: number }> = []
  const skipped: Array<{ switchId: string; reason: string }> = []
  const breaks: Array<{ switchId: string; text: string }> = []
  for (const { resolved, wish } of wishes) {
    const switchId = resolved.entry.id
    for (const missing of resolved.missing) {
      if (missing.state === 'unknown') {
        skipped.push({ switchId, reason: missing.reason })
      }
    }
    let turnsOff = false
    for (const instance of resolved.instances) {
      const desired = desiredValue(instance, wish, remembered)
      if (desired === null) {
        continue
      }
      if ('skip' in desired) {
        skipped.push({ switchId, reason: desired.skip })
        continue
      }
      if (sameSettingValue(instance.value, desired.value)) {
        continue
      }
      const owner = steps.find(step => step.target === instance.key)
      if (owner) {
        // Two switches share this target: the first one's wish wins, one write per target.
        skipped.push({ switchId, reason: `${instance.label} is already set by ${owner.switchId}` })
        continue
      }
      turnsOff ||= wish === 'off' || positionAfterDefault(instance, desired.value)
      steps.push({
        switchId,
        target: instance.key,
        label: instance.label,
        before: instance.value,
        after: desired.value,
        order: kindOrder[instance.target.kind] ?? 9,
      })
    }
    if (turnsOff) {
      breaks.push({ switchId, text: resolved.entry.breaks[language] })
    }
  }
  const ordered = steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.order - b.step.order || a.index - b.index)
    .map(({ step: { order: _order, ...step } }) => step)
  return { title, steps: ordered, breaks, readAt, skipped }
}

function positionAfterDefault(instance: TargetInstance, value: SettingValue): boolean {
  const target = instance.target
  return (
    (target.kind === 'server-pref' || target.kind === 'library-pref') &&
    sameSettingValue(value, target.off)
  )
}
