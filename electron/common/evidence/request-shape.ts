import { isLocalHost, urlParts } from '../outbound/url-parts'

/** What a request signature looks at: the method, where it goes, its path and its parameters. */
export interface RequestShape {
  readonly method: string
  /** Lower-case host without port. */
  readonly host: string
  readonly port: number | null
  readonly path: string
  /** Query parameters by lower-case name, values decoded (a name may repeat). */
  readonly params: ReadonlyMap<string, readonly string[]>
  /** False for loopback and private addresses (the request never leaves the LAN). */
  readonly upstream: boolean
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

function parseParams(query: string): ReadonlyMap<string, readonly string[]> {
  const params = new Map<string, string[]>()
  for (const pair of query.split('&')) {
    if (pair === '') {
      continue
    }
    const eq = pair.indexOf('=')
    const name = decode(eq < 0 ? pair : pair.slice(0, eq)).toLowerCase()
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1))
    params.set(name, [...(params.get(name) ?? []), value])
  }
  return params
}

const noParams: ReadonlyMap<string, readonly string[]> = new Map()

// Most signatures look at the host and path only, and naming a store's targets shapes tens of
// thousands of URLs: the parameters and the LAN test are worked out when first asked for.
class LazyShape implements RequestShape {
  #params: ReadonlyMap<string, readonly string[]> | undefined
  #upstream: boolean | undefined

  constructor(
    readonly method: string,
    readonly host: string,
    readonly port: number | null,
    readonly path: string,
    private readonly query: string,
  ) {}

  get params(): ReadonlyMap<string, readonly string[]> {
    this.#params ??= this.query === '' ? noParams : parseParams(this.query)
    return this.#params
  }

  get upstream(): boolean {
    this.#upstream ??= this.host !== '' && !isLocalHost(this.host)
    return this.#upstream
  }
}

/** The shape of a request from its method and (redacted) URL as the log shows it. */
export function requestShape(method: string, url: string): RequestShape {
  const parts = urlParts(url)
  return new LazyShape(method.toUpperCase(), parts.host, parts.port, parts.path, parts.query)
}
