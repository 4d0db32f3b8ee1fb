import { Spelled, type ResponseElement } from './render'
import type { SettingDefinition, SettingValue } from './setting-types'

function spelled(value: SettingValue): Spelled | number | string {
  // Real library prefs XML spells booleans `True`/`False` (reference §1.1); JSON has true/false.
  if (typeof value === 'boolean') {
    return new Spelled(value ? 'True' : 'False', value)
  }
  return value
}

/** One `<Setting …/>` element, with typed JSON values and `hidden`/`advanced` as 0/1 in XML. */
export function settingElement(setting: SettingDefinition, value: SettingValue): ResponseElement {
  return {
    tag: 'Setting',
    attributes: {
      id: setting.id,
      label: setting.label,
      summary: setting.summary,
      type: setting.type,
      default: spelled(setting.default),
      value: spelled(value),
      hidden: setting.hidden,
      advanced: setting.advanced,
      group: setting.group,
      enumValues: setting.enumValues,
    },
  }
}

/** A `MediaContainer` of settings. */
export function settingsContainer(
  settings: readonly SettingDefinition[],
  valueOf: (id: string) => SettingValue,
): ResponseElement {
  return {
    tag: 'MediaContainer',
    attributes: { size: settings.length },
    children: settings.map(setting => settingElement(setting, valueOf(setting.id))),
  }
}
