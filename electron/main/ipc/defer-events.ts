import type { ApiEvents } from '../../common/api/contract'
import type { EventHub } from '../../common/util/event-hub'

/**
 * The core's events before the core exists: IPC is served before the core starts, so a
 * subscription waits for it, and one made on a core that never starts simply never fires.
 */
export function deferEvents(
  core: Promise<{ events: EventHub<ApiEvents> }>,
): Pick<EventHub<ApiEvents>, 'on'> {
  const on: EventHub<ApiEvents>['on'] = (event, listener) => {
    let stop: (() => void) | undefined
    let stopped = false
    core.then(
      started => {
        if (!stopped) {
          stop = started.events.on(event, listener)
        }
      },
      () => undefined,
    )
    return () => {
      stopped = true
      stop?.()
    }
  }
  return { on }
}
