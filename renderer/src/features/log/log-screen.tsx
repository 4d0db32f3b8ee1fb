import { Page } from '../../app/page'
import { useText } from '../../i18n/use-text'

/** The log screen. */
export function LogScreen() {
  const text = useText()
  return <Page title={text.nav.log}>{null}</Page>
}
