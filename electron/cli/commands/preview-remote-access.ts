import type { RemoteAccessPreview } from '../../common/api/preview-schemas'
import { buildRemoteAccessPreview } from '../../node/previews/remote-access-preview'
import { exitCode, fail, flagOption, printJson, type Command } from '../command'
import { connectCommand } from '../connect-command'

/** `hush preview remote-access`: how the server is reached from outside and what it publishes. */
export const previewRemoteAccessCommand: Command = {
  name: 'preview remote-access',
  summary: 'Remote access, port mapping and relay, and what the server publishes about itself',
  usage: '[--json]',
  options: { json: { type: 'boolean' } },
  connects: true,
  async run(context) {
    const connected = await connectCommand(context)
    if (!connected.ok) {
      return fail(context.io, connected.error.message)
    }
    const { connection, account, dataDir } = connected.value
    const preview = await buildRemoteAccessPreview(
      connection.client,
      account,
      connection.info.machineIdentifier,
      dataDir,
    )
    if (!preview.ok) {
      return fail(context.io, preview.error.message)
    }
    if (flagOption(context, 'json')) {
      printJson(context.io, preview.value)
    } else {
      context.io.stdout(formatRemoteAccess(preview.value))
    }
    return exitCode.ok
  },
}

function yesNo(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'yes' : 'no'
}

function formatRemoteAccess(preview: RemoteAccessPreview): string {
  const address =
    preview.publicAddress === null
      ? 'unknown'
      : `${preview.publicAddress}${preview.publicPort === null ? '' : `:${preview.publicPort}`}`
  const lines = [
    `Remote access       ${preview.remoteAccess}`,
    `Port mapping        ${preview.mappingSummary}`,
    `Public address      ${address}`,
    `Relay enabled       ${yesNo(preview.relayEnabled)}`,
    `Relay in use        ${yesNo(preview.relayInUse)}`,
    `Custom URLs         ${preview.customUrls.join(', ') || 'none'}`,
    `Certificate domain  ${preview.certificateDomain ?? 'none'}`,
    '',
    'Addresses the server published to plex.tv:',
    ...(preview.publishedAddresses.length > 0
      ? preview.publishedAddresses.map(uri => `  - ${uri}`)
      : ['  (none seen)']),
    ...preview.unknowns.map(text => `Note: ${text}`),
  ]
  return `${lines.join('\n')}\n`
}
