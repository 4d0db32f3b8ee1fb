import { Menu, Tray, nativeImage } from 'electron'
import { join } from 'node:path'
import type { Language } from '../../common/i18n/localized-text'
import { buildTrayModel, trayTooltip } from '../../common/tray/tray-model'
import { trayIconUpdate } from '../../common/tray/tray-icon'
import type { TrayAction, TrayIcon, TrayItem, TrayState } from '../../common/tray/tray-types'
import { menuLabels, toMenuTemplate, trayImageName } from './tray-menu'

/** The tray icon and its menu; a thin view over the pure tray model. */
export interface TrayController {
  /** Rebuilds the menu; the image changes only when the overall state does (electron#26603). */
  readonly render: (state: TrayState, language: Language) => void
  /** Shows a menu that is not the switchboard (starting, start failure) with its own tooltip. */
  readonly renderItems: (items: readonly TrayItem[], tooltip: string, icon: TrayIcon) => void
  /** The labels of the menu last built (the smoke run checks them). */
  readonly labels: () => readonly string[]
  readonly destroy: () => void
}

/**
 * Creates the tray, or returns null where the desktop has none (some Linux desktops): the window
 * and notifications then give every function.
 */
export function createTrayController(
  assetsDir: string,
  dispatch: (action: TrayAction) => void,
): TrayController | null {
  const image = (icon: TrayIcon) => {
    const picture = nativeImage.createFromPath(
      join(assetsDir, trayImageName(icon, process.platform)),
    )
    picture.setTemplateImage(process.platform === 'darwin')
    return picture
  }
  let tray: Tray
  try {
    tray = new Tray(image('unreachable'))
  } catch {
    return null
  }
  let shown: TrayIcon | null = 'unreachable'
  let built: readonly TrayItem[] = []
  const show = (items: readonly TrayItem[], tooltip: string) => {
    tray.setToolTip(tooltip)
    tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(items, dispatch)))
    built = items
  }
  return {
    render: (state, language) => {
      const next = trayIconUpdate(shown, state)
      if (next !== null) {
        tray.setImage(image(next))
        shown = next
      }
      show(buildTrayModel(state, language), trayTooltip(state, language))
    },
    renderItems: (items, tooltip, icon) => {
      if (icon !== shown) {
        tray.setImage(image(icon))
        shown = icon
      }
      show(items, tooltip)
    },
    labels: () => menuLabels(built),
    destroy: () => tray.destroy(),
  }
}
