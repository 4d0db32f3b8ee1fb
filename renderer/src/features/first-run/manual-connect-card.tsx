import { useState, type FormEvent } from 'react'
import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'

/** Connects to a server by its address and token. */
export function ManualConnectCard() {
  const text = useText()
  const connect = useAppStore(s => s.manualConnectRequested)
  const connecting = useAppStore(s => s.phase === 'connecting')
  const [url, setUrl] = useState('http://127.0.0.1:32400')
  const [token, setToken] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void connect(url.trim(), token.trim())
  }
  return (
    <section className="card" aria-labelledby="first-run-manual">
      <h2 id="first-run-manual">{text.firstRun.manual}</h2>
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span>{text.firstRun.url}</span>
          <input type="url" required value={url} onChange={event => setUrl(event.target.value)} />
        </label>
        <label className="field">
          <span>{text.firstRun.token}</span>
          <input
            type="password"
            required
            autoComplete="off"
            value={token}
            onChange={event => setToken(event.target.value)}
            aria-describedby="token-hint"
          />
        </label>
        <p id="token-hint" className="small muted">
          {text.firstRun.tokenHint}
        </p>
        <div>
          <button type="submit" className="button" disabled={connecting}>
            {connecting ? text.firstRun.connecting : text.firstRun.connect}
          </button>
        </div>
      </form>
    </section>
  )
}
