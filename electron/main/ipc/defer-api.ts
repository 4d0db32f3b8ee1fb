import { apiMethodNames, type PrivacyApi } from '../../common/api/contract'

/**
 * A PrivacyApi whose calls wait for the core: the window paints first and the core starts after
 * it, so IPC handlers are in place before the renderer's first call and answer once it is ready.
 */
export function deferApi(core: Promise<PrivacyApi>): PrivacyApi {
  return Object.fromEntries(
    apiMethodNames.map(method => [
      method,
      async (input: unknown) => {
        const api = await core
        return (api[method] as (value: unknown) => Promise<unknown>)(input)
      },
    ]),
  ) as unknown as PrivacyApi
}
