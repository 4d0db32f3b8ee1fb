import { Page } from '../../app/page'
import { useText } from '../../i18n/use-text'

/** The settings screen. */
export function SettingsScreen() {
  const text = useText()
  return <Page title={text.nav.settings}>{null}</Page>
}
