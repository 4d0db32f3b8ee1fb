import type { OutboundLog } from '../outbound/outbound-log'
import {
  switchProcesses,
  type ConnectionEvidence,
  type WitnessedFlow,
} from '../verify/connection-witness'
import type { Collector } from './collector'
import { createConnectionSampler } from './connection-sampler'
import type { CoreWitness, WitnessChoices } from './core-witness'
import { scopeToDataDir } from './demo-scope'
import { createPlatformCollector } from './platform-collector'

/** What the connection evidence of a verification is drawn from. */
export interface VerifyEvidenceDeps {
  readonly witness: Pick<CoreWitness, 'status'>
  readonly outbound: Pick<OutboundLog, 'connectionsOf'>
  readonly choices: () => WitnessChoices
  readonly collect?: Collector
  readonly platform?: NodeJS.Platform
  /** Between the two looks of a verification no witness watched before (default 500 ms). */
  readonly lookGapMs?: number
}

const processIds = [...new Set(Object.values(switchProcesses).map(p => p.processId))]
const supported: readonly NodeJS.Platform[] = ['linux', 'darwin', 'win32']

/**
 * The connection witness for a verification of the server whose data folder is `dataDir`: what
 * the running witness stored since it began watching, or, when none watches (a `hush verify`
 * command), two looks half a second apart, which can only say what is open now. Null when the
 * server is on another machine, the owner turned the witness off, or this system has no reader.
 */
export async function connectionEvidence(
  deps: VerifyEvidenceDeps,
  dataDir: string | null,
): Promise<ConnectionEvidence | null> {
  const choices = deps.choices()
  const platform = deps.platform ?? process.platform
  if (dataDir === null || !choices.enabled || !supported.includes(platform)) {
    return null
  }
  const status = deps.witness.status()
  if (status.state === 'watching' && status.since !== null) {
    const flows: WitnessedFlow[] = processIds.flatMap(processId =>
      deps.outbound.connectionsOf(processId, 1_000).map(flow => ({ ...flow, processId })),
    )
    return {
      scope: 'history',
      since: Date.parse(status.since),
      at: Date.now(),
      intervalSeconds: status.intervalSeconds,
      flows,
      notices: status.notices,
    }
  }
  const sampler = createConnectionSampler({
    collect: scopeToDataDir(dataDir, deps.collect ?? createPlatformCollector(platform)).collect,
    intervalSeconds: choices.intervalSeconds,
  })
  const since = Date.now()
  await sampler.sampleOnce()
  await new Promise(resolve => setTimeout(resolve, deps.lookGapMs ?? 500))
  await sampler.sampleOnce()
  // Open at both looks: a connection a process holds, not one it was just closing.
  const flows = sampler
    .flows()
    .filter(
      f =>
        f.closedAt === undefined &&
        f.firstSeen < f.lastSeen &&
        f.state === 'ESTABLISHED' &&
        processIds.includes(f.processId),
    )
    .map((f): WitnessedFlow => ({
      processId: f.processId,
      process: f.processLabel,
      host: f.remote.address,
      firstSeen: new Date(f.firstSeen).toISOString(),
      lastSeen: new Date(f.lastSeen).toISOString(),
      closedAt: null,
      bytesSent: f.bytesSent ?? null,
      bytesReceived: f.bytesReceived ?? null,
    }))
  return {
    scope: 'now',
    since,
    at: Date.now(),
    intervalSeconds: choices.intervalSeconds,
    flows,
    notices: sampler.notices().map(n => n.message),
  }
}
