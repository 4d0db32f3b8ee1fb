import { Page } from '../../app/page'
import { useText } from '../../i18n/use-text'

/** The overview screen. */
export function OverviewScreen() {
  const text = useText()
  return <Page title={text.nav.overview}>{null}</Page>
}
