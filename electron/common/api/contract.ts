import { z } from 'zod'
import { resultSchema } from './errors'
import { discoveryReportSchema, serverInfoSchema } from './server-schemas'

/**
 * The one contract between the core and its faces (window, tray, CLI, web mode).
 *
 * Keys are `namespace.verb`; each method takes one object and returns a promise. The zod schemas
 * validate input at every trust boundary (IPC, HTTP). Expected failures are values (`Result`).
 */
export const apiMethods = {
  'server.discover': {
    input: z.object({ dataDir: z.string().optional() }),
    output: discoveryReportSchema,
  },
  'server.check': {
    input: z.object({}),
    output: resultSchema(serverInfoSchema),
  },
} as const

/** A method name of the contract. */
export type ApiMethod = keyof typeof apiMethods

/** The input a method takes, before parsing. */
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiMethods)[M]['input']>

/** The output a method returns. */
export type ApiOutput<M extends ApiMethod> = z.output<(typeof apiMethods)[M]['output']>

/** What the core implements: one handler per method. */
export type PrivacyApi = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>> }

/** Push events, core → faces. Past-tense names: something happened. */
export interface ApiEvents {
  'server.checked': { readonly reachable: boolean }
}

/** A push event name. */
export type ApiEvent = keyof ApiEvents

/** What every face holds, whatever the transport. */
export interface PrivacyBridge {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
}

/** The method names, for allow-lists in the bridges. */
export const apiMethodNames: readonly ApiMethod[] = Object.keys(apiMethods) as ApiMethod[]
