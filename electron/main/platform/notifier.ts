import { Notification } from 'electron'
import type { Notifier } from '../../node/service/ports'

/** Desktop notifications through Electron; silent where the system has none. */
export function createDesktopNotifier(): Notifier {
  return {
    notify: ({ title, body }) => {
      if (Notification.isSupported()) {
        new Notification({ title, body, silent: false }).show()
      }
    },
  }
}
