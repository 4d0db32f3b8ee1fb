/** The value types of a Plex Media Server setting, as `/:/prefs` names them. */
export type SettingType = 'bool' | 'int' | 'text' | 'double'

/** A typed setting value, as JSON carries it. */
export type SettingValue = boolean | number | string

/** One setting of `/:/prefs`, without its instance value. */
export interface SettingDefinition {
  readonly id: string
  readonly label: string
  readonly summary: string
  readonly type: SettingType
  readonly default: SettingValue
  readonly hidden: boolean
  readonly advanced: boolean
  readonly group: string
  readonly enumValues?: string
}
