/**
 * The names of the contract's methods and events, without their schemas.
 *
 * The sandboxed preload allow-lists calls with these and must stay small (no zod); a test keeps
 * this list equal to the keys of `apiMethods`.
 */
export const apiMethodNames = [
  'server.discover',
  'server.check',
  'server.list',
  'server.connect',
  'server.connectLocal',
  'server.connectDemo',
  'server.select',
  'switches.status',
  'switches.planProfile',
  'switches.planSet',
  'switches.apply',
  'switches.set',
  'switches.undo',
  'log.page',
  'log.count',
  'log.stats',
  'log.event',
  'log.export',
  'log.import',
  'log.tailStatus',
  'log.evidence',
  'log.witness',
  'preview.matching',
  'preview.remoteAccess',
  'preview.crashReports',
  'preview.deleteCrashDumps',
  'preview.account',
  'verify.run',
  'verify.report',
  'watch.drift',
  'watch.overrides',
  'settings.get',
  'settings.update',
  'account.signIn',
  'account.signInWait',
  'account.signOut',
  'account.status',
  'remote.servers',
  'remote.use',
  'remote.pull',
  'remote.logSource',
  'notices.recent',
  'notices.dismiss',
] as const

/** Every push event name, for the bridges that forward them. */
export const apiEventNames = [
  'server.checked',
  'switches.changed',
  'log.recorded',
  'destination.discovered',
  'drift.detected',
  'settings.changed',
  'owner.notified',
  'remote.pulled',
] as const
