/**
 * What a demo server says about its own connections, as a file in its data folder: which
 * loopback address plays which host, and which processes are its helpers. The demo writes it as
 * stand-ins open and helpers start; the connection witness reads it to name the demo's
 * connections (a fact, like a `*.plex.direct` name, never a guess) and to watch only this demo's
 * processes (another demo on the same machine has helpers of the same names).
 */

/** The file's name inside the demo server's data folder. */
export const demoStandInsFileName = 'Hush Demo Connections.json'

/** One stand-in: the host it plays, and where it listens. */
export interface DemoStandIn {
  readonly host: string
  readonly address: string
  readonly port: number
}

/** What the file holds. */
export interface DemoConnectionFacts {
  readonly standIns: readonly DemoStandIn[]
  /** The demo's helper processes (named like Plex's) that run now or ran. */
  readonly pids: readonly number[]
}

/** The file's text. */
export function serializeDemoFacts(facts: DemoConnectionFacts): string {
  const standIns = facts.standIns.map(({ host, address, port }) => ({ host, address, port }))
  return `${JSON.stringify({ standIns, pids: facts.pids })}\n`
}

function isStandIn(v: unknown): v is DemoStandIn {
  const s = v as DemoStandIn
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof s.host === 'string' &&
    typeof s.address === 'string' &&
    Number.isInteger(s.port)
  )
}

/** The facts a file's text holds; whatever is not one is left out. */
export function parseDemoFacts(text: string): DemoConnectionFacts {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { standIns: [], pids: [] }
  }
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  return {
    standIns: Array.isArray(v.standIns) ? v.standIns.filter(isStandIn) : [],
    pids: Array.isArray(v.pids) ? v.pids.filter((p): p is number => Number.isInteger(p)) : [],
  }
}
