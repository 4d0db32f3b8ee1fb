import type { MenuItemConstructorOptions } from 'electron'
import type { TrayAction, TrayIcon, TrayItem } from '../../common/tray/tray-types'

/** Maps the pure tray model to Electron menu templates; clicks go to `dispatch`. */
export function toMenuTemplate(
  items: readonly TrayItem[],
  dispatch: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map(item => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator', id: item.id }
      case 'submenu':
        return {
          type: 'submenu',
          id: item.id,
          label: item.label,
          enabled: item.enabled,
          submenu: toMenuTemplate(item.submenu, dispatch),
        }
      case 'checkbox':
      case 'radio':
        return {
          type: item.type,
          id: item.id,
          label: item.label,
          checked: item.checked,
          enabled: item.enabled,
          click: () => dispatch(item.action),
        }
      case 'normal': {
        const action = item.action
        return {
          type: 'normal',
          id: item.id,
          label: item.label,
          enabled: item.enabled,
          ...(action ? { click: () => dispatch(action) } : {}),
        }
      }
    }
  })
}

/** The tray image file for a state on each platform (see assets/ and docs/packaging.md). */
export function trayImageName(icon: TrayIcon, platform: NodeJS.Platform): string {
  const capitalized = `${icon.charAt(0).toUpperCase()}${icon.slice(1)}`
  switch (platform) {
    case 'darwin':
      return `tray${capitalized}Template.png`
    case 'win32':
      return `tray-${icon}.ico`
    default:
      return `tray-${icon}.png`
  }
}

/** Every label of a menu, submenus included, in order (separators have none). */
export function menuLabels(items: readonly TrayItem[]): string[] {
  return items.flatMap(item =>
    item.type === 'separator'
      ? []
      : item.type === 'submenu'
        ? [item.label, ...menuLabels(item.submenu)]
        : [item.label],
  )
}
