import { join } from 'node:path'
import type { PrivacyBridge } from '../common/api/contract'
import type { AppError } from '../common/api/errors'
import { createInProcessBridge } from '../common/api/in-process-bridge'
import type { ConnectedServer } from '../common/api/server-schemas'
import type { ShownNotice } from '../common/notices/notice'
import { ok, type Result } from '../common/util/result'
import { defaultTimeoutMs } from '../node/server/resolve-connection'
import { createCoreService, type CoreService } from '../node/service/create-core-service'
import type { NamedServer } from '../node/service/ports'
import {
  createPrivateFileSecretStore,
  privateSecretsFileName,
} from '../node/secrets/private-file-secret-store'
import { createFileSettingsStore } from '../node/settings/file-settings-store'
import { sharedFolderProblem } from '../node/files/private-files'
import { resolveStateDir } from '../node/state/state-dir'
import type { WatchChoices } from '../node/watch/core-watch'
import { fail, integerOption, stringOption, UsageError, type CommandContext } from './command'

/** The core of one command, and the contract it is reached through. */
export interface CommandCore {
  /** The contract, over the in-process bridge (inputs parsed as over IPC and HTTP). */
  readonly bridge: PrivacyBridge
  /**
   * Connects to the server the common options name (else HUSH_SERVER and HUSH_TOKEN, else the
   * server on another machine picked with `hush servers use`, else the local server); only the
   * picked server stays remembered, as it was.
   */
  readonly connect: () => Promise<Result<ConnectedServer, AppError>>
  /** Prints the warnings the core gave since the last call (switch files found corrupt). */
  readonly printWarnings: () => void
  /** Starts the core's watch on the connected server (`hush watch`). */
  readonly startWatch: (choices: WatchChoices) => Promise<void>
}

/** How a command uses its core. */
export interface CommandCoreOptions {
  /**
   * The command changes the server (apply, set, undo): Ctrl-C does not cut its requests short,
   * so that a rollback can still be sent; the change stops between steps instead.
   */
  readonly changes?: boolean
}

/** What the CLI prints at once of what the core tells the owner: the rest is the command's. */
const saidAtOnce = new Set([
  'applyInterrupted',
  'timedChangeEnded',
  'timedChangeFailed',
  // The picked server answered at another of its addresses: the owner learns where it is now.
  'connectionChanged',
])

/** The one-line message of a failure the core reports in the background (an AppError or an Error). */
function messageOf(error: unknown): string {
  const message = (error as { readonly message?: unknown } | null)?.message
  return typeof message === 'string' ? message : String(error)
}

/** The state folder of the options (else HUSH_STATE_DIR, else the owner's); never a shared one. */
export function cliStateDir(context: CommandContext): string {
  const dir = resolveStateDir(stringOption(context, 'state-dir'), context.io.env)
  const problem = sharedFolderProblem(dir)
  if (problem !== null) {
    throw new UsageError(problem)
  }
  return dir
}

/** The server named by the common options (docs/architecture.md §4). */
function namedServer(context: CommandContext): NamedServer {
  const text = (name: string) => {
    const value = stringOption(context, name)
    return value === '' ? undefined : value
  }
  return {
    server: text('server'),
    token: text('token'),
    tokenFile: text('token-file'),
    dataDir: text('data-dir'),
    accountUrl: text('account-url'),
  }
}

/** A command's core, open: `close` stops it. */
export interface OpenCommandCore extends CommandCore {
  readonly close: () => Promise<void>
}

/**
 * Opens the core of one command: a `command` core in the state folder of the options, with the
 * host choices of the common options (the named server, the timeout, Ctrl-C) and a notifier
 * that prints on stderr what the owner must know (docs/architecture.md §4).
 */
export async function openCommandCore(
  context: CommandContext,
  options: CommandCoreOptions,
): Promise<OpenCommandCore> {
  const { io } = context
  const timeoutMs = integerOption(context, 'timeout', defaultTimeoutMs)
  const stateDir = cliStateDir(context)
  const warnings: string[] = []
  let watching = false
  const notify = (notice: ShownNotice) => {
    if (notice.kind === 'fileRepaired') {
      warnings.push(notice.body)
    } else if (saidAtOnce.has(notice.kind) && !(watching && notice.kind === 'timedChangeEnded')) {
      io.stderr(`hush: ${notice.body}\n`)
    }
  }
  const core: CoreService = await createCoreService({
    stateDir,
    env: io.env,
    // The plex.tv account token (`hush login`) and the tokens of servers picked through it.
    secrets: createPrivateFileSecretStore(join(stateDir, privateSecretsFileName)),
    settings: createFileSettingsStore(stateDir),
    lifetime: 'command',
    language: 'en',
    named: namedServer(context),
    limits: options.changes
      ? { timeoutMs, changeSignal: io.signal }
      : { timeoutMs, signal: io.signal },
    notifier: { notify },
    onBackgroundError: error => io.stderr(`hush: ${messageOf(error)}\n`),
  })
  const bridge = createInProcessBridge(core.api, core.events)
  return {
    bridge,
    connect: async () => {
      // Named by the options or the environment, else picked with `hush servers use`, else local.
      const named = namedServer(context)
      const naming = [named.server, named.token, named.tokenFile, named.dataDir]
      if (naming.every(value => value === undefined) && !io.env.HUSH_SERVER && !io.env.HUSH_TOKEN) {
        const picked = (await bridge.call('server.list', {})).find(s => s.last && s.remote)
        if (picked !== undefined) {
          const connected = await bridge.call('server.select', { id: picked.id })
          return connected.ok ? ok({ ...connected.value, dataDir: null }) : connected
        }
      }
      return bridge.call('server.connectLocal', { remember: false })
    },
    printWarnings: () => {
      for (const warning of warnings.splice(0)) {
        io.stderr(`hush: warning: ${warning}\n`)
      }
    },
    startWatch: async choices => {
      await core.start(choices)
      // From here a timed change that ends is the watch's to print, as it happens.
      watching = true
    },
    close: () => core.stop(),
  }
}

/** Runs a command against a core of its own (openCommandCore), stopped when `run` ends. */
export async function withCommandCore<T>(
  context: CommandContext,
  options: CommandCoreOptions,
  run: (core: CommandCore) => Promise<T>,
): Promise<T> {
  const core = await openCommandCore(context, options)
  try {
    return await run(core)
  } finally {
    await core.close()
  }
}

/**
 * Runs a command on its core once connected to the server the options name; a connection that
 * fails is the command's one-line failure.
 */
export function withConnectedCore(
  context: CommandContext,
  options: CommandCoreOptions,
  run: (core: CommandCore, server: ConnectedServer) => Promise<number>,
): Promise<number> {
  return withCommandCore(context, options, async core => {
    const connected = await core.connect()
    return connected.ok ? run(core, connected.value) : fail(context.io, connected.error.message)
  })
}

/** A core for the commands that only use Hush's state folder (`hush log …`). */
export function withStateCore<T>(
  context: CommandContext,
  run: (bridge: PrivacyBridge) => Promise<T>,
): Promise<T> {
  return withCommandCore(context, {}, core => run(core.bridge))
}
