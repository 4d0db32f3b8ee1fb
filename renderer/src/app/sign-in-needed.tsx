import type { HttpBridgeStart } from '../bridge/http-bridge'
import { en } from '../i18n/messages-en'
import { zh } from '../i18n/messages-zh'

/** Props of SignInNeeded. */
export interface SignInNeededProps {
  readonly reason: Extract<HttpBridgeStart, { ok: false }>['reason']
}

/**
 * Shown in web mode when the page has no session: the settings (and so the language) live in the
 * core, which this page cannot reach yet, so both languages are shown.
 */
export function SignInNeeded({ reason }: SignInNeededProps) {
  return (
    <main className="page first-run">
      {[en, zh].map(text => (
        <section className="card" key={text.nav.label} lang={text === zh ? 'zh-Hans' : 'en'}>
          <h1>{text.signIn.title}</h1>
          <p>{text.signIn[reason]}</p>
        </section>
      ))}
    </main>
  )
}
