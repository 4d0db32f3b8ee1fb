import { assertNever } from '../../../electron/common/util/assert'
import { LogScreen } from '../features/log/log-screen'
import { OverviewScreen } from '../features/overview/overview-screen'
import { PreviewsScreen } from '../features/previews/previews-screen'
import { SettingsScreen } from '../features/settings/settings-screen'
import { SwitchesScreen } from '../features/switches/switches-screen'
import { VerifyScreen } from '../features/verify/verify-screen'
import { useAppStore } from '../store/app-store-context'

/** The screen chosen in the navigation. */
export function ScreenOutlet() {
  const screen = useAppStore(s => s.screen)
  switch (screen) {
    case 'overview':
      return <OverviewScreen />
    case 'switches':
      return <SwitchesScreen />
    case 'log':
      return <LogScreen />
    case 'previews':
      return <PreviewsScreen />
    case 'verify':
      return <VerifyScreen />
    case 'settings':
      return <SettingsScreen />
    default:
      return assertNever(screen, 'unknown screen')
  }
}
