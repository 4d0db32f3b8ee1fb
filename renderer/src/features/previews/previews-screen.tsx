import { Page } from '../../app/page'
import { useText } from '../../i18n/use-text'

/** The previews screen. */
export function PreviewsScreen() {
  const text = useText()
  return <Page title={text.nav.previews}>{null}</Page>
}
