import type { AppError } from '../../common/api/errors'
import type { DriftCause, DriftChange, DriftReport } from '../../common/api/watch-schemas'
import { ok, type Result } from '../../common/util/result'
import type { PlexClient } from '../server/plex-client'
import type { SwitchEngine } from '../switches/switch-engine'
import { ownerChoices } from './owner-choices'
import type { ServerVersions } from './server-versions'

/** What a drift check reads. */
export interface DriftDeps {
  readonly client: PlexClient
  readonly engine: SwitchEngine
  readonly versions: ServerVersions
  readonly now?: () => Date
}

/**
 * Compares the live switches with the owner's choices. A switch drifted when the owner chose on or
 * off and it now reads otherwise (mixed counts; unavailable and unknown do not: Hush cannot tell).
 * The cause: a server update when the version changed after Hush's last change, else someone else
 * when Hush knew the version before, else unknown.
 */
export async function checkDrift(deps: DriftDeps): Promise<Result<DriftReport, AppError>> {
  const now = deps.now ?? (() => new Date())
  const identity = await deps.client.identity()
  if (!identity.ok) {
    return identity
  }
  const reading = await deps.engine.readSwitchStates()
  if (!reading.ok) {
    return reading
  }
  const serverId = identity.value.machineIdentifier
  const seen = await deps.versions.observe(serverId, identity.value.version)
  const history = await deps.engine.history()
  const { profile, wants } = ownerChoices(history, reading.value.switchboard.switches)
  const lastChange = history.at(-1)?.at ?? null
  const updatedSince =
    seen.now.changedAt !== null && (lastChange === null || seen.now.changedAt >= lastChange)
  const why: DriftCause = updatedSince
    ? 'server-update'
    : seen.before === null
      ? 'unknown'
      : 'someone-else'
  const changes: DriftChange[] = []
  for (const status of reading.value.switchboard.switches) {
    const wanted = wants.get(status.id)
    if (wanted === undefined || status.state === wanted) {
      continue
    }
    if (status.state === 'unavailable' || status.state === 'unknown') {
      continue
    }
    changes.push({
      switchId: status.id,
      before: wanted,
      after: status.state,
      why,
      targets: status.targets.map(target => ({ key: target.key, value: target.value })),
    })
  }
  return ok({
    serverId,
    serverVersion: identity.value.version,
    previousVersion: updatedSince ? seen.now.previousVersion : null,
    profile,
    watched: wants.size,
    changes,
    checkedAt: now().toISOString(),
  })
}
