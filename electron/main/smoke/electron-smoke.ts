import type { BrowserWindow } from 'electron'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import type { PrivacyBridge } from '../../common/api/contract'
import { checkParserWorker } from '../../node/outbound/parse/parser-worker-check'
import type { CoreService } from '../../node/service/create-core-service'
import type { TrayController } from '../tray/tray-controller'
import { asOverviewSnapshot, overviewProbeScript } from './overview-probe'
import type { SmokeOptions } from './smoke-options'
import { runSmoke, smokeLine, type SmokeProbe } from './smoke-run'

/** What a smoke run needs of the running app. */
export interface DesktopSmoke {
  readonly options: SmokeOptions
  readonly startedAt: number
  readonly window: BrowserWindow
  readonly tray: () => TrayController | null
  readonly core: Promise<CoreService>
}

/**
 * The smoke run in the real app: the probe reads the real window (its page, through
 * executeJavaScript), the real tray menu, and calls the core from the window's own bridge, so each
 * call crosses the preload and IPC like the owner's clicks. Prints the JSON line (and writes it to
 * `outFile`), saves a screenshot, and resolves to the exit code.
 */
export async function runDesktopSmoke(smoke: DesktopSmoke): Promise<number> {
  const { window, options } = smoke
  const contents = window.webContents
  const probe: SmokeProbe = {
    windowShown: () =>
      new Promise(resolve => (window.isVisible() ? resolve() : window.once('show', resolve))),
    connectDemo: async () => {
      const servers = await (await smoke.core).api['server.list']({})
      return servers.length > 0 ? null : 'no server is connected'
    },
    readOverview: async () =>
      asOverviewSnapshot(await contents.executeJavaScript(overviewProbeScript, true)),
    trayMenu: () => smoke.tray()?.labels() ?? null,
    call: ((method: string, input: unknown) =>
      contents.executeJavaScript(
        `window.privacy.call(${JSON.stringify(method)}, ${JSON.stringify(input)})`,
        true,
      )) as PrivacyBridge['call'],
    sqliteBinding: process.env.HUSH_SQLITE_BINDING ?? 'bundled',
    // The worker bundle beside the main bundle, inside app.asar when packaged.
    parserWorker: () => checkParserWorker(tmpdir()),
  }
  const report = await runSmoke(
    probe,
    { now: Date.now, sleep: ms => new Promise(resolve => setTimeout(resolve, ms)) },
    { startedAt: smoke.startedAt, timeoutMs: options.timeoutMs },
  )
  if (options.screenshot) {
    const image = await contents.capturePage().catch(() => null)
    if (image) {
      await writeFile(options.screenshot, image.toPNG())
    }
  }
  const line = smokeLine(report)
  console.log(line)
  if (options.outFile) {
    await writeFile(options.outFile, `${line}\n`)
  }
  return report.ok ? 0 : 1
}
