import { apiMethodNames, type PrivacyApi } from '../../common/api/contract'

/**
 * A PrivacyApi whose calls wait for the core: the window paints first and the core starts after
 * it, so IPC handlers are in place before the renderer's first call and answer once it is ready.
 * When the core fails to start, every call (waiting or new) fails with that reason: none waits
 * for ever.
 */
export function deferApi(core: Promise<PrivacyApi>): PrivacyApi {
  // The failure is handled by whoever started the core; calls still see it when they await.
  core.catch(() => undefined)
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
