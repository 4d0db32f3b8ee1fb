import type { Plan, PlanStep } from '../../common/api/switch-schemas'
import type { Language } from '../../common/i18n/localized-text'
import { sameSettingValue } from '../server/plex-values'
import type { ResolvedSwitch } from './resolve-targets'
import type { Desired, RememberedValues, TargetInstance } from './targets/target-adapter'
import { adapterOf, targetPosition } from './targets/target-adapters'

/** What the owner wants of one switch. */
export type SwitchWish = 'on' | 'off' | 'default'

/** A plan, plus the targets it had to leave alone and why. */
export type SwitchPlan = Plan & { readonly skipped: NonNullable<Plan['skipped']> }

/**
 * The value a target should take for a wish; null when it already fits or has nothing to do.
 * `default` is the server's own default, where the server reports one.
 */
export function desiredValue(
  instance: TargetInstance,
  wish: SwitchWish,
  remembered: RememberedValues,
): Desired {
  if (wish === 'default') {
    return instance.defaultValue === null ? null : { value: instance.defaultValue }
  }
  return adapterOf(instance.target.kind).desired(instance.target, instance, wish, remembered)
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
      turnsOff ||= wish === 'off' || targetPosition(instance.target, desired.value) === 'off'
      steps.push({
        switchId,
        target: instance.key,
        label: instance.label,
        before: instance.value,
        after: desired.value,
        order: adapterOf(instance.target.kind).planOrder,
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
