import { Page } from '../../app/page'
import { useText } from '../../i18n/use-text'
import { AppearanceCard } from './appearance-card'
import { LogSettingsCard } from './log-settings-card'
import { PlexServersCard } from '../first-run/plex-servers-card'
import { ServersCard } from './servers-card'
import { WatchSettingsCard } from './watch-settings-card'
import { WitnessSettingsCard } from './witness-settings-card'

/** Servers, language and appearance, the outbound log, the connection witness, and the watch. */
export function SettingsScreen() {
  const text = useText()
  return (
    <Page title={text.settings.title}>
      <ServersCard />
      <PlexServersCard />
      <AppearanceCard />
      <LogSettingsCard />
      <WitnessSettingsCard />
      <WatchSettingsCard />
    </Page>
  )
}
