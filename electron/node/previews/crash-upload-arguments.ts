import type { CrashUploadArgument } from '../../common/api/preview-schemas'
import type { PlexClient } from '../server/plex-client'

/** An e-mail address shown so that its owner recognises it and a screenshot does not give it away. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@')
  return at <= 0 ? '…' : `${email[0] ?? ''}…@${email.slice(at + 1)}`
}

/**
 * The arguments of the CrashUploader job this server would run now (reference §3.4, §9.2), from its
 * own identity, root and settings: what each upload tells Sentry about the server and its owner.
 * The dump is read from `--directory`, which stays on the server, and `--sentryKey` is Plex's key:
 * neither is listed.
 */
export async function crashUploadArguments(client: PlexClient): Promise<CrashUploadArgument[]> {
  const [identity, root, mail, retries] = await Promise.all([
    client.identity(),
    client.root(),
    client.pref('PlexOnlineMail'),
    client.pref('CrashUploadRetries'),
  ])
  const email = mail.ok && typeof mail.value.value === 'string' ? mail.value.value : ''
  const signedIn = root.ok && (root.value.signInState === 'ok' || root.value.myPlex)
  const args: CrashUploadArgument[] = [
    {
      name: '--serverUuid',
      value: identity.ok ? identity.value.machineIdentifier : null,
      meaning: 'serverId',
    },
    {
      name: '--userId',
      value: signedIn && email !== '' ? maskEmail(email) : 'NOUSERID',
      meaning: signedIn && email !== '' ? 'accountEmail' : 'noUser',
    },
    { name: '--version', value: identity.ok ? identity.value.version : null, meaning: 'version' },
    { name: '--platform', value: root.ok ? root.value.platform : null, meaning: 'platform' },
    {
      name: '--platformVersion',
      value: root.ok ? root.value.platformVersion : null,
      meaning: 'platform',
    },
    { name: '--vendor', value: null, meaning: 'device' },
    { name: '--model', value: null, meaning: 'device' },
    { name: '--device', value: null, meaning: 'device' },
    { name: '--sessionStatus', value: 'crashed', meaning: 'session' },
    { name: '--sessionStart', value: null, meaning: 'session' },
    { name: '--sessionDuration', value: null, meaning: 'session' },
    {
      name: '--sentryUrl',
      value: 'https://o17675.ingest.sentry.io/api/1233455/',
      meaning: 'destination',
    },
  ]
  if (retries.ok && retries.value.value === true) {
    args.push({ name: '--allowRetries', value: null, meaning: 'retries' })
  }
  return args
}
