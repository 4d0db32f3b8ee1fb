/**
 * The demo's stand-ins as a file in its data folder: which loopback address plays which host.
 * The demo writes it as stand-ins open; the connection witness reads it to name the demo's
 * connections (a fact, like a `*.plex.direct` name), never to guess.
 */

/** The file's name inside the demo server's data folder. */
export const demoStandInsFileName = 'Hush Demo Stand-ins.json'

/** One stand-in: the host it plays, and where it listens. */
export interface DemoStandIn {
  readonly host: string
  readonly address: string
  readonly port: number
}

/** The file's text. */
export function serializeStandIns(standIns: readonly DemoStandIn[]): string {
  return `${JSON.stringify(standIns.map(({ host, address, port }) => ({ host, address, port })))}\n`
}

/** The stand-ins a file's text names; whatever is not a stand-in is left out. */
export function parseStandIns(text: string): DemoStandIn[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return []
  }
  if (!Array.isArray(value)) {
    return []
  }
  return value.filter(
    (v): v is DemoStandIn =>
      typeof v === 'object' &&
      v !== null &&
      typeof (v as DemoStandIn).host === 'string' &&
      typeof (v as DemoStandIn).address === 'string' &&
      Number.isInteger((v as DemoStandIn).port),
  )
}
