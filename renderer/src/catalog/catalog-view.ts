import type { TitledText } from '../../../electron/common/i18n/localized-text'
import type { FlowId, ProfileId, SwitchEntry } from '../../../electron/common/switches/switch-types'

/**
 * The switch catalog as the dashboard reads it: the switches, the order and texts of the data
 * flows that group them, and the profiles. Static data, handed to the store once.
 */
export interface CatalogView {
  readonly switches: readonly SwitchEntry[]
  readonly flowOrder: readonly FlowId[]
  readonly flows: Readonly<Partial<Record<FlowId, TitledText>>>
  readonly profiles: Readonly<Record<ProfileId, TitledText>>
}
