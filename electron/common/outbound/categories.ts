/**
 * The categories of outbound traffic (issue #4), from the privacy map's data flows.
 *
 * `local` is traffic that never leaves the machine or the LAN (loopback plug-in host, private
 * addresses); everything else is upstream.
 */
export const outboundCategories = [
  'metadata-matching',
  'account',
  'registration',
  'remote-access',
  'relay',
  'crash-reports',
  'usage',
  'trailers-extras',
  'live-tv',
  'updates',
  'webhooks',
  'certificates',
  'other-upstream',
  'local',
] as const

/** One category of outbound traffic. */
export type OutboundCategory = (typeof outboundCategories)[number]
