import { Page } from '../../app/page'
import { useText } from '../../i18n/use-text'

/** The verify screen. */
export function VerifyScreen() {
  const text = useText()
  return <Page title={text.nav.verify}>{null}</Page>
}
