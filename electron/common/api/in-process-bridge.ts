import { apiMethods, type ApiEvents, type PrivacyApi, type PrivacyBridge } from './contract'
import type { EventHub } from '../util/event-hub'
import { invalidInputMessage } from './errors'

/**
 * A PrivacyBridge straight onto the core, in the same process (the CLI, tests). It parses input
 * with the contract's schemas like the IPC and HTTP bridges do, so all three behave alike.
 */
export function createInProcessBridge(api: PrivacyApi, events: EventHub<ApiEvents>): PrivacyBridge {
  return {
    call: async (method, input) => {
      if (!Object.hasOwn(apiMethods, method)) {
        throw new Error(`unknown method ${method}`)
      }
      const parsed = apiMethods[method].input.safeParse(input)
      if (!parsed.success) {
        throw new Error(invalidInputMessage(method, parsed.error))
      }
      const handler = api[method] as (value: unknown) => Promise<never>
      return handler(parsed.data)
    },
    on: (event, listener) => events.on(event, listener),
  }
}
