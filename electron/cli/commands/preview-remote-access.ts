import type { RemoteAccessPreview } from '../../common/api/preview-schemas'
import { exitCode, fail, flagOption, printJson, type Command } from '../command'
import { withConnectedCore } from '../command-core'

/** `hush preview remote-access`: how the server is reached from outside and what it publishes. */
export const previewRemoteAccessCommand: Command = {
  name: 'preview remote-access',
  summary: 'Remote access, port mapping and relay, and what the server publishes about itself',
  usage: '[--json]',
  options: { json: { type: 'boolean' } },
  connects: true,
  run: context =>
    withConnectedCore(context, {}, async ({ bridge }) => {
      const preview = await bridge.call('preview.remoteAccess', {})
      if (!preview.ok) {
        return fail(context.io, preview.error.message)
      }
      if (flagOption(context, 'json')) {
        printJson(context.io, preview.value)
      } else {
        context.io.stdout(formatRemoteAccess(preview.value))
      }
      return exitCode.ok
    }),
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
