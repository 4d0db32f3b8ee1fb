import { Page } from '../../app/page'
import { useText } from '../../i18n/use-text'
import { AppearanceCard } from './appearance-card'
import { LogSettingsCard } from './log-settings-card'
import { ServersCard } from './servers-card'

/** Servers, language and appearance, and the outbound log's retention and privacy level. */
export function SettingsScreen() {
  const text = useText()
  return (
    <Page title={text.settings.title}>
      <ServersCard />
      <AppearanceCard />
      <LogSettingsCard />
    </Page>
  )
}
