import type { DriftReport } from '../../common/api/watch-schemas'

const causeText = {
  'server-update': 'a server update',
  'someone-else': 'someone else',
  unknown: 'unknown',
} as const

/** The drift as text: one summary line, then one line per switch (before → after, why). */
export function formatDrift(drift: DriftReport): string {
  if (drift.watched === 0) {
    return 'No drift to check: apply a profile or set a switch first (`hush apply private`).\n'
  }
  const count = drift.changes.length
  const what =
    drift.profile === null ? 'your choices' : `the ${drift.profile} profile and your choices`
  if (count === 0) {
    return `No drift: all ${drift.watched} switches are as you chose (${what}).\n`
  }
  const update =
    drift.previousVersion === null
      ? ''
      : ` The server was updated from ${drift.previousVersion} to ${drift.serverVersion}.`
  const lines = drift.changes.map(
    change =>
      `  ${change.switchId}: ${change.before} → ${change.after} (why: ${causeText[change.why]})`,
  )
  return `Drift: ${count} of ${drift.watched} switch${count === 1 ? ' is' : 'es are'} no longer as you chose (${what}).${update}\n${lines.join('\n')}\n`
}
