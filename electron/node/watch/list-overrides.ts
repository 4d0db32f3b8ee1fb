import type { AppError } from '../../common/api/errors'
import type { Override, OverridesReport } from '../../common/api/watch-schemas'
import { ok, type Result } from '../../common/util/result'
import { sameSettingValue } from '../server/plex-values'
import type { SwitchEngine } from '../switches/switch-engine'
import type { SwitchStore } from '../switches/switch-store'

/**
 * Every switch target whose live value differs from the default the server states for it, with
 * who set it: Hush when its audit trail's last applied change of that target wrote this value
 * (then `since` is when), else someone else (another admin, a client app, an update, or the
 * owner in Plex's own settings) — Plex keeps no record of who, so Hush says no more than that.
 */
export async function listOverrides(
  engine: SwitchEngine,
  store: SwitchStore,
): Promise<Result<OverridesReport, AppError>> {
  const reading = await engine.readSwitchStates()
  if (!reading.ok) {
    return reading
  }
  const { switchboard } = reading.value
  const serverId = switchboard.server.machineIdentifier
  const audit = (await store.audit()).filter(entry => entry.serverId === serverId)
  const overrides: Override[] = []
  const listed = new Set<string>()
  for (const status of switchboard.switches) {
    for (const target of status.targets) {
      const { value, defaultValue } = target
      if (value === null || defaultValue === null || sameSettingValue(value, defaultValue)) {
        continue
      }
      if (listed.has(target.key)) {
        continue
      }
      listed.add(target.key)
      const trail = audit.filter(entry => entry.target === target.key)
      const last = trail.filter(entry => entry.outcome === 'applied').at(-1)
      const byHush =
        last !== undefined && last.after !== null && sameSettingValue(last.after, value)
      overrides.push({
        switchId: status.id,
        target: target.key,
        label: target.label,
        value,
        defaultValue,
        by: byHush ? 'hush' : 'someone-else',
        since: byHush ? last.at : null,
        audit: trail.map(entry => ({
          at: entry.at,
          command: entry.command,
          switchId: entry.switchId,
          target: entry.target,
          before: entry.before,
          after: entry.after,
          outcome: entry.outcome,
          detail: entry.detail,
        })),
      })
    }
  }
  return ok({ serverId, overrides, readAt: switchboard.readAt })
}
