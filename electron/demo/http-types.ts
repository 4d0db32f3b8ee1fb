import type { ResponseElement, ResponseFormat } from './render'

/** A request as the demo's routes see it. */
export interface DemoRequest {
  readonly method: string
  readonly url: URL
  readonly format: ResponseFormat
  readonly body: string
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
}

/** What a route answers: an element (XML or JSON by the request), raw JSON, text, or nothing. */
export interface DemoResponse {
  readonly status: number
  readonly element?: ResponseElement
  readonly json?: unknown
  readonly text?: string
  /** A binary body (a zip of the logs). */
  readonly bytes?: Buffer
  readonly contentType?: string
}

/** Who may call a route: anyone, or a holder of the server token. */
export type RouteAuth = 'none' | 'token'

/** One HTTP route of the demo. */
export interface DemoRoute {
  readonly methods: readonly string[]
  readonly pattern: RegExp
  readonly auth: RouteAuth
  /** plex.tv routes answer 503 while plex.tv is made unreachable. */
  readonly plexTv?: boolean
  readonly handle: (
    request: DemoRequest,
    match: RegExpMatchArray,
  ) => DemoResponse | Promise<DemoResponse>
}

/** An empty answer with a status. */
export function status(code: number, text?: string): DemoResponse {
  return text === undefined ? { status: code } : { status: code, text, contentType: 'text/plain' }
}

/** The query pairs that are not `X-Plex-*` client parameters. */
export function settingPairs(url: URL): [string, string][] {
  return [...url.searchParams].filter(([name]) => !name.startsWith('X-Plex-'))
}
