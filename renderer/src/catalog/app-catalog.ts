import { switchCatalog } from '../../../electron/common/switches/catalog'
import { flowIds, flowTexts } from '../../../electron/common/switches/flows'
import { profileTexts } from '../../../electron/common/switches/profile-texts'
import type { CatalogView } from './catalog-view'

/** The real switch catalog, from the common layer. */
export const appCatalog: CatalogView = {
  switches: switchCatalog,
  flowOrder: flowIds,
  flows: flowTexts,
  profiles: profileTexts,
}
