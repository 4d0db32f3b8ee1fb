import { useText } from '../../i18n/use-text'

/** The first-run screen. */
export function FirstRunScreen() {
  const text = useText()
  return <main className="page">{text.firstRun.title}</main>
}
