import { findSwitch } from '../switches/catalog'
import type { TrayIcon, TrayState, TraySwitch } from './tray-types'

/**
 * Whether a switch counts for the icon: the flows the Private profile stops. Switches that even
 * a private owner may keep (push notifications, automatic updates, their own addresses) and
 * debug logging (which Hush wants on) do not turn the icon to "flowing".
 */
function isWatchedFlow(status: TraySwitch): boolean {
  return findSwitch(status.id)?.profiles.private === 'off'
}

/** The watched switches through which data can leave right now (`on`, or `mixed` across libraries). */
export function flowingSwitches(state: TrayState): readonly TraySwitch[] {
  return state.switches.filter(
    status => isWatchedFlow(status) && (status.state === 'on' || status.state === 'mixed'),
  )
}

/**
 * The overall state the icon shows: `unreachable` when the server cannot be read, `flowing` when
 * any switch the Private profile turns off is on, else `private`. A switch whose state is
 * `unknown` (plex.tv out of reach) or `unavailable` does not count either way.
 */
export function trayIconFor(state: TrayState): TrayIcon {
  if (!state.reachable) {
    return 'unreachable'
  }
  return flowingSwitches(state).length > 0 ? 'flowing' : 'private'
}

/**
 * The icon to set after a state change, or `null` when it stays as it is: the controller swaps
 * the image only when the overall state changes, not on every status update.
 */
export function trayIconUpdate(previous: TrayIcon | null, state: TrayState): TrayIcon | null {
  const next = trayIconFor(state)
  return next === previous ? null : next
}
