import type { PrivacyApi } from '../../common/api/contract'
import type { TrayAction } from '../../common/tray/tray-types'

/** What a tray click may reach besides the core. */
export interface TrayHost {
  readonly open: () => void
  readonly quit: () => void
  /** Tells the owner a change failed (one line). */
  readonly report: (message: string) => void
}

/** Carries out a tray action through the same core methods as the window and the CLI. */
export async function runTrayAction(
  action: TrayAction,
  api: PrivacyApi,
  host: TrayHost,
): Promise<void> {
  switch (action.kind) {
    case 'open':
      return host.open()
    case 'quit':
      return host.quit()
    case 'set-switch': {
      const report = await api['switches.set']({
        switchId: action.id,
        value: action.value,
        force: false,
      })
      if (!report.ok) {
        host.report(report.error.message)
      }
      return
    }
    case 'apply-profile': {
      const plan = await api['switches.planProfile']({ profile: action.profile })
      const report = plan.ok
        ? await api['switches.apply']({ plan: plan.value, force: false })
        : plan
      if (!report.ok) {
        host.report(report.error.message)
      }
      return
    }
  }
}
